import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../../electron/db/database';
import { databaseAt, tableNames, type OldDatabase } from './at-version';

let old: OldDatabase;
afterEach(() => old.close());

describe('migration 1: initial schema', () => {
  it('turns an empty file into the clinic schema, marked as Fettle version 1', () => {
    old = databaseAt(0);
    expect(tableNames(old.db)).toEqual([]);
    expect(old.migrateTo(1)).toBe(1);
    expect(tableNames(old.db)).toEqual(['appointments', 'clients', 'races', 'therapists', 'treatments', 'users']);
    expect(old.db.pragma('user_version', { simple: true })).toBe(1);
    expect(old.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const loose = old.db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND strict = 0").all();
    expect(loose).toEqual([]);
  });

  it('fills defaults and enforces the checks a clinic relies on', () => {
    old = databaseAt(0);
    old.migrateTo(1);
    const db = old.db;
    db.exec("INSERT INTO therapists (name) VALUES ('Sam Reid')");
    db.exec("INSERT INTO clients (first_name, last_name) VALUES ('Ada', 'Okafor')");
    expect(db.prepare('SELECT hotspots, consent_treatment, archived_at FROM clients').get()).toEqual({ hotspots: '[]', consent_treatment: 0, archived_at: null });
    expect(db.prepare('SELECT created_at FROM clients').get()).toMatchObject({ created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    db.exec("INSERT INTO races (client_id, name, date, distance) VALUES (1, 'Bath Half', '2026-03-15', 'half')");
    expect(db.prepare('SELECT priority FROM races').get()).toEqual({ priority: 'A' });

    expect(() => db.exec("INSERT INTO therapists (name) VALUES ('   ')")).toThrow(/CHECK constraint/);
    expect(() => db.exec("INSERT INTO races (client_id, name, date, distance) VALUES (1, 'X', '2026-03-15', '3k')")).toThrow(/CHECK constraint/);
    expect(() => db.exec("INSERT INTO races (client_id, name, date, distance, taper_days) VALUES (1, 'X', '2026-03-15', 'half', 99)")).toThrow(/CHECK constraint/);
    expect(() => db.exec("INSERT INTO clients (first_name, last_name, hotspots) VALUES ('A', 'B', 'not json')")).toThrow(/CHECK constraint/);
    expect(() => db.exec("INSERT INTO treatments (client_id, therapist_id, date, intensity, phase, ceiling, pain_before) VALUES (1, 1, '2026-03-01', 'deep', 'base', 'deep', 11)")).toThrow(/CHECK constraint/);
    expect(() => db.exec("INSERT INTO treatments (client_id, therapist_id, date, intensity, phase, ceiling) VALUES (99, 1, '2026-03-01', 'deep', 'base', 'deep')")).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("INSERT INTO therapists (id, name) VALUES ('x', 'Sam')")).toThrow(/datatype mismatch/);
  });
});
