// Importing clients from a spreadsheet (issue 15): a 10,000-row CSV with a race on every row,
// previewed and imported into an empty clinic, then a second file of 10,000 other clients into
// the same clinic (the duplicate check now reads 10,000 clients on file). Target: an import of
// 10,000 rows within 10 s. Figures from a shared machine vary; compare runs on one.
// Run: npx tsx bench/import.bench.ts [--rows N]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClinicStorage } from '../electron/db/storage';
import { commitClientImport, previewClientImport } from '../electron/services/client-import';
import { fixedClock, type ServiceContext } from '../electron/services/context';
import { progressOf } from '../electron/services/progress';

const argRows = process.argv.indexOf('--rows');
const ROWS = argRows > 0 ? Number(process.argv[argRows + 1]) : 10_000;
const TARGET_S = 10;

function writeCsv(file: string, rows: number, prefix: string): void {
  const lines = ['First name,Last name,Date of birth,Email,Phone,Notes,Race,Race date,Distance,Priority'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(
      `${prefix}${i},Runner-${i},${day}/${month}/19${50 + (i % 50)},${prefix.toLowerCase()}${i}@example.com,07700 9${String(i).padStart(5, '0')},` +
        `"Tight calves, left ITB",Club race ${i},2026-${month}-${day},${['5k', '10k', 'half', 'marathon'][i % 4]},${'ABC'[i % 3]}`,
    );
  }
  fs.writeFileSync(file, lines.join('\n'));
}

/** Follows a job's reports on every turn of the event loop, with when each was first seen. */
function follow(job: string) {
  const seen: { phase: string; done: number; total: number; at: number }[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const now = progressOf(job);
      const last = seen.at(-1);
      if (now && (!last || last.phase !== now.phase || last.done !== now.done)) seen.push({ ...now, at: performance.now() });
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return { seen, stop: async () => ((running = false), await done) };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s`;

async function run(ctx: ServiceContext, file: string, label: string): Promise<number> {
  const size = fs.statSync(file).size;
  let start = performance.now();
  const preview = await previewClientImport(ctx, { file, racesFile: null, mapping: null, preset: null });
  const previewMs = performance.now() - start;
  if (preview.errors.length > 0) throw new Error(`${label}: ${preview.errors.length} lines have errors, first: ${preview.errors[0]!.message}`);

  const job = `bench-${label}`;
  const progress = follow(job);
  start = performance.now();
  const result = await commitClientImport(ctx, { file, racesFile: null, mapping: preview.mapping, exclude: [], excludeRaces: [], job });
  const end = performance.now();
  await progress.stop();
  const writingFrom = progress.seen.find((p) => p.phase.startsWith('Writing'))?.at ?? end;
  const checks = progress.seen.filter((p) => p.phase === 'Checking rows').length;

  console.log(`${label}: ${ROWS.toLocaleString('en-GB')} rows, ${(size / 1024 / 1024).toFixed(1)} MB`);
  console.log(`  preview (read, check every row, ${preview.rows.length.toLocaleString('en-GB')} rows back)  ${s(previewMs)}`);
  console.log(`  import, of which                                   ${s(end - start)}   ${Math.round((ROWS / (end - start)) * 1000).toLocaleString('en-GB')} rows/s`);
  console.log(`    read and check again                             ${s(writingFrom - start)}   (${checks} progress reports seen)`);
  console.log(`    write ${result.clients.toLocaleString('en-GB')} clients and ${result.races.toLocaleString('en-GB')} races in one transaction ${s(end - writingFrom)}`);
  return end - start;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fettle-bench-import-'));
  const storage = ClinicStorage.open(dir);
  const ctx: ServiceContext = { get db() { return storage.db; }, ...fixedClock('2026-03-02') };
  try {
    const first = path.join(dir, 'clients-1.csv');
    const second = path.join(dir, 'clients-2.csv');
    writeCsv(first, ROWS, 'Ann');
    writeCsv(second, ROWS, 'Bob');
    console.log(`Client import (target: ${ROWS.toLocaleString('en-GB')} rows within ${TARGET_S} s)\n`);
    const empty = await run(ctx, first, 'into an empty clinic');
    console.log('');
    const full = await run(ctx, second, `into a clinic of ${ROWS.toLocaleString('en-GB')} clients`);
    const worst = Math.max(empty, full) / 1000;
    console.log(`\n  slowest import ${worst.toFixed(2)} s: target ≤ ${TARGET_S} s ${worst <= TARGET_S ? 'met' : 'not met'}`);
  } finally {
    storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
