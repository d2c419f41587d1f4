import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicExport } from '../../shared/api/exports';
import { exportClinic, ROWS_PER_CHUNK } from '../../electron/services/export/clinic-export';
import type { JobProgress } from '../../electron/services/progress';
import { makeDataDir, openTestClinic, type TestClinic } from '../support/clinic';
import { seedClinic, type Seeded } from './seed';

// The full export, read back from the zip on disk: every table, every row, the CSV rules, the JSON
// document, the README, secrets left out, a consistent snapshot, and no file after a failure.

let clinic: TestClinic;
let seeded: Seeded;
let out: string;

beforeEach(async () => {
  out = makeDataDir('fettle-export-out-');
  clinic = openTestClinic({ choosePath: (purpose) => Promise.resolve(purpose === 'export-save' ? path.join(out, 'clinic') : null) });
  seeded = await seedClinic(clinic);
});
afterEach(() => {
  clinic.close();
  fs.rmSync(out, { recursive: true, force: true });
});

const quietly = async (_: JobProgress) => {};
const exportTo = (file: string, step: (p: JobProgress) => Promise<void> = quietly) => exportClinic(clinic.db, file, { appVersion: '0.0.0-test', step });
const readZip = (file: string) => unzipSync(new Uint8Array(fs.readFileSync(file)));

/** The tables of the schema, found independently of the export's own code: all but SQLite's, the search index and the phase answers kept ahead. */
const KEPT_AHEAD = ['appointment_guidance', 'guidance_queue', 'recall_due'];
const schemaTables = (): string[] =>
  (clinic.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'client\\_search%' ESCAPE '\\' ORDER BY name").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => !KEPT_AHEAD.includes(name));

const isSecret = (column: string) => /_hash$/.test(column);
const columnsOf = (table: string) => (clinic.db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name).filter((c) => !isSecret(c));
const dbRows = (table: string) => clinic.db.prepare(`SELECT ${columnsOf(table).map((c) => `"${c}"`).join(', ')} FROM "${table}"${table === 'settings' ? " WHERE key NOT LIKE '%\\_hash' ESCAPE '\\'" : ''}`).all() as Record<string, unknown>[];

const asCell = (v: unknown) => (v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

function csvOf(files: Record<string, Uint8Array>, table: string): { header: string[]; rows: string[][]; text: string } {
  const text = strFromU8(files[`${table}.csv`]!);
  const [header, ...rows]: string[][] = parse(text, { bom: true, relax_column_count: false });
  return { header: header!, rows, text };
}

describe('full export', () => {
  it('holds every table of the schema, each with all its rows and its own column names', async () => {
    const result = await exportTo(path.join(out, 'all.zip'));
    const files = readZip(result.file);
    const tables = schemaTables();
    expect(tables).toEqual(expect.arrayContaining(['clients', 'races', 'treatments', 'appointments', 'therapists', 'plan_sessions', 'recall_contacts']));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'fettle.json', ...tables.map((t) => `${t}.csv`)].sort());
    expect(result.tables.map((t) => t.name).sort()).toEqual(tables);
    for (const table of tables) {
      const { header, rows } = csvOf(files, table);
      expect(header, table).toEqual(columnsOf(table));
      const expected = dbRows(table);
      expect(rows, table).toHaveLength(expected.length);
      expect(result.tables.find((t) => t.name === table)!.rows, table).toBe(expected.length);
      // Every cell as the database holds it (empty for NULL).
      expect(rows, table).toEqual(expected.map((r) => header.map((c) => asCell(r[c]))));
    }
    expect(csvOf(files, 'treatments').rows).toHaveLength(4);
    expect(csvOf(files, 'clients').rows).toHaveLength(3);
  });

  it('picks up a table added later without being told about it', async () => {
    clinic.db.exec("CREATE TABLE gift_vouchers (id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES clients(id), code TEXT NOT NULL) STRICT; INSERT INTO gift_vouchers (client_id, code) VALUES (1, 'SPRING-10')");
    const files = readZip((await exportTo(path.join(out, 'later.zip'))).file);
    expect(csvOf(files, 'gift_vouchers').rows).toEqual([['1', '1', 'SPRING-10']]);
    expect(strFromU8(files['README.txt']!)).toContain('gift_vouchers.csv (1 row)');
    expect(strFromU8(files['README.txt']!)).toMatch(/client_id\s+the id of a row in clients\.csv/);
  });

  it('writes RFC 4180 CSV: UTF-8 with a BOM, CRLF, commas, quotes and line breaks quoted, accents and other scripts intact', async () => {
    const files = readZip((await exportTo(path.join(out, 'quoting.zip'))).file);
    const { text, header, rows } = csvOf(files, 'clients');
    expect(files['clients.csv']!.subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    // (The decoder drops the BOM.)
    expect(text.slice(0, text.indexOf('\r\n'))).toBe(header.join(','));
    expect(text).toContain('"Mo ""The Rocket"""');
    expect(text).toContain('"O\'Brien, Jr"');
    expect(text).toContain('"First line\nsecond line, with a comma\r\nthird ""quoted"" line"');
    // Every record ends with CRLF; line breaks inside quoted fields are the only others.
    expect(text.endsWith('\r\n')).toBe(true);
    const byName = (last: string) => rows.find((r) => r[header.indexOf('last_name')] === last)!;
    expect(byName("O'Brien, Jr")[header.indexOf('first_name')]).toBe('Mo "The Rocket"');
    expect(byName("O'Brien, Jr")[header.indexOf('notes')]).toBe('First line\nsecond line, with a comma\r\nthird "quoted" line');
    expect(byName("O'Brien, Jr")[header.indexOf('emergency_contact_name')]).toBe('王小明');
    expect(byName('Łukasiewicz-Ó Briain')[header.indexOf('first_name')]).toBe('Zoë');
    // Dates as ISO.
    expect(byName('Łukasiewicz-Ó Briain')[header.indexOf('date_of_birth')]).toBe('1988-04-09');
    const races = csvOf(files, 'races');
    expect(races.rows.map((r) => r[races.header.indexOf('date')])).toEqual(['2026-04-19', '2026-03-21']);
  });

  it('fettle.json holds exactly what the database holds', async () => {
    const files = readZip((await exportTo(path.join(out, 'json.zip'))).file);
    const doc = JSON.parse(strFromU8(files['fettle.json']!)) as { format: string; formatVersion: number; schemaVersion: number; tables: Record<string, unknown[]> };
    expect(doc).toMatchObject({ format: 'fettle-export', formatVersion: 1 });
    expect(doc.schemaVersion).toBe(clinic.db.pragma('user_version', { simple: true }));
    expect(Object.keys(doc.tables).sort()).toEqual(schemaTables());
    for (const table of schemaTables()) expect(doc.tables[table], table).toEqual(dbRows(table));
    const treatments = doc.tables.treatments as Record<string, unknown>[];
    expect(treatments.map((t) => t.subjective)).toEqual([...seeded.zoeNotes, ...seeded.trickyNotes].map((n) => n.subjective));
    // The guidance shown at the time travels with each note.
    expect(treatments[0]).toMatchObject({ phase: expect.any(String), ceiling: expect.any(String), guidance_headline: expect.any(String) });
  });

  it('README.txt names every file and every column', async () => {
    const files = readZip((await exportTo(path.join(out, 'readme.zip'))).file);
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('fettle.json');
    expect(readme).toContain('RFC 4180');
    for (const table of schemaTables()) {
      const section = readme.slice(readme.indexOf(`${table}.csv (`));
      expect(readme, table).toContain(`${table}.csv (${dbRows(table).length} row`);
      const body = section.slice(0, section.indexOf('\r\n\r\n'));
      for (const column of columnsOf(table)) expect(body, `${table}.${column}`).toMatch(new RegExp(`\\r\\n  ${column} +\\S`));
    }
    expect(readme).toMatch(/client_search: the client search index/);
  });

  it('leaves sign-in secrets out', async () => {
    clinic.db.prepare("INSERT INTO settings (key, value) VALUES ('recovery_key_hash', 'scrypt$secret')").run();
    clinic.db.prepare("INSERT INTO settings (key, value) VALUES ('idle_minutes', '10')").run();
    const files = readZip((await exportTo(path.join(out, 'secrets.zip'))).file);
    for (const [name, bytes] of Object.entries(files)) {
      const text = strFromU8(bytes);
      expect(text, name).not.toContain('scrypt$secret');
      if (name.endsWith('.csv')) expect(text.slice(0, text.indexOf('\r\n')), name).not.toMatch(/_hash(,|$)/);
    }
    expect(csvOf(files, 'settings').rows.map((r) => r[0])).toContain('idle_minutes');
    expect(strFromU8(files['README.txt']!)).toMatch(/Rows whose key ends in _hash/);
  });

  it('reads one consistent moment: a client saved while the export runs is not half in it', async () => {
    // Enough therapists for several chunks, so the save lands between chunks.
    const insert = clinic.db.prepare('INSERT INTO therapists (name) VALUES (?)');
    clinic.db.transaction(() => { for (let i = 0; i < 2 * ROWS_PER_CHUNK + 10; i++) insert.run(`Locum ${i}`); })();
    const before = { clients: dbRows('clients').length, therapists: dbRows('therapists').length };
    let saved = false;
    const steps: JobProgress[] = [];
    const result = await exportTo(path.join(out, 'snapshot.zip'), async (p) => {
      steps.push(p);
      if (!saved && p.done > 0) {
        saved = true;
        await clinic.call('clients:create', { firstName: 'Late', lastName: 'Arrival' });
        clinic.db.prepare('DELETE FROM therapists WHERE name = ?').run('Locum 3');
      }
    });
    expect(saved).toBe(true);
    expect(dbRows('clients')).toHaveLength(before.clients + 1);
    const files = readZip(result.file);
    expect(csvOf(files, 'clients').rows).toHaveLength(before.clients);
    expect(csvOf(files, 'therapists').rows).toHaveLength(before.therapists);
    const doc = JSON.parse(strFromU8(files['fettle.json']!)) as { tables: Record<string, unknown[]> };
    expect(doc.tables.clients).toHaveLength(before.clients);
    expect(doc.tables.therapists).toHaveLength(before.therapists);
    // Progress climbs to the total, in several steps.
    expect(steps.length).toBeGreaterThan(4);
    expect(steps.at(-1)).toMatchObject({ done: steps.at(-1)!.total });
    expect(steps.map((s) => s.done)).toEqual([...steps.map((s) => s.done)].sort((a, b) => a - b));
  });

  it('leaves no file, whole or partial, when the export fails part-way', async () => {
    const target = path.join(out, 'failed.zip');
    let calls = 0;
    await expect(exportTo(target, () => {
      calls += 1;
      return calls === 3 ? Promise.reject(new Error('disk full')) : Promise.resolve();
    })).rejects.toThrow('disk full');
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('leaves no partial file when the zip cannot take the chosen name, and keeps what was there', async () => {
    const target = path.join(out, 'taken.zip');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'mine');
    await expect(exportTo(target)).rejects.toThrow();
    expect(fs.readdirSync(out)).toEqual(['taken.zip']);
    expect(fs.readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('mine');
  });
});

describe('exports:clinic', () => {
  it('asks where to save, adds .zip, reports progress under the job, and answers the tables', async () => {
    const result = await clinic.call<ClinicExport>('exports:clinic', { job: 'export-test' });
    expect(result.file).toBe(path.join(out, 'clinic.zip'));
    expect(fs.existsSync(result.file)).toBe(true);
    expect(result.tables.find((t) => t.name === 'treatments')).toEqual({ name: 'treatments', rows: 4 });
    expect(await clinic.call('jobs:progress', { job: 'export-test' })).toMatchObject({ phase: 'Saving the zip' });
    const audit = clinic.db.prepare("SELECT action, client_id, detail FROM audit_events WHERE action = 'export'").all();
    expect(audit).toEqual([{ action: 'export', client_id: null, detail: expect.stringContaining(`tables) to ${result.file}`) as string }]);
  });

  it('writes nothing when the dialog is cancelled, and is for administrators only', async () => {
    const cancelled = openTestClinic({ choosePath: () => Promise.resolve(null) });
    try {
      expect(await cancelled.call('exports:clinic', { job: 'cancelled' })).toBeNull();
    } finally {
      cancelled.close();
    }
    for (const role of ['therapist', 'reception'] as const) {
      const other = openTestClinic({ role, choosePath: () => Promise.resolve(path.join(out, `${role}.zip`)) });
      try {
        expect(await other.dispatch('exports:clinic', { job: role })).toMatchObject({ ok: false, code: 'forbidden' });
      } finally {
        other.close();
      }
    }
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
