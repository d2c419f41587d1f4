import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../electron/db/migrations/index';
import { databaseAt, type OldDatabase } from './at-version';

// Migration 10 on a version-9 database seeded with raw SQL: the tables for kept answers start
// empty, every client with an appointment is queued to be worked out, and from then on any
// write to races, treatments, plan sessions or an appointment's day drops the client's answers.

let old: OldDatabase;
afterEach(() => old.close());

const count = (sql: string) => old.db.prepare(sql).pluck().get() as number;

describe('migration 10: kept phase and recall answers', () => {
  it('queues every client with an appointment, keeping every row', () => {
    old = databaseAt(9);
    old.db.exec(`
      INSERT INTO therapists (name) VALUES ('Sam Reid');
      INSERT INTO clients (first_name, last_name) VALUES ('Ada', 'Okafor'), ('Ben', 'Smith'), ('Cara', 'Jones');
      INSERT INTO races (client_id, name, date, distance, updated_at) VALUES (1, 'London Marathon', '2026-04-26', 'marathon', '2026-01-01T00:00:00.000Z');
      INSERT INTO appointments (client_id, therapist_id, starts_at, duration_min, ends_at, status) VALUES
        (1, 1, '2026-03-03T10:00', 60, '2026-03-03T11:00', 'booked'),
        (1, 1, '2026-03-10T10:00', 60, '2026-03-10T11:00', 'booked'),
        (2, 1, '2026-03-04T10:00', 30, '2026-03-04T10:30', 'booked');
    `);
    expect(old.migrateTo(10)).toBe(10);
    expect(old.db.prepare('SELECT client_id FROM guidance_queue ORDER BY client_id').pluck().all()).toEqual([1, 2]);
    expect(count('SELECT count(*) FROM appointment_guidance') + count('SELECT count(*) FROM recall_due')).toBe(0);
    expect(count('SELECT count(*) FROM appointments')).toBe(3);
    expect(old.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it("drops a client's kept answers on any change to what they are worked out from", () => {
    old = databaseAt(9);
    old.db.exec(`
      INSERT INTO therapists (name) VALUES ('Sam Reid');
      INSERT INTO clients (first_name, last_name) VALUES ('Ada', 'Okafor'), ('Ben', 'Smith');
      INSERT INTO races (client_id, name, date, distance, updated_at) VALUES (1, 'London Marathon', '2026-04-26', 'marathon', '2026-01-01T00:00:00.000Z');
      INSERT INTO appointments (client_id, therapist_id, starts_at, duration_min, ends_at, status) VALUES
        (1, 1, '2026-03-03T10:00', 60, '2026-03-03T11:00', 'booked'), (2, 1, '2026-03-03T12:00', 60, '2026-03-03T13:00', 'booked');
    `);
    old.migrateTo(10);
    const keep = () =>
      old.db.exec(`
        DELETE FROM guidance_queue;
        INSERT OR REPLACE INTO appointment_guidance VALUES (1, 1, 'peak', 'deep', '1'), (2, 2, 'base', 'deep', '1');
        INSERT OR REPLACE INTO recall_due VALUES (1, '2026-03-02', '{"kind":"peak-session"}', '1'), (2, '2026-03-02', NULL, '1');`);
    const writes = [
      `INSERT INTO races (client_id, name, date, distance, updated_at) VALUES (1, 'Spring 10k', '2026-03-20', '10k', '2026-01-01T00:00:00.000Z')`,
      `UPDATE races SET date = '2026-05-03' WHERE id = 1`,
      `DELETE FROM races WHERE id = 2`,
      `INSERT INTO treatments (client_id, therapist_id, date, intensity, phase, ceiling) VALUES (1, 1, '2026-03-01', 'deep', 'peak', 'deep')`,
      `UPDATE treatments SET intensity = 'light' WHERE client_id = 1`,
      `INSERT INTO plan_sessions (race_id, date, kind) VALUES (1, '2026-03-08', 'long')`,
      `UPDATE plan_sessions SET date = '2026-03-09' WHERE race_id = 1`,
      `DELETE FROM plan_sessions WHERE race_id = 1`,
      `DELETE FROM treatments WHERE client_id = 1`,
    ];
    for (const write of writes) {
      keep();
      old.db.exec(write);
      expect(old.db.prepare('SELECT client_id FROM guidance_queue').pluck().all(), write).toEqual([1]);
      expect(old.db.prepare('SELECT client_id FROM appointment_guidance UNION ALL SELECT client_id FROM recall_due').pluck().all(), write).toEqual([2, 2]);
    }
    // A note edit changes nothing the answers read.
    keep();
    old.db.exec(`INSERT INTO treatments (client_id, therapist_id, date, intensity, phase, ceiling) VALUES (2, 1, '2026-03-01', 'deep', 'base', 'deep')`);
    keep();
    old.db.exec(`UPDATE treatments SET subjective = 'Calves tight' WHERE client_id = 2`);
    expect(count('SELECT count(*) FROM guidance_queue')).toBe(0);
    // A moved appointment loses its own answer only; a new one queues its client.
    old.db.exec(`UPDATE appointments SET starts_at = '2026-03-05T10:00', ends_at = '2026-03-05T11:00' WHERE id = 2`);
    expect(old.db.prepare('SELECT appointment_id FROM appointment_guidance').pluck().all()).toEqual([1]);
    expect(old.db.prepare('SELECT client_id FROM guidance_queue').pluck().all()).toEqual([2]);
  });
});

describe('the triggers that keep the answers honest', () => {
  it('are all there at the latest version (a later step that rebuilds a table must make them again)', () => {
    old = databaseAt(LATEST_VERSION);
    const triggers = old.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%guidance%' ORDER BY name").pluck().all();
    expect(triggers).toEqual([
      'appointments_forget_guidance_update', 'appointments_queue_guidance_insert',
      'plan_sessions_forget_guidance_delete', 'plan_sessions_forget_guidance_insert', 'plan_sessions_forget_guidance_update',
      'races_forget_guidance_delete', 'races_forget_guidance_insert', 'races_forget_guidance_update',
      'treatments_forget_guidance_delete', 'treatments_forget_guidance_insert', 'treatments_forget_guidance_update',
    ]);
  });
});
