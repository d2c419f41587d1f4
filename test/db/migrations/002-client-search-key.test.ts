import { afterEach, describe, expect, it } from 'vitest';
import { columnNames, databaseAt, indexNames, type OldDatabase } from './at-version';

let old: OldDatabase;
afterEach(() => old.close());

describe('migration 2: client search key', () => {
  it('backfills a folded search key and sort name for every client written by version 1', () => {
    old = databaseAt(1);
    old.db.exec(`
      INSERT INTO clients (first_name, last_name, phone, email) VALUES ('Mary', 'McDonald', '07700 900 456', 'Mary.McD@Example.org');
      INSERT INTO clients (first_name, last_name) VALUES ('José', 'Álvarez');
      INSERT INTO clients (first_name, last_name, phone) VALUES ('Siobhan', 'O''Brien', '(01632) 960-001');
      INSERT INTO clients (first_name, last_name) VALUES ('Anne Marie', 'Mac Donald');
    `);
    expect(old.migrateTo(2)).toBe(2);

    expect(columnNames(old.db, 'clients')).toEqual(expect.arrayContaining(['search_key', 'sort_name']));
    expect(old.db.prepare('SELECT first_name, search_key, sort_name FROM clients ORDER BY id').all()).toEqual([
      { first_name: 'Mary', search_key: 'mary mcdonald marymcdonald 07700900456 marymcdexampleorg', sort_name: 'mcdonald mary' },
      { first_name: 'José', search_key: 'jose alvarez josealvarez', sort_name: 'alvarez jose' },
      { first_name: 'Siobhan', search_key: 'siobhan obrien siobhanobrien 01632960001', sort_name: 'obrien siobhan' },
      { first_name: 'Anne Marie', search_key: 'anne marie mac donald annemariemacdonald', sort_name: 'macdonald annemarie' },
    ]);
    expect(indexNames(old.db, 'clients')).toContain('clients_by_sort_name');
  });

  it('gives rows added later an empty key until the app writes one (the column default)', () => {
    old = databaseAt(1);
    old.migrateTo(2);
    old.db.exec("INSERT INTO clients (first_name, last_name) VALUES ('Ben', 'Smith')");
    expect(old.db.prepare('SELECT search_key, sort_name FROM clients').get()).toEqual({ search_key: '', sort_name: '' });
  });
});
