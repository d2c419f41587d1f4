import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite's quick_check of a database file, run in a worker thread on a read-only connection of
 * its own. quick_check reads every page: 1.8 to 2.6 s for a ten-year chain's 430 MB file
 * (bench/clients.bench.ts), during which the main process (better-sqlite3 is synchronous) would
 * answer nothing and the window would stay blank. In a worker the first screen paints at once
 * while the check goes on. Resolves with the problems SQLite names, none when the file is sound.
 *
 * The worker is a few lines of CommonJS evaluated in place, so it needs no bundle entry of its
 * own in the app's build and runs unchanged under plain Node in the tests.
 */
export function quickCheckInWorker(file: string): Promise<string[]> {
  // Resolved here, where the app's own module paths apply, and handed to the worker.
  const sqlite = createRequire(__filename).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { sqlite, file } });
    worker.once('message', (problems: string[]) => resolve(problems));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The integrity check stopped early (exit code ${code}).`)));
  });
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  const rows = db.prepare('PRAGMA quick_check(3)').pluck().all();
  parentPort.postMessage(rows.flatMap((row) => String(row).split('\\n')).filter((row) => row !== 'ok' && !row.startsWith('***')));
} finally {
  db.close();
}
`;
