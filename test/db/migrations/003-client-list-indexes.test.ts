import { afterEach, describe, expect, it } from 'vitest';
import { databaseAt, indexNames, type OldDatabase } from './at-version';

let old: OldDatabase;
afterEach(() => old.close());

const plan = (old: OldDatabase, sql: string) =>
  (old.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 3: covering indexes for the client list', () => {
  it('replaces the sort and history indexes with covering ones, keeping every row', () => {
    old = databaseAt(2);
    old.db.exec(`
      INSERT INTO therapists (name) VALUES ('Sam Reid');
      INSERT INTO clients (first_name, last_name, search_key, sort_name) VALUES ('Ada', 'Okafor', 'ada okafor adaokafor', 'okafor ada');
      INSERT INTO treatments (client_id, therapist_id, date, intensity, phase, ceiling) VALUES (1, 1, '2026-02-01', 'deep', 'base', 'deep');
    `);
    expect(indexNames(old.db, 'clients')).toContain('clients_by_sort_name');
    expect(old.migrateTo(3)).toBe(3);

    expect(indexNames(old.db, 'clients')).toEqual(['clients_by_name', 'clients_list']);
    expect(indexNames(old.db, 'treatments')).toEqual(['treatments_history']);
    expect(old.db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 1 });
    expect(old.db.prepare('SELECT count(*) AS n FROM treatments').get()).toEqual({ n: 1 });
    // The list and the engine's history now read the indexes alone.
    expect(plan(old, "SELECT id FROM clients WHERE archived_at IS NULL AND search_key LIKE '%oka%' ORDER BY sort_name, id")).toMatch(/COVERING INDEX clients_list/);
    expect(plan(old, 'SELECT date, therapist_id, intensity FROM treatments WHERE client_id = 1')).toMatch(/COVERING INDEX treatments_history/);
  });
});
