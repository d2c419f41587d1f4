import { afterEach, describe, expect, it } from 'vitest';
import { columnNames, databaseAt, tableNames, type OldDatabase } from './at-version';

let old: OldDatabase;
afterEach(() => old.close());

describe('migration 5: race versions and soft removal; clinic settings', () => {
  it('gives every existing race its creation time as its version and leaves none removed', () => {
    old = databaseAt(4);
    old.db.exec(`
      INSERT INTO clients (first_name, last_name) VALUES ('Ada', 'Okafor');
      INSERT INTO races (client_id, name, date, distance, priority, taper_days, notes, created_at)
        VALUES (1, 'Bath Half', '2026-03-15', 'half', 'B', 10, 'Goal: sub 1:40', '2026-01-05T09:30:00.000Z');
      INSERT INTO races (client_id, name, date, distance, created_at)
        VALUES (1, 'London Marathon', '2026-04-26', 'marathon', '2026-01-06T10:00:00.000Z');
    `);
    expect(old.migrateTo(5)).toBe(5);

    expect(columnNames(old.db, 'races')).toEqual(expect.arrayContaining(['updated_at', 'removed_at']));
    expect(old.db.prepare('SELECT name, priority, taper_days, notes, updated_at, removed_at FROM races ORDER BY id').all()).toEqual([
      { name: 'Bath Half', priority: 'B', taper_days: 10, notes: 'Goal: sub 1:40', updated_at: '2026-01-05T09:30:00.000Z', removed_at: null },
      { name: 'London Marathon', priority: 'A', taper_days: null, notes: '', updated_at: '2026-01-06T10:00:00.000Z', removed_at: null },
    ]);
  });

  it('adds a settings table keyed by name', () => {
    old = databaseAt(4);
    old.migrateTo(5);
    expect(tableNames(old.db)).toContain('settings');
    old.db.exec("INSERT INTO settings (key, value) VALUES ('backup_folder', '/media/usb/Fettle')");
    expect(() => old.db.exec("INSERT INTO settings (key, value) VALUES ('backup_folder', '/elsewhere')")).toThrow(/UNIQUE/);
    expect(() => old.db.exec("INSERT INTO settings (key, value) VALUES ('', 'x')")).toThrow(/CHECK/);
  });
});
