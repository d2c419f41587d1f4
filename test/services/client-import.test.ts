import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientImportPreviewResult, ClientImportResult, ImportMapping } from '../../shared/api/client-import';
import { progressOf } from '../../electron/services/progress';
import { openTestClinic, type TestClinic } from '../support/clinic';

// Importing clients and their races from a spreadsheet (issue 15), through the dispatcher as the
// window calls it, with real files on disk and the database read afterwards.

let clinic: TestClinic;
afterEach(() => clinic?.close());

function open(): TestClinic {
  clinic = openTestClinic({ today: '2026-03-02' });
  return clinic;
}

/** Writes `content` (text as UTF-8, or bytes) to a file in the clinic's folder; returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const dir = path.join(clinic.dataDir, 'incoming');
  fs.mkdirSync(dir, { recursive: true });
  const full = path.join(dir, name);
  fs.writeFileSync(full, content);
  return full;
}

const preview = (input: Record<string, unknown>) => clinic.call<ClientImportPreviewResult>('clientImport:preview', input);
const commit = (input: Record<string, unknown>) => clinic.call<ClientImportResult>('clientImport:commit', input);
async function refusal(name: string, input: Record<string, unknown>) {
  const result = await clinic.dispatch(name, input);
  if (result.ok) throw new Error(`${name} was not refused`);
  return result;
}

const clientsOnFile = () =>
  clinic.db.prepare('SELECT first_name, last_name, date_of_birth, email, phone, notes FROM clients ORDER BY id').all() as {
    first_name: string; last_name: string; date_of_birth: string | null; email: string; phone: string; notes: string;
  }[];

const PLAIN_HEADER = 'First name,Last name,Date of birth,Email,Phone,Notes';

describe('a file with bad rows', () => {
  const good = [
    'Ann,Smith,01/02/1980,ann@example.com,07700 900001,Left calf',
    'Bob,Jones,1975-06-15,,,',
    'Cara,Ng,,cara@example.com,,',
    'Dev,Patel,31/12/1990,,,',
    'Eve,Brown,2001-07-04,,,',
  ];
  const bad = [
    'Fay,,12/03/1985,,,', // no last name
    'Gus,Hill,31/02/1985,,,', // no such day
    'Hal,Ives,12/03/1985,not-an-email,,',
  ];
  const lines = [PLAIN_HEADER, good[0], bad[0], good[1], good[2], bad[1], good[3], bad[2], good[4]];

  it('imports nothing while 3 lines have errors, names those 3 lines, and imports once they are left out', async () => {
    open();
    const f = file('clients.csv', lines.join('\n'));
    const p = await preview({ file: f });
    expect(p.mappingSource).toBe('guessed');
    expect(p.preset).toBe('plain');
    expect(p.errors.map((e) => e.line)).toEqual([3, 6, 8]);
    expect(p.errors[0]!.message).toBe('Line 3: Last name is required.');
    expect(p.errors[1]!.message).toMatch(/^Line 6: Date of birth “31\/02\/1985” is not a real date/);
    expect(p.errors[2]!.message).toMatch(/^Line 8: Email: that does not look like an email address/);
    expect(p.counts).toEqual({ clients: 5, races: 0 });
    expect(p.rows.filter((r) => r.problems.length > 0).map((r) => r.line)).toEqual([3, 6, 8]);

    const refused = await refusal('clientImport:commit', { file: f, mapping: p.mapping });
    expect(refused.message).toMatch(/3 lines that cannot be imported, so nothing was imported/);
    for (const line of [3, 6, 8]) expect(refused.message).toContain(`Line ${line}:`);
    expect(Object.keys(refused.fields ?? {})).toEqual(['clients.3', 'clients.6', 'clients.8']);
    expect(clientsOnFile()).toEqual([]);

    // Leaving out two of the three is not enough.
    expect((await refusal('clientImport:commit', { file: f, mapping: p.mapping, exclude: [3, 6] })).message).toContain('Line 8:');
    expect(clientsOnFile()).toEqual([]);

    const result = await commit({ file: f, mapping: p.mapping, exclude: [3, 6, 8] });
    expect(result).toEqual({ clients: 5, races: 0, leftOut: 3 });
    expect(clientsOnFile().map((c) => `${c.first_name} ${c.last_name} ${c.date_of_birth ?? '-'}`)).toEqual([
      'Ann Smith 1980-02-01', 'Bob Jones 1975-06-15', 'Cara Ng -', 'Dev Patel 1990-12-31', 'Eve Brown 2001-07-04',
    ]);
    expect(clientsOnFile()[0]).toMatchObject({ email: 'ann@example.com', phone: '07700 900001', notes: 'Left calf' });
  });

  it('imports every line once the file is fixed', async () => {
    open();
    const fixed = [PLAIN_HEADER, ...good, 'Fay,Green,12/03/1985,,,', 'Gus,Hill,28/02/1985,,,', 'Hal,Ives,12/03/1985,hal@example.com,,'];
    const f = file('clients.csv', fixed.join('\r\n'));
    const p = await preview({ file: f });
    expect(p.errors).toEqual([]);
    expect(await commit({ file: f, mapping: p.mapping })).toEqual({ clients: 8, races: 0, leftOut: 0 });
  });

  it('checks the file again at commit: a line broken after the preview stops the import', async () => {
    open();
    const f = file('clients.csv', [PLAIN_HEADER, ...good].join('\n'));
    const p = await preview({ file: f });
    expect(p.errors).toEqual([]);
    fs.appendFileSync(f, '\nIvy,,01/01/2000,,,');
    const refused = await refusal('clientImport:commit', { file: f, mapping: p.mapping });
    expect(refused.message).toContain('Line 7: Last name is required.');
    expect(clientsOnFile()).toEqual([]);
  });
});

describe('dates', () => {
  it('reads dd/mm/yyyy and yyyy-mm-dd alike, and refuses impossible or unreadable dates with their line', async () => {
    open();
    const f = file('dates.csv', [
      'First name,Last name,Date of birth',
      'A,One,01/02/1980',
      'B,Two,1980-02-01',
      'C,Three,1/2/1980',
      'D,Four,29/02/2000',
      'E,Five,29/02/2001',
      'F,Six,02/13/1980',
      'G,Seven,1980/02/01',
      'H,Eight,2026-03-03',
      'I,Nine,2000-02-30',
    ].join('\n'));
    const p = await preview({ file: f });
    expect(p.rows.slice(0, 4).map((r) => r.dateOfBirth)).toEqual(['1980-02-01', '1980-02-01', '1980-02-01', '2000-02-29']);
    expect(p.errors.map((e) => e.message)).toEqual([
      'Line 6: Date of birth “29/02/2001” is not a real date.',
      'Line 7: Date of birth “02/13/1980” is not a real date (dates are read day first: dd/mm/yyyy).',
      'Line 8: Date of birth “1980/02/01” is not a date; write it as dd/mm/yyyy or yyyy-mm-dd.',
      'Line 9: Date of birth: cannot be after today (02/03/2026).',
      'Line 10: Date of birth “2000-02-30” is not a real date.',
    ]);
  });
});

describe('duplicates by name and date of birth', () => {
  it('finds a client twice in the file, whatever the case, and names the earlier line', async () => {
    open();
    const f = file('dupes.csv', [
      'First name,Last name,Date of birth',
      'Ann,Smith,01/02/1980',
      'Ann,Smith,01/02/1981',
      ' ANN , smith ,1980-02-01',
      'Bob,Jones,',
      'bob,JONES,',
    ].join('\n'));
    const p = await preview({ file: f });
    expect(p.errors.map((e) => e.message)).toEqual([
      'Line 4: ANN smith, born 01/02/1980, is also on line 2.',
      'Line 6: bob JONES (no date of birth) is also on line 5.',
    ]);
    expect(p.counts.clients).toBe(3);
  });

  it('finds a client already on file, archived ones too', async () => {
    open();
    await clinic.call('clients:create', { firstName: 'Ann', lastName: 'Smith', dateOfBirth: '1980-02-01' });
    const archived = await clinic.call<{ id: number }>('clients:create', { firstName: 'Zoe', lastName: 'Ward' });
    await clinic.call('clients:archive', { id: archived.id });
    const f = file('dupes.csv', ['First name,Last name,Date of birth', 'ann,SMITH,01/02/1980', 'Ann,Smith,02/02/1980', 'Zoe,Ward,'].join('\n'));
    const p = await preview({ file: f });
    expect(p.errors.map((e) => e.message)).toEqual([
      'Line 2: ann SMITH, born 01/02/1980, is already a client.',
      'Line 4: Zoe Ward (no date of birth) is already a client (archived).',
    ]);
    expect(await commit({ file: f, mapping: p.mapping, exclude: [2, 4] })).toMatchObject({ clients: 1 });
    expect(clientsOnFile()).toHaveLength(3);
  });
});

describe('file types and encodings', () => {
  const text = 'First name,Last name,Notes\nZoë,Łukasz-Brontë,Tight ITB — £40\n';

  it('reads UTF-8 with and without a byte-order mark, and UTF-16 with one', async () => {
    open();
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.from(utf16le.subarray(2)).swap16();
    const files: [string, Uint8Array, string][] = [
      ['plain.csv', Buffer.from(text, 'utf8'), 'UTF-8'],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'UTF-8 (with a byte-order mark)'],
      ['le.csv', utf16le, 'UTF-16 (little-endian)'],
      ['be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), 'UTF-16 (big-endian)'],
    ];
    for (const [name, bytes, encoding] of files) {
      const p = await preview({ file: file(name, bytes) });
      expect(p.encoding, name).toBe(encoding);
      expect(p.columns, name).toEqual(['First name', 'Last name', 'Notes']);
      expect(p.rows.map((r) => `${r.firstName} ${r.lastName}`), name).toEqual(['Zoë Łukasz-Brontë']);
    }
  });

  it('reads semicolon- and tab-separated files, and quoted cells over several lines, keeping line numbers', async () => {
    open();
    const p = await preview({ file: file('semi.csv', 'First name;Last name;Notes\n"Ann";"Smith";"line one\nline two"\nBob;;\n') });
    expect(p.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(p.errors.map((e) => e.message)).toEqual(['Line 4: Last name is required.']);
    const t = await preview({ file: file('tabs.tsv', 'First name\tLast name\nAnn\tSmith\n') });
    expect(t.rows.map((r) => r.lastName)).toEqual(['Smith']);
    // One separator per file, told by the header line: a semicolon in a comma-separated cell is text.
    const commas = file('commas.csv', 'First name,Last name,Notes\nAnn,Smith,left calf; ITB; hamstrings\n');
    await commit({ file: commas, mapping: (await preview({ file: commas })).mapping });
    expect(clientsOnFile()).toMatchObject([{ first_name: 'Ann', last_name: 'Smith', notes: 'left calf; ITB; hamstrings' }]);
  });

  it('says what is wrong with a file that is not UTF-8, not text, or not a spreadsheet', async () => {
    open();
    const latin1 = Buffer.from('First name,Last name\nAnn,Smith\nZo\xeb,Br\xf6nte\n', 'latin1');
    const cases: [string, Uint8Array, RegExp][] = [
      ['latin1.csv', latin1, /^latin1\.csv is not saved as UTF-8: line 3 has a character Fettle cannot read.*CSV UTF-8/],
      ['photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /^photo\.csv is a picture, not a spreadsheet/],
      ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /^old\.xls is an old-style Excel 97–2003 \(\.xls\) workbook/],
      ['export.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), /^export\.zip is a zip archive\. Open it .*clients\.csv/],
      ['notes.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), /^notes\.docx is a zip archive or an Office document/],
      ['broken.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), /^broken\.xlsx could not be read as an Excel workbook/],
      ['binary.csv', Buffer.from([1, 2, 3, 0, 250, 251, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]), /^binary\.csv is not a text file/],
      ['no-bom-utf16.csv', Buffer.from('First name,Last name\n', 'utf16le'), /^no-bom-utf16\.csv looks like UTF-16 text saved without a byte-order mark/],
      ['empty.csv', Buffer.alloc(0), /^empty\.csv is empty/],
      ['report.pdf', Buffer.from('%PDF-1.7\n'), /^report\.pdf is a PDF document/],
    ];
    for (const [name, bytes, message] of cases) {
      const result = await refusal('clientImport:preview', { file: file(name, bytes) });
      expect(result.code, name).toBe('invalid');
      expect(result.message, name).toMatch(message);
    }
    const missing = await refusal('clientImport:preview', { file: path.join(clinic.dataDir, 'nowhere.csv') });
    expect(missing.message).toMatch(/^nowhere\.csv could not be found/);
  });

  it('reads the first sheet of an .xlsx workbook, date cells included, by spreadsheet row', async () => {
    open();
    const f = file('clients.xlsx', fs.readFileSync(path.resolve('test/fixtures/client-import/clients.xlsx')));
    const p = await preview({ file: f });
    expect(p.format).toBe('xlsx');
    expect(p.encoding).toBe('Excel workbook');
    expect(p.rows.map((r) => [r.line, r.firstName, r.lastName, r.dateOfBirth])).toEqual([
      [2, 'Ann', 'Smith', '1980-02-01'],
      [3, 'Bob', 'Jones', '1975-06-15'],
      [4, 'Cara', '', '1982-02-18'],
      [6, 'Dev', 'Patel', '1990-12-31'],
    ]);
    expect(p.errors.map((e) => e.message)).toEqual(['Line 4: Last name is required.']);
    expect(await commit({ file: f, mapping: p.mapping, exclude: [4] })).toMatchObject({ clients: 3 });
  });
});

describe('mappings', () => {
  it('recognises a practice-software patient export', async () => {
    open();
    const f = file('patients.csv', [
      'Title,Patient First Name,Patient Surname,DOB,Gender,Email Address,Mobile Phone,Home Phone,Patient Notes',
      'Mr,Tom,Baker,03/04/1970,M,tom@example.com,07700 900003,0113 496 0000,Prefers evenings',
    ].join('\n'));
    const p = await preview({ file: f });
    expect(p.preset).toBe('practice');
    expect(p.mapping).toEqual({ firstName: 1, lastName: 2, dateOfBirth: 3, email: 5, phone: 6, notes: 8 });
    await commit({ file: f, mapping: p.mapping });
    expect(clientsOnFile()).toEqual([
      { first_name: 'Tom', last_name: 'Baker', date_of_birth: '1970-04-03', email: 'tom@example.com', phone: '07700 900003', notes: 'Prefers evenings' },
    ]);
  });

  it('asks for the name columns before checking any line', async () => {
    open();
    const f = file('odd.csv', 'Given,Family,Born on\nAnn,Smith,01/02/1980\n');
    const p = await preview({ file: f });
    expect(p.mappingProblem).toBe('Choose the column that holds the first name and the last name.');
    expect(p.rows).toEqual([]);
    const refused = await refusal('clientImport:commit', { file: f, mapping: p.mapping });
    expect(refused.message).toMatch(/^Nothing was imported\. Choose the column/);
    const beyond = await preview({ file: f, mapping: { firstName: 0, lastName: 7 } });
    expect(beyond.mappingProblem).toBe('Last name: the file has no column 8. Choose its column again.');
  });

  it('remembers a mapping made by hand and offers it for the next file with the same headings', async () => {
    open();
    const mapping: ImportMapping = { firstName: 1, lastName: 0, dateOfBirth: 2 };
    const first = file('odd.csv', 'Family,Given,Born on\nSmith,Ann,01/02/1980\n');
    const p = await preview({ file: first, mapping });
    expect(p.mappingSource).toBe('given');
    await commit({ file: first, mapping });

    const next = file('odd-2.csv', 'Given,Born on,Family,Extra\nBob,15/06/1975,Jones,x\n');
    const again = await preview({ file: next });
    expect(again.mappingSource).toBe('remembered');
    expect(again.mapping).toEqual({ firstName: 0, lastName: 2, dateOfBirth: 1 });
    expect(again.rows[0]).toMatchObject({ firstName: 'Bob', lastName: 'Jones', dateOfBirth: '1975-06-15' });

    // A file without those headings gets a guess instead.
    const other = await preview({ file: file('plain.csv', 'First name,Last name\nCara,Ng\n') });
    expect(other.mappingSource).toBe('guessed');
    // And a chosen ready-made mapping wins over the remembered one.
    expect((await preview({ file: next, preset: 'plain' })).mappingSource).toBe('preset');
  });
});

describe('races', () => {
  it('takes one race from each client row: name, date, distance and priority', async () => {
    open();
    const f = file('runners.csv', [
      'First name,Last name,Race,Race date,Distance,Priority',
      'Ann,Smith,London Marathon,26/04/2026,Marathon,A',
      'Bob,Jones,,,,',
      'Cara,Ng,Leeds Half,2026-05-10,half marathon,b',
      'Dev,Patel,Lakeland 50,12/07/2026,50 km,',
      'Eve,Brown,Parkrun,14/03/2026,twelve,',
      'Fay,Green,Big Run,14/03/2032,10k,',
      'Gus,Hill,,14/03/2026,10k,',
    ].join('\n'));
    const p = await preview({ file: f });
    expect(p.mapping).toMatchObject({ raceName: 2, raceDate: 3, raceDistance: 4, racePriority: 5 });
    expect(p.errors.map((e) => e.message)).toEqual([
      'Line 6: race distance “twelve” is not a distance; write 5k, 10k, half, marathon, ultra, ultra-long or a number of km.',
      'Line 7: Race date 14/03/2032 is after 02/03/2031.',
      'Line 8: Race name is required.',
    ]);
    expect(p.counts).toEqual({ clients: 4, races: 3 });
    expect(await commit({ file: f, mapping: p.mapping, exclude: [6, 7, 8] })).toEqual({ clients: 4, races: 3, leftOut: 3 });
    const races = clinic.db.prepare(`SELECT c.first_name, r.name, r.date, r.distance, r.distance_km, r.priority FROM races r JOIN clients c ON c.id = r.client_id ORDER BY r.date`).all();
    expect(races).toEqual([
      { first_name: 'Ann', name: 'London Marathon', date: '2026-04-26', distance: 'marathon', distance_km: null, priority: 'A' },
      { first_name: 'Cara', name: 'Leeds Half', date: '2026-05-10', distance: 'half', distance_km: null, priority: 'B' },
      { first_name: 'Dev', name: 'Lakeland 50', date: '2026-07-12', distance: 'ultra', distance_km: 50, priority: 'A' },
    ]);
  });

  it('reads a Fettle export: clients.csv by its columns, and the races.csv beside it by client id', async () => {
    open();
    const clientsCsv = file('clients.csv', [
      'id,first_name,last_name,date_of_birth,phone,email,emergency_contact_name,emergency_contact_phone,gp,medical_alerts,hotspots,usual_therapist_id,consent_treatment,consent_data,consent_date,notes,archived_at,created_at,updated_at,search_key,sort_name',
      '7,Ann,Smith,1980-02-01,07700 900001,ann@example.com,Jo Smith,07700 900009,Dr Khan,Asthma,"[""left calf"",""ITB""]",2,1,1,2025-01-10,"Said ""hello""",,2025-01-10T09:00:00.000Z,2025-01-10T09:00:00.000Z,ann smith,smith ann',
      '9,Bob,Jones,,,,,,,,[],,0,0,,,2025-06-01T10:00:00.000Z,2025-01-10T09:00:00.000Z,2025-06-01T10:00:00.000Z,bob jones,jones bob',
    ].join('\n'));
    file('races.csv', [
      'id,client_id,name,date,distance,distance_km,priority,plan_start,taper_days,goal_time,notes,created_at,updated_at,removed_at',
      '1,7,London Marathon,2026-04-26,marathon,,A,2026-01-05,21,3:45,sub 4,2025-01-10T09:00:00.000Z,2025-01-10T09:00:00.000Z,',
      '2,7,Old race,2025-10-12,10k,,C,,,,,2025-01-10T09:00:00.000Z,2025-01-10T09:00:00.000Z,2025-02-01T09:00:00.000Z',
      '3,9,Lakeland 100,2026-07-25,ultra-long,168,A,,28,,,2025-01-10T09:00:00.000Z,2025-01-10T09:00:00.000Z,',
      '4,12,Nobody,2026-07-25,5k,,A,,,,,2025-01-10T09:00:00.000Z,2025-01-10T09:00:00.000Z,',
    ].join('\n'));
    const p = await preview({ file: clientsCsv });
    expect(p.preset).toBe('fettle');
    expect(p.racesFile).toBe(path.join(path.dirname(clientsCsv), 'races.csv'));
    expect(p.notes.map((n) => n.message)).toEqual(['races.csv line 3: a removed race, so it is left out.']);
    expect(p.errors).toEqual([{ source: 'races', line: 5, message: 'races.csv line 5: no client in clients.csv has the id “12”.' }]);
    expect(p.rows.map((r) => r.races)).toEqual([1, 1]);

    expect((await refusal('clientImport:commit', { file: clientsCsv, racesFile: p.racesFile, mapping: p.mapping })).message).toContain('races.csv line 5');
    expect(await commit({ file: clientsCsv, racesFile: p.racesFile, mapping: p.mapping, excludeRaces: [5] })).toEqual({ clients: 2, races: 2, leftOut: 1 });

    const ann = clinic.db.prepare(`SELECT * FROM clients WHERE first_name = 'Ann'`).get() as Record<string, unknown>;
    expect(ann).toMatchObject({
      last_name: 'Smith', date_of_birth: '1980-02-01', phone: '07700 900001', email: 'ann@example.com', emergency_contact_name: 'Jo Smith',
      emergency_contact_phone: '07700 900009', gp: 'Dr Khan', medical_alerts: 'Asthma', hotspots: '["left calf","ITB"]', usual_therapist_id: null,
      consent_treatment: 1, consent_data: 1, consent_date: '2025-01-10', notes: 'Said "hello"', archived_at: null,
    });
    const bob = clinic.db.prepare(`SELECT archived_at FROM clients WHERE first_name = 'Bob'`).get() as { archived_at: string | null };
    expect(bob.archived_at).not.toBeNull();
    const races = clinic.db.prepare(`SELECT c.first_name, r.name, r.distance, r.distance_km, r.plan_start, r.taper_days, r.goal_time, r.notes FROM races r JOIN clients c ON c.id = r.client_id ORDER BY r.date`).all();
    expect(races).toEqual([
      { first_name: 'Ann', name: 'London Marathon', distance: 'marathon', distance_km: null, plan_start: '2026-01-05', taper_days: 21, goal_time: '3:45', notes: 'sub 4' },
      { first_name: 'Bob', name: 'Lakeland 100', distance: 'ultra-long', distance_km: 168, plan_start: null, taper_days: 28, goal_time: '', notes: '' },
    ]);
  });
});

describe('a races file that does not fit', () => {
  it('names the columns a races file lacks, and refuses one given without a client number column', async () => {
    open();
    const clientsCsv = file('clients.csv', 'id,first_name,last_name\n7,Ann,Smith\n');
    const racesCsv = file('races.csv', 'person,name,when,distance\n7,London Marathon,2026-04-26,marathon\n');
    const p = await preview({ file: clientsCsv });
    expect(p.racesFile).toBe(racesCsv);
    expect(p.errors).toEqual([{ source: 'races', line: 1, message: 'races.csv line 1: the races file has no client_id, date column; choose the races.csv of a Fettle export.' }]);

    const refused = await refusal('clientImport:commit', { file: clientsCsv, racesFile: racesCsv, mapping: { firstName: 1, lastName: 2 } });
    expect(refused.message).toMatch(/^races\.csv links races to clients by the export's client id, but no column is mapped to “Client number \(links races\.csv\)”/);
    expect(clientsOnFile()).toEqual([]);
  });
});

describe('who may import', () => {
  it('is refused to anyone but an administrator, before the file is read', async () => {
    clinic = openTestClinic({ role: ['therapist', 'reception'] });
    const f = file('clients.csv', 'First name,Last name\nAnn,Smith\n');
    for (const name of ['clientImport:preview', 'clientImport:commit']) {
      const result = await clinic.dispatch(name, { file: f, mapping: { firstName: 0, lastName: 1 } });
      expect(result.ok ? 'allowed' : result.code, name).toBe('forbidden');
    }
    expect(clientsOnFile()).toEqual([]);
  });
});

describe('a large file', () => {
  it('imports 10,000 clients with a race each in one go, reporting rows checked and then writing', async () => {
    open();
    const rows = ['First name,Last name,Date of birth,Email,Race,Race date,Distance'];
    for (let i = 0; i < 10_000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      rows.push(`Runner${i},Surname${i},${day}/0${(i % 9) + 1}/19${50 + (i % 50)},r${i}@example.com,Club race ${i},2026-0${(i % 9) + 1}-${day},${['5k', '10k', 'half', 'marathon'][i % 4]}`);
    }
    const f = file('big.csv', rows.join('\n'));
    const p = await preview({ file: f });
    expect(p.errors).toEqual([]);
    expect(p.counts).toEqual({ clients: 10_000, races: 10_000 });

    const seen: { phase: string; done: number; total: number }[] = [];
    let running = true;
    const poll = (async () => {
      while (running) {
        const now = progressOf('import-1');
        if (now && (seen.length === 0 || JSON.stringify(seen.at(-1)) !== JSON.stringify(now))) seen.push(now);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const result = await commit({ file: f, mapping: p.mapping, job: 'import-1' });
    running = false;
    await poll;
    expect(result).toEqual({ clients: 10_000, races: 10_000, leftOut: 0 });
    expect((clinic.db.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n).toBe(10_000);
    expect((clinic.db.prepare('SELECT count(*) AS n FROM races').get() as { n: number }).n).toBe(10_000);

    const checking = seen.filter((s) => s.phase === 'Checking rows');
    expect(checking.length).toBeGreaterThan(5);
    expect(checking.some((s) => s.done > 0 && s.done < s.total)).toBe(true);
    expect(checking.every((s, i) => i === 0 || s.done >= checking[i - 1]!.done)).toBe(true);
    expect(seen.at(-1)).toEqual({ phase: 'Writing clients and races', done: 10_000, total: 10_000 });
    // Search finds the imported clients (the search index is kept by the database's triggers).
    const found = await clinic.call<{ total: number }>('clients:search', { query: 'Surname9999' });
    expect(found.total).toBe(1);
  }, 60_000);
});
