import type { Migration } from './index';

// Client search as an indexed lookup (issue 17). Until now every search scanned
// `search_key LIKE '%term%'` over all clients, which grows with the clinic (about 20 ms at
// 100,000 clients). Search keeps its meaning exactly: each folded term must occur somewhere in
// the client's search_key. Three structures answer it from indexes, all kept in step with
// `clients` by the triggers below and filled here from the keys already on file:
//
// - client_search: FTS5 with the trigram tokenizer over search_key. A term of 3 or more
//   characters is a phrase of its trigrams, which matches exactly where the term is a substring.
// - client_search_short: terms of 1 or 2 characters have no trigram, so each client's distinct
//   1- and 2-character pieces (within a word: a term never holds a space) are indexed as words.
// - client_search_counts: how many clients hold each of those pieces (and '' for every client),
//   so the total of the list, of a single short term or of no term at all, is one row to read.
//
// A client's key sits in the column `active` or `archived` of each index, so the usual search
// (archived clients hidden) never visits an archived client. And the matches are put in list
// order through a narrow index of sort names by id: sorting 2,000 matches read from the table
// rows took 1.7 ms at 100,000 clients, from this index 0.9 ms (17,000: 23 ms against 5 ms).
//
// Self-contained: this step must read the same whatever the code becomes.

/** Rows 0 .. length(key) - 1, one per character of a key. (A trigger cannot use a recursive CTE.) */
const positions = (key: string) => `json_each('[' || rtrim(replace(hex(zeroblob(length(${key}))), '00', '0,'), ',') || ']')`;

/** The distinct 1- and 2-character pieces of a key that contain no space, as rows named `term`. */
const shortTerms = (key: string) => `
  SELECT substr(${key}, p.key + 1, 1) AS term FROM ${positions(key)} AS p
    WHERE substr(${key}, p.key + 1, 1) <> ' '
  UNION
  SELECT substr(${key}, p.key + 1, 2) FROM ${positions(key)} AS p
    WHERE length(substr(${key}, p.key + 1, 2)) = 2 AND instr(substr(${key}, p.key + 1, 2), ' ') = 0`;

/** A value in the column for the client's state, NULL in the other. */
const whenActive = (row: string, value: string) => `iif(${row}.archived_at IS NULL, ${value}, NULL)`;
const whenArchived = (row: string, value: string) => `iif(${row}.archived_at IS NULL, NULL, ${value})`;

/** Statements that add one client (`row` is NEW in a trigger) to the three indexes. */
const addClient = (row: string) => `
  INSERT INTO client_search (rowid, active, archived)
    VALUES (${row}.id, ${whenActive(row, `${row}.search_key`)}, ${whenArchived(row, `${row}.search_key`)});
  INSERT INTO client_search_short (rowid, active, archived)
    SELECT ${row}.id, ${whenActive(row, 'terms')}, ${whenArchived(row, 'terms')}
    FROM (SELECT coalesce(group_concat(term, ' '), '') AS terms FROM (${shortTerms(`${row}.search_key`)}));
  INSERT INTO client_search_counts (term, active, archived)
    SELECT term, ${row}.archived_at IS NULL, ${row}.archived_at IS NOT NULL
    FROM (SELECT '' AS term UNION ${shortTerms(`${row}.search_key`)}) WHERE true
    ON CONFLICT (term) DO UPDATE SET active = active + excluded.active, archived = archived + excluded.archived;`;

/** Statements that take one client (`row` is OLD in a trigger) out of the three indexes. */
const removeClient = (row: string) => `
  DELETE FROM client_search WHERE rowid = ${row}.id;
  DELETE FROM client_search_short WHERE rowid = ${row}.id;
  UPDATE client_search_counts
    SET active = active - (${row}.archived_at IS NULL), archived = archived - (${row}.archived_at IS NOT NULL)
    WHERE term IN (SELECT '' UNION ${shortTerms(`${row}.search_key`)});`;

/** Clients indexed per batch while filling: one progress report each. */
const BATCH = 10_000;

export const clientSearchIndex: Migration = {
  version: 7,
  name: 'client search index',
  up(db, progress) {
    db.exec(`
      CREATE VIRTUAL TABLE client_search USING fts5(
        active, archived, content = '', contentless_delete = 1, tokenize = 'trigram', detail = 'full');
      CREATE VIRTUAL TABLE client_search_short USING fts5(
        active, archived, content = '', contentless_delete = 1, tokenize = 'unicode61', detail = 'column');
      CREATE TABLE client_search_counts (
        term      TEXT PRIMARY KEY,
        active    INTEGER NOT NULL CHECK (active >= 0),
        archived  INTEGER NOT NULL CHECK (archived >= 0)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX clients_sort_name_by_id ON clients (id, sort_name);
    `);

    // Fill from the keys on file, a batch of clients at a time, saying how far it has got.
    const { total, last } = db.prepare('SELECT count(*) AS total, coalesce(max(id), 0) AS last FROM clients').get() as { total: number; last: number };
    const batch = db.prepare(`SELECT max(id) AS upTo, count(*) AS n FROM (SELECT id FROM clients WHERE id > ? ORDER BY id LIMIT ${BATCH})`);
    const fillSearch = db.prepare(`
      INSERT INTO client_search (rowid, active, archived)
        SELECT id, ${whenActive('c', 'c.search_key')}, ${whenArchived('c', 'c.search_key')} FROM clients AS c WHERE id > @from AND id <= @upTo`);
    const fillShort = db.prepare(`
      INSERT INTO client_search_short (rowid, active, archived)
        SELECT id, ${whenActive('c', 'terms')}, ${whenArchived('c', 'terms')}
        FROM (SELECT c.id, c.archived_at, (SELECT coalesce(group_concat(term, ' '), '') FROM (${shortTerms('c.search_key')})) AS terms
              FROM clients AS c WHERE c.id > @from AND c.id <= @upTo) AS c`);
    progress?.(0, total);
    let done = 0;
    for (let from = 0; from < last; ) {
      const { upTo, n } = batch.get(from) as { upTo: number; n: number };
      fillSearch.run({ from, upTo });
      fillShort.run({ from, upTo });
      done += n;
      from = upTo;
      progress?.(done, total);
    }

    // The counts, read back from the short index once it is whole.
    db.exec(`
      CREATE VIRTUAL TABLE temp.client_search_short_terms USING fts5vocab(main, client_search_short, col);
      INSERT INTO client_search_counts (term, active, archived)
        SELECT term, sum(iif(col = 'active', doc, 0)), sum(iif(col = 'archived', doc, 0))
        FROM temp.client_search_short_terms GROUP BY term;
      DROP TABLE temp.client_search_short_terms;
      INSERT INTO client_search_counts (term, active, archived)
        SELECT '', count(*) FILTER (WHERE archived_at IS NULL), count(*) FILTER (WHERE archived_at IS NOT NULL) FROM clients;
      INSERT INTO client_search (client_search) VALUES ('optimize');
      INSERT INTO client_search_short (client_search_short) VALUES ('optimize');

      CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
        ${addClient('NEW')}
      END;
      CREATE TRIGGER clients_search_update AFTER UPDATE OF search_key, archived_at ON clients
        WHEN OLD.search_key IS NOT NEW.search_key OR (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL)
      BEGIN
        ${removeClient('OLD')}
        ${addClient('NEW')}
      END;
      CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
        ${removeClient('OLD')}
      END;
    `);
  },
};
