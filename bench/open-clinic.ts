// Opens a clinic's data folder as the app's main process does at start-up (folder lock, header
// and quick_check, migrations, through ClinicStorage) in a process of its own, and prints how
// long it took (to open, and until the quick_check passed) and the process's memory (rss)
// before and after, as JSON. bench/clients.bench.ts
// runs it on the clinic it seeded, so the figures are not those of the process that built it.
// Run: npx tsx bench/open-clinic.ts <data folder>

import { ClinicStorage } from '../electron/db/storage';

export interface Opening {
  /** Until the database is open and the first screen's calls can be answered. */
  openMs: number;
  /** Until its quick_check has passed: at once for a small clinic, from a worker for a large one. */
  checkedMs: number;
  rssBeforeMb: number;
  rssAfterMb: number;
}

const dataDir = process.argv[2];
if (!dataDir) throw new Error('Name the data folder to open: npx tsx bench/open-clinic.ts <folder>');
const rssBeforeMb = process.memoryUsage().rss / 1e6;
const started = performance.now();
const storage = ClinicStorage.open(dataDir);
const openMs = performance.now() - started;
void storage.checked.then(() => {
  const checkedMs = performance.now() - started;
  if (!storage.isOpen) throw storage.refusal ?? new Error('The clinic did not open.');
  const opening: Opening = { openMs, checkedMs, rssBeforeMb, rssAfterMb: process.memoryUsage().rss / 1e6 };
  storage.close();
  console.log(JSON.stringify(opening));
});
