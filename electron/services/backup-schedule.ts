import type { ClinicStorage } from '../db/storage';
import { backupIsDue, runBackup } from './backups';

// When the running app backs up on its own: at start-up, once a day while it stays open, and on
// quit. Plain timers and no Electron, so tests drive it with fake ones; electron/main calls it.

/** How often the app asks "has today been backed up yet?" while it stays open. */
export const DAILY_CHECK_MS = 60 * 60 * 1000;
/** Quitting waits this long at most for the last backup (a slow USB stick must not hold the app open). */
export const QUIT_BACKUP_LIMIT_MS = 60 * 1000;

export interface BackupSchedule {
  /** The backup on quit, then the folder is released. Resolves when it is safe to exit. */
  finish(): Promise<void>;
}

/**
 * Starts the backups: one now (when the database is open), then one a day while the app is open,
 * and one when it quits. A failed backup is logged and shown by backups:status; it never stops
 * the app. `backUp` takes one backup (runBackup; tests stand in one that hangs).
 */
export function keepBackedUp(
  storage: ClinicStorage,
  log: (message: string, detail?: unknown) => void,
  backUp: (storage: ClinicStorage) => Promise<unknown> = runBackup,
): BackupSchedule {
  const attempt = async (why: string) => {
    // A large clinic's pages are still being checked in a worker just after start-up: backing
    // up meanwhile would read the file twice over, and a damaged one closes when the check ends.
    await storage.checked;
    if (!storage.isOpen) return;
    try {
      await backUp(storage);
    } catch (error) {
      log(`The ${why} backup failed`, error instanceof Error ? error.message : String(error));
    }
  };
  void attempt('start-up');
  const timer = setInterval(() => {
    if (storage.isOpen && backupIsDue(storage)) void attempt('daily');
  }, DAILY_CHECK_MS);
  timer.unref();
  return {
    async finish() {
      clearInterval(timer);
      let capped: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<void>((resolve) => {
        capped = setTimeout(resolve, QUIT_BACKUP_LIMIT_MS);
        capped.unref();
      });
      await Promise.race([
        (async () => {
          await storage.activity?.done.catch(() => undefined);
          await attempt('quit');
        })(),
        limit,
      ]);
      clearTimeout(capped);
      storage.close();
    },
  };
}
