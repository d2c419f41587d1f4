import { afterEach, describe, expect, it } from 'vitest';
import { databaseAt, tableNames, type OldDatabase } from './at-version';

// Migration 4 (the diary) on a version-3 database seeded with raw SQL, as that version wrote it.

let old: OldDatabase;
afterEach(() => old.close());

function version3(): OldDatabase {
  old = databaseAt(3);
  old.db.exec(`
    INSERT INTO therapists (name) VALUES ('Sam Reid');
    INSERT INTO clients (first_name, last_name) VALUES ('Ada', 'Okafor');
    INSERT INTO appointments (client_id, therapist_id, starts_at, duration_min, status, notes) VALUES
      (1, 1, '2026-02-02T10:00', 60, 'attended', 'left calf'),
      (1, 1, '2026-02-09T10:00', 45, 'cancelled', ''),
      (1, 1, '2026-02-16T23:30', 60, 'no-show', ''),
      (1, 1, '2026-03-09T09:15', 30, 'booked', '');
    INSERT INTO treatments (client_id, therapist_id, appointment_id, date, intensity, phase, ceiling)
      VALUES (1, 1, 1, '2026-02-02', 'deep', 'base', 'deep');
  `);
  expect(old.migrateTo(4)).toBe(4);
  return old;
}

describe('migration 4: the diary', () => {
  it('keeps every appointment, turns attended into completed, and computes the end', () => {
    const { db } = version3();
    const rows = db.prepare('SELECT id, starts_at, ends_at, duration_min, status, cancel_reason, notes, type_id FROM appointments ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, starts_at: '2026-02-02T10:00', ends_at: '2026-02-02T11:00', duration_min: 60, status: 'completed', cancel_reason: null, notes: 'left calf', type_id: null },
      { id: 2, starts_at: '2026-02-09T10:00', ends_at: '2026-02-09T10:45', duration_min: 45, status: 'cancelled', cancel_reason: 'Not recorded', notes: '', type_id: null },
      { id: 3, starts_at: '2026-02-16T23:30', ends_at: '2026-02-17T00:30', duration_min: 60, status: 'no-show', cancel_reason: null, notes: '', type_id: null },
      { id: 4, starts_at: '2026-03-09T09:15', ends_at: '2026-03-09T09:45', duration_min: 30, status: 'booked', cancel_reason: null, notes: '', type_id: null },
    ]);
  });

  it('leaves treatments pointing at the rebuilt appointments table, with no broken references', () => {
    const { db } = version3();
    const treatments = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'treatments'").get() as { sql: string };
    expect(treatments.sql).toMatch(/appointment_id\s+INTEGER REFERENCES appointments\(id\)/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The reference is enforced: an appointment a treatment came from cannot vanish.
    expect(() => db.prepare('DELETE FROM appointments WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
  });

  it('seeds the appointment types and the clinic hours, all STRICT and checked', () => {
    const { db } = version3();
    expect(db.prepare('SELECT name, duration_min, intensity, active FROM appointment_types ORDER BY id').all()).toEqual([
      { name: 'Assessment', duration_min: 60, intensity: 'moderate', active: 1 },
      { name: 'Sports massage, 45 min', duration_min: 45, intensity: 'moderate', active: 1 },
      { name: 'Sports massage, 60 min', duration_min: 60, intensity: 'deep', active: 1 },
      { name: 'Deep tissue', duration_min: 60, intensity: 'deep', active: 1 },
      { name: 'Flush', duration_min: 30, intensity: 'flush', active: 1 },
      { name: 'Post-race recovery', duration_min: 30, intensity: 'flush', active: 1 },
    ]);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['appointment_types', 'clinic_hours', 'therapist_hours', 'recall_contacts']));
    expect(db.prepare('SELECT weekday, opens, closes FROM clinic_hours ORDER BY weekday').all()).toHaveLength(6);
    const loose = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND strict = 0").all();
    expect(loose).toEqual([]);

    const bad = [
      "INSERT INTO appointment_types (name, duration_min, intensity) VALUES ('Odd', 50, 'deep')",
      "INSERT INTO appointment_types (name, duration_min, intensity) VALUES ('flush', 30, 'flush')", // names are unique, any case
      "INSERT INTO appointments (client_id, therapist_id, starts_at, duration_min, ends_at) VALUES (1, 1, '2026-03-10T10:00', 60, '2026-03-10T10:30')",
      "INSERT INTO appointments (client_id, therapist_id, starts_at, duration_min, ends_at, status) VALUES (1, 1, '2026-03-10T10:00', 60, '2026-03-10T11:00', 'cancelled')",
      "INSERT INTO appointments (client_id, therapist_id, starts_at, duration_min, ends_at, warning_text) VALUES (1, 1, '2026-03-10T10:00', 60, '2026-03-10T11:00', 'Above the ceiling')",
      "INSERT INTO clinic_hours (weekday, opens, closes) VALUES (7, '14:00', '09:00')",
      "INSERT INTO therapist_hours (therapist_id, weekday, starts, ends) VALUES (1, 1, '09:00', NULL)",
      "INSERT INTO recall_contacts (client_id, contacted_on, contacted_by) VALUES (1, '10/03/2026', 'Jo')",
    ];
    for (const sql of bad) expect(() => db.prepare(sql).run(), sql).toThrow(/constraint failed/);
  });
});
