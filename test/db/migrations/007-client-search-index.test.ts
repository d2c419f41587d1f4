import { afterEach, describe, expect, it } from 'vitest';
import { migrate, type MigrationStepProgress } from '../../../electron/db/database';
import { MIGRATIONS } from '../../../electron/db/migrations/index';
import { searchClients } from '../../../electron/db/repositories/clients';
import type { Db } from '../../../electron/db/native';
import { searchTerms } from '../../../shared/search';
import { databaseAt, tableNames, type OldDatabase } from './at-version';

let old: OldDatabase;
afterEach(() => old.close());

// Names as typed, each with the folded form version 6 stored in search_key and sort_name.
const FIRST: [string, string][] = [
  ['Ada', 'ada'], ['José', 'jose'], ['Zoë', 'zoe'], ['Anaïs', 'anais'], ['Siobhan', 'siobhan'], ['Anne Marie', 'anne marie'],
  ['Grace', 'grace'], ['Ben', 'ben'], ['Kemi', 'kemi'], ['Jo', 'jo'], ['Matteo', 'matteo'], ['Wiktoria', 'wiktoria'],
];
const LAST: [string, string][] = [
  ['Okafor', 'okafor'], ['McDonald', 'mcdonald'], ['Mac Donald', 'mac donald'], ["O'Brien", 'obrien'], ['Álvarez', 'alvarez'],
  ['Müller', 'muller'], ['Núñez', 'nunez'], ['Smith', 'smith'], ['Smithson', 'smithson'], ['García', 'garcia'], ['Nguyen', 'nguyen'],
  ['Ng', 'ng'], ['Williamson', 'williamson'], ['Patel', 'patel'], ['Kowalski', 'kowalski'],
];
const DOMAINS = ['example.org', 'gmail.com', 'runclub.co.uk'];

/** 20,000 clients written as version 6 wrote them: raw SQL, with the search key and sort name it stored. */
function seedVersion6(db: Db, count: number): void {
  let seed = 17;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const insert = db.prepare(
    `INSERT INTO clients (first_name, last_name, phone, email, archived_at, search_key, sort_name) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const [first, firstKey] = FIRST[next(FIRST.length)]!;
      const [last, lastKey] = LAST[next(LAST.length)]!;
      const phone = next(10) === 0 ? '' : `07${100 + next(900)} ${100_000 + next(900_000)}`;
      const email = next(10) === 0 ? '' : `${firstKey.replace(' ', '')}.${lastKey.replace(' ', '')}${next(99)}@${DOMAINS[next(DOMAINS.length)]}`;
      const words = `${firstKey} ${lastKey}`.split(' ');
      const key = [...words, words.join(''), phone.replace(/\D/g, ''), email.replace(/[^a-z0-9]/g, '')].filter(Boolean).join(' ');
      const archivedAt = next(30) === 0 ? '2025-06-01T09:00:00.000Z' : null;
      insert.run(first, last, phone, email, archivedAt, key, `${lastKey.replace(' ', '')} ${firstKey.replace(' ', '')}`);
    }
  })();
}

/** What version 6 ran for a search: every term a LIKE over search_key, counted, then the window in list order. */
function searchAsVersion6(db: Db, query: string, options: { includeArchived: boolean; offset: number; limit: number }) {
  const terms = searchTerms(query);
  const where = [options.includeArchived ? '1' : 'archived_at IS NULL', ...terms.map((_, i) => `search_key LIKE @t${i}`)].join(' AND ');
  const params = Object.fromEntries(terms.map((t, i) => [`t${i}`, `%${t}%`]));
  const total = (db.prepare(`SELECT count(*) AS n FROM clients WHERE ${where}`).get(params) as { n: number }).n;
  const ids = db.prepare(`SELECT id FROM clients WHERE ${where} ORDER BY sort_name, id LIMIT @limit OFFSET @offset`).pluck().all({ ...params, ...options }) as number[];
  return { total, ids };
}

function searchNow(db: Db, query: string, options: { includeArchived: boolean; offset: number; limit: number }) {
  const { total, rows } = searchClients(db, searchTerms(query), options);
  return { total, ids: rows.map((r) => r.id) };
}

const QUERIES = [
  '', 's', 'a', 'z', '7', 'É', // one character (É folds to e)
  'mc', 'ob', 'jo', 'ng', '07', 'qz', // two
  'smi', 'smith', 'SMITHSON', 'okafor', 'mcdonald', 'mac donald', 'macdonald', "o'brien", 'obrien', 'williamson', // three or more
  'josé', 'jose', 'ÁLVAREZ', 'Müller', 'muller', 'nunez', 'Núñez', 'zoë', 'anaïs', 'anne marie', // accents and two-word names
  '07123', '071 23', '07 1 2 3', '(0712) 3', '+44 7', // phone digits, spaced or not
  'gmail', 'runclub.co', '@example', 'ada.okafor', // email fragments
  'ada okafor', 'grace s', 'jo sm', 'a b', 'mc 07', 'z 9', 'zzqx', 'smith zzqx', // several terms, and none matching
];

const WINDOWS = [
  { includeArchived: false, offset: 0, limit: 100 },
  { includeArchived: true, offset: 0, limit: 100 },
  { includeArchived: false, offset: 250, limit: 50 },
  { includeArchived: true, offset: 1000, limit: 500 },
];

describe('migration 7: client search index', () => {
  it('indexes 20,000 clients written by version 6, reporting progress, and search returns what it did before', () => {
    old = databaseAt(6);
    seedVersion6(old.db, 20_000);
    const before = QUERIES.flatMap((q) => WINDOWS.map((w) => ({ q, w, found: searchAsVersion6(old.db, q, w) })));
    // The queries reach every kind of answer: none, a few, thousands, most of the list.
    const totals = before.map((b) => b.found.total);
    expect(totals.filter((n) => n === 0).length).toBeGreaterThan(0);
    expect(totals.filter((n) => n > 0 && n < 50).length).toBeGreaterThan(0);
    expect(totals.filter((n) => n > 500 && n < 4000).length).toBeGreaterThan(0);
    expect(totals.filter((n) => n > 10_000).length).toBeGreaterThan(0);

    const reports: MigrationStepProgress[] = [];
    expect(migrate(old.db, MIGRATIONS.slice(0, 7), (p) => reports.push(p))).toBe(7);

    expect(reports[0]).toEqual({ version: 7, name: 'client search index', done: 0, total: 20_000 });
    expect(reports.at(-1)).toEqual({ version: 7, name: 'client search index', done: 20_000, total: 20_000 });
    expect(reports.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < reports.length; i++) expect(reports[i]!.done).toBeGreaterThan(reports[i - 1]!.done);

    for (const { q, w, found } of before) expect({ q, w, found: searchNow(old.db, q, w) }).toEqual({ q, w, found });
    expect(tableNames(old.db)).toEqual(expect.arrayContaining(['client_search', 'client_search_counts', 'client_search_short']));
    expect(old.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);

  it('keeps the index in step as clients are added, renamed, archived, restored and deleted', () => {
    old = databaseAt(6);
    seedVersion6(old.db, 300);
    old.migrateTo(7);
    const sameAsAScan = () => {
      for (const q of QUERIES) for (const w of WINDOWS.slice(0, 2)) expect({ q, w, found: searchNow(old.db, q, w) }).toEqual({ q, w, found: searchAsVersion6(old.db, q, w) });
    };

    old.db.exec(`
      INSERT INTO clients (first_name, last_name, phone, search_key, sort_name)
        VALUES ('Zed', 'Qwerty', '0161 496 0000', 'zed qwerty zedqwerty 01614960000', 'qwerty zed');
      UPDATE clients SET last_name = 'Smythe', search_key = 'ada smythe adasmythe', sort_name = 'smythe ada' WHERE id = 1;
      UPDATE clients SET archived_at = '2026-01-01T00:00:00.000Z' WHERE id BETWEEN 2 AND 40 AND archived_at IS NULL;
      UPDATE clients SET archived_at = NULL WHERE id BETWEEN 41 AND 300 AND archived_at IS NOT NULL;
      UPDATE clients SET notes = 'Prefers mornings.' WHERE id = 3;
      DELETE FROM clients WHERE id IN (4, 5);
    `);
    sameAsAScan();
    expect(searchNow(old.db, 'qwerty', WINDOWS[0]!)).toEqual({ total: 1, ids: [301] });
    expect(searchNow(old.db, 'smythe', WINDOWS[0]!)).toEqual({ total: 1, ids: [1] });

    // The stored totals agree with a count over every key, for every piece and for the whole list.
    const counts = old.db.prepare('SELECT term, active, archived FROM client_search_counts WHERE active + archived > 0 ORDER BY term').all() as { term: string; active: number; archived: number }[];
    const scan = old.db.prepare(`SELECT count(*) FILTER (WHERE archived_at IS NULL) AS active, count(*) FILTER (WHERE archived_at IS NOT NULL) AS archived FROM clients WHERE instr(search_key, ?) > 0`);
    for (const { term, active, archived } of counts) expect({ term, ...(scan.get(term) as object) }).toEqual({ term, active, archived });
    expect(counts.map((c) => c.term)).toEqual(expect.arrayContaining(['', 'q', 'dq', 'ed']));
    expect(counts.some((c) => c.term.includes(' '))).toBe(false);
    old.db.exec(`INSERT INTO client_search (client_search) VALUES ('integrity-check'); INSERT INTO client_search_short (client_search_short) VALUES ('integrity-check');`);
  }, 60_000);

  it('indexes an empty clinic and reports its one step of nothing', () => {
    old = databaseAt(6);
    const reports: MigrationStepProgress[] = [];
    migrate(old.db, MIGRATIONS.slice(0, 7), (p) => reports.push(p));
    expect(reports.map((r) => [r.done, r.total])).toEqual([[0, 0]]);
    expect(searchNow(old.db, '', WINDOWS[0]!)).toEqual({ total: 0, ids: [] });
    old.db.exec(`INSERT INTO clients (first_name, last_name, search_key, sort_name) VALUES ('Ada', 'Okafor', 'ada okafor adaokafor', 'okafor ada')`);
    expect(searchNow(old.db, 'ok', WINDOWS[0]!)).toEqual({ total: 1, ids: [1] });
    expect(searchNow(old.db, 'afo', WINDOWS[0]!)).toEqual({ total: 1, ids: [1] });
  });
});
