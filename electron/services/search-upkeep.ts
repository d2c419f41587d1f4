import { mergeSearchIndexes } from '../db/repositories/clients';
import type { ClinicStorage } from '../db/storage';
import { keepUp, type UpkeepTimes } from './upkeep';

export interface SearchUpkeepOptions extends UpkeepTimes {
  /** Pages written a step (about 20-35 ms at 100,000 clients). */
  pages: number;
}

const DEFAULTS: SearchUpkeepOptions = { busyMs: 2_000, idleMs: 10 * 60_000, pages: 200 };

/**
 * Keeps the client search indexes merged while the app is open: a small step every couple of
 * seconds while there is work (after an import, or months of saves), then a look every ten
 * minutes. Search works either way, only slower.
 */
export function keepSearchIndexMerged(
  storage: ClinicStorage,
  log: (message: string, detail?: unknown) => void,
  options: Partial<SearchUpkeepOptions> = {},
): { stop(): void } {
  const { pages, ...times } = { ...DEFAULTS, ...options };
  return keepUp(storage, log, 'Merging the search index', (db) => mergeSearchIndexes(db, pages), times);
}
