// The data folder in the running app: opened once at start, backed up at start-up, daily while
// open and on quit, and the system's file dialog for the paths the backup screens ask for. The
// decisions (is a backup due, what a backup is) live in electron/services/backups.ts.
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { PathPurpose } from '../../shared/api/storage';
import type { ClinicStorage } from '../db/storage';
import { backupIsDue, runBackup } from '../services/backups';

/** How often the app asks "has today been backed up yet?" while it stays open. */
const DAILY_CHECK_MS = 60 * 60 * 1000;
/** Quitting waits this long at most for the last backup (a slow USB stick must not hold the app open). */
const QUIT_BACKUP_LIMIT_MS = 60 * 1000;

export interface BackupSchedule {
  /** The backup on quit, then the folder is released. Resolves when it is safe to exit. */
  finish(): Promise<void>;
}

/**
 * Starts the backups: one now (when the database is open), then one a day while the app is open,
 * and one when it quits. A failed backup is logged and shown by backups:status; it never stops the app.
 */
export function keepBackedUp(storage: ClinicStorage, log: (message: string, detail?: unknown) => void): BackupSchedule {
  const backUp = async (why: string) => {
    if (!storage.isOpen) return;
    try {
      await runBackup(storage);
    } catch (error) {
      log(`The ${why} backup failed`, error instanceof Error ? error.message : String(error));
    }
  };
  void backUp('start-up');
  const timer = setInterval(() => {
    if (storage.isOpen && backupIsDue(storage)) void backUp('daily');
  }, DAILY_CHECK_MS);
  timer.unref();
  return {
    async finish() {
      clearInterval(timer);
      const limit = new Promise<void>((resolve) => setTimeout(resolve, QUIT_BACKUP_LIMIT_MS).unref());
      await Promise.race([(async () => {
        await storage.activity?.done.catch(() => undefined);
        await backUp('quit');
      })(), limit]);
      storage.close();
    },
  };
}

const DIALOGS: Partial<Record<PathPurpose, OpenDialogOptions>> = {
  'backup-folder': { title: 'Choose the backup folder', buttonLabel: 'Use this folder', properties: ['openDirectory', 'createDirectory'] },
  'import-open': {
    title: 'Choose the clients to import',
    buttonLabel: 'Choose',
    properties: ['openFile'],
    filters: [{ name: 'Spreadsheets', extensions: ['csv', 'xlsx', 'txt', 'tsv'] }, { name: 'All files', extensions: ['*'] }],
  },
  'data-folder': { title: 'Open another data folder', buttonLabel: 'Open this folder', properties: ['openDirectory', 'createDirectory'] },
  'backup-file': {
    title: 'Choose a backup to restore',
    buttonLabel: 'Choose',
    properties: ['openFile'],
    filters: [{ name: 'Fettle backups', extensions: ['sqlite'] }, { name: 'All files', extensions: ['*'] }],
  },
};

/** Where to save what Fettle writes out (a file the person names). */
const SAVE_DIALOGS: Partial<Record<PathPurpose, SaveDialogOptions>> = {
  'export-save': { title: 'Export everything', buttonLabel: 'Export', defaultPath: 'fettle-export.zip', filters: [{ name: 'Zip archive', extensions: ['zip'] }] },
  'record-json-save': { title: 'Save the client record (JSON)', buttonLabel: 'Save', defaultPath: 'client-record.json', filters: [{ name: 'JSON', extensions: ['json'] }] },
  'record-pdf-save': { title: 'Save the client record (PDF)', buttonLabel: 'Save', defaultPath: 'client-record.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] },
  'audit-save': { title: 'Save the audit trail', buttonLabel: 'Save', defaultPath: 'fettle-audit.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] },
};

/** The system's open (or save) dialog, attached to the window; null when the person cancels. */
export async function choosePath(window: BrowserWindow | null, purpose: PathPurpose): Promise<string | null> {
  const save = SAVE_DIALOGS[purpose];
  if (save) {
    const result = window ? await dialog.showSaveDialog(window, save) : await dialog.showSaveDialog(save);
    return result.canceled ? null : (result.filePath ?? null);
  }
  const options = DIALOGS[purpose];
  if (!options) return null;
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
