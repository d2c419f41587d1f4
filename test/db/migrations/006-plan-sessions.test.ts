import { afterEach, describe, expect, it } from 'vitest';
import { columnNames, databaseAt, indexNames, tableNames, type OldDatabase } from './at-version';

let old: OldDatabase;
afterEach(() => old.close());

const seedVersion5 = (db: OldDatabase['db']) =>
  db.exec(`
    INSERT INTO clients (first_name, last_name) VALUES ('Ada', 'Okafor');
    INSERT INTO races (client_id, name, date, distance, priority, updated_at)
      VALUES (1, 'London Marathon', '2026-04-26', 'marathon', 'A', '2026-01-06T10:00:00.000Z');
  `);

describe('migration 6: training plan sessions per race', () => {
  it('adds plan_sessions beside the races already on file, which it leaves alone', () => {
    old = databaseAt(5);
    seedVersion5(old.db);
    expect(old.migrateTo(6)).toBe(6);
    expect(tableNames(old.db)).toContain('plan_sessions');
    expect(columnNames(old.db, 'plan_sessions')).toEqual(['id', 'race_id', 'date', 'distance_km', 'duration_min', 'kind', 'title', 'unit', 'source', 'created_at']);
    expect(indexNames(old.db, 'plan_sessions')).toEqual(['plan_sessions_by_race']);
    expect(old.db.prepare('SELECT name, date FROM races').all()).toEqual([{ name: 'London Marathon', date: '2026-04-26' }]);
  });

  it('keeps a session as written, with its defaults: unit km, typed by hand', () => {
    old = databaseAt(5);
    seedVersion5(old.db);
    old.migrateTo(6);
    old.db.exec(`
      INSERT INTO plan_sessions (race_id, date, distance_km, kind, title, unit, source) VALUES (1, '2026-03-15', 28.968192, 'long', 'Long run 18 mi', 'mi', 'csv');
      INSERT INTO plan_sessions (race_id, date, duration_min) VALUES (1, '2026-03-17', 45);
    `);
    expect(old.db.prepare('SELECT date, distance_km, duration_min, kind, title, unit, source FROM plan_sessions ORDER BY id').all()).toEqual([
      { date: '2026-03-15', distance_km: 28.968192, duration_min: null, kind: 'long', title: 'Long run 18 mi', unit: 'mi', source: 'csv' },
      { date: '2026-03-17', distance_km: null, duration_min: 45, kind: null, title: '', unit: 'km', source: 'hand' },
    ]);
  });

  it.each([
    ["a negative distance", "(1, '2026-03-15', -5, NULL, NULL, 'km')", /CHECK/],
    ["a date that is not YYYY-MM-DD", "(1, '15/03/2026', 5, NULL, NULL, 'km')", /CHECK/],
    ["an unknown kind", "(1, '2026-03-15', 5, NULL, 'swim', 'km')", /CHECK/],
    ["an unknown unit", "(1, '2026-03-15', 5, NULL, NULL, 'yd')", /CHECK/],
    ["a race that is not on file", "(9, '2026-03-15', 5, NULL, NULL, 'km')", /FOREIGN KEY/],
  ])('refuses %s', (_what, values, error) => {
    old = databaseAt(5);
    seedVersion5(old.db);
    old.migrateTo(6);
    expect(() => old.db.exec(`INSERT INTO plan_sessions (race_id, date, distance_km, duration_min, kind, unit) VALUES ${values}`)).toThrow(error);
  });

  it('a race deleted outright takes its plan with it', () => {
    old = databaseAt(5);
    seedVersion5(old.db);
    old.migrateTo(6);
    old.db.exec(`INSERT INTO plan_sessions (race_id, date, distance_km) VALUES (1, '2026-03-15', 10); DELETE FROM races;`);
    expect(old.db.prepare('SELECT count(*) AS n FROM plan_sessions').get()).toEqual({ n: 0 });
  });
});
