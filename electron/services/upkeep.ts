import type { Db } from '../db/native';
import type { ClinicStorage } from '../db/storage';

export interface UpkeepTimes {
  /** Between steps while there is work. */
  busyMs: number;
  /** Between looks once there is none. */
  idleMs: number;
}

/**
 * Runs `step` (bounded work on the database; true while there is more) while the app is open: a
 * step every `busyMs` while there is work, then a look every `idleMs`. Nothing runs before the
 * start-up check has passed or while the database is closed (a restore, a refused file). A failed
 * step is logged as `what` and tried again later: upkeep only ever makes things quicker.
 */
export function keepUp(
  storage: ClinicStorage,
  log: (message: string, detail?: unknown) => void,
  what: string,
  step: (db: Db) => boolean,
  { busyMs, idleMs }: UpkeepTimes,
): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void run(), ms);
    timer.unref();
  };
  const run = async () => {
    let more = false;
    try {
      await storage.checked;
      if (storage.isOpen) more = step(storage.db);
    } catch (error) {
      log(`${what} failed`, error instanceof Error ? error.message : String(error));
    }
    schedule(more ? busyMs : idleMs);
  };
  schedule(busyMs);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
