import { mergeSearchIndexes } from '../db/repositories/clients';
import type { ClinicStorage } from '../db/storage';

export interface SearchUpkeepOptions {
  /** Between steps while there is merging to do. */
  busyMs: number;
  /** Between looks once the indexes are merged. */
  idleMs: number;
  /** Pages written a step (about 20-35 ms at 100,000 clients). */
  pages: number;
}

const DEFAULTS: SearchUpkeepOptions = { busyMs: 2_000, idleMs: 10 * 60_000, pages: 200 };

/**
 * Keeps the client search indexes merged while the app is open: a small step every couple of
 * seconds while there is work (after an import, or months of saves), then a look every ten
 * minutes. Nothing runs before the start-up check has passed or while the database is closed
 * (a restore, a refused file). A failed step is logged and tried again later; search works
 * either way, only slower.
 */
export function keepSearchIndexMerged(
  storage: ClinicStorage,
  log: (message: string, detail?: unknown) => void,
  options: Partial<SearchUpkeepOptions> = {},
): { stop(): void } {
  const { busyMs, idleMs, pages } = { ...DEFAULTS, ...options };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void step(), ms);
    timer.unref();
  };
  const step = async () => {
    let more = false;
    try {
      await storage.checked;
      if (storage.isOpen) more = mergeSearchIndexes(storage.db, pages);
    } catch (error) {
      log('Merging the search index failed', error instanceof Error ? error.message : String(error));
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
