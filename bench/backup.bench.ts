// Backup and verified restore of the 10,000-client benchmark clinic (bench/clinic-seed.ts), and
// what synchronous = FULL costs a write. Figures from a shared machine vary; compare runs on one.
// Run: npx tsx bench/backup.bench.ts

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkDatabaseFile } from '../electron/db/file-check';
import { LATEST_VERSION } from '../electron/db/migrations/index';
import type { Db } from '../electron/db/native';
import { writeTransaction } from '../electron/db/sql';
import { ClinicStorage } from '../electron/db/storage';
import { restoreBackup, runBackup } from '../electron/services/backups';
import { CLIENTS, RACES, TREATMENTS, seedBenchClinic } from './clinic-seed';

const MB = 1024 * 1024;

async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - start) / 1000 };
}

const line = (label: string, seconds: number, bytes?: number) =>
  console.log(`  ${label.padEnd(52)}${seconds.toFixed(2).padStart(7)} s${bytes === undefined ? '' : `${(bytes / MB / seconds).toFixed(1).padStart(9)} MB/s`}`);

/** Commit latency of a small write transaction (a treatment row), as logging one does. */
function commitLatency(db: Db, synchronous: 'FULL' | 'NORMAL', n = 300): { p50: number; p95: number; max: number } {
  db.pragma(`synchronous = ${synchronous}`);
  const insert = db.prepare(
    `INSERT INTO treatments (client_id, therapist_id, date, intensity, phase, ceiling, guidance_headline) VALUES (1, 1, '2026-03-02', 'light', 'taper', 'light', 'Bench')`,
  );
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    writeTransaction(db, () => insert.run());
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(n * 0.5)]!, p95: samples[Math.floor(n * 0.95)]!, max: samples[n - 1]! };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fettle-bench-backup-'));
  const storage = ClinicStorage.open(dataDir);
  try {
    console.log(`Backup and verified restore: ${CLIENTS.toLocaleString('en-GB')} clients, ${RACES.toLocaleString('en-GB')} races, ${TREATMENTS.toLocaleString('en-GB')} treatments`);
    const seeded = seedBenchClinic(storage.db);
    storage.db.pragma('wal_checkpoint(TRUNCATE)');
    const size = fs.statSync(storage.file).size;
    console.log(`  seeded in ${(seeded.ms / 1000).toFixed(1)} s; database ${(size / MB).toFixed(1)} MB\n`);

    const quick = await timed(() => checkDatabaseFile(storage.file, { latestVersion: LATEST_VERSION, integrity: 'quick' }));
    line("a picked file's check (read-only copy + quick_check)", quick.seconds, size);
    const reopen = await timed(() => storage.reopen());
    line('open at start-up (lock, header, open, migrations)', reopen.seconds, size);
    // From 8 MB the pages are checked in a worker once open, while the first screen paints.
    const checked = await timed(() => storage.checked);
    line('then its quick_check in a worker, until passed', checked.seconds, size);

    const copyOnly = path.join(dataDir, 'copy-only.sqlite');
    const copy = await timed(() => storage.db.backup(copyOnly));
    line('online copy alone (SQLite backup API)', copy.seconds, fs.statSync(copyOnly).size);
    fs.rmSync(copyOnly);
    const backup = await timed(() => runBackup(storage));
    line('backup: online copy + integrity_check + rename', backup.seconds, backup.value.sizeBytes);
    const verify = await timed(() => checkDatabaseFile(backup.value.file, { latestVersion: LATEST_VERSION, integrity: 'full' }));
    line('  of which the verification (integrity_check)', verify.seconds, backup.value.sizeBytes);

    const restore = await timed(() => restoreBackup(storage, backup.value.file));
    line('verified restore: check, safety backup, swap, reopen', restore.seconds, backup.value.sizeBytes);
    if (storage.refusal) throw storage.refusal;
    const clients = storage.db.prepare('SELECT count(*) FROM clients').pluck().get() as number;
    if (clients !== CLIENTS) throw new Error(`restored ${clients} clients, expected ${CLIENTS}`);

    console.log('\nA small write transaction (one treatment row), 300 commits each, ms:');
    for (const mode of ['NORMAL', 'FULL'] as const) {
      const s = commitLatency(storage.db, mode);
      console.log(`  synchronous = ${mode.padEnd(7)} p50 ${s.p50.toFixed(2).padStart(6)}   p95 ${s.p95.toFixed(2).padStart(6)}   max ${s.max.toFixed(2).padStart(6)}`);
    }
  } finally {
    storage.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
