import { afterEach, describe, expect, it } from 'vitest';
import { databaseAt, indexNames, type OldDatabase } from './at-version';

// Migration 8 on a version-7 database seeded with raw SQL: the indexes exist, keep the data,
// and the front desk's reads use them.

let old: OldDatabase;
afterEach(() => old.close());

const plan = (sql: string, ...params: unknown[]) =>
  (old.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

describe('migration 8: front desk indexes', () => {
  it('adds the plan-start and appointment-start indexes, keeping every row', () => {
    old = databaseAt(7);
    old.db.exec(`
      INSERT INTO therapists (name) VALUES ('Sam Reid');
      INSERT INTO clients (first_name, last_name) VALUES ('Ada', 'Okafor');
      INSERT INTO races (client_id, name, date, distance, plan_start, updated_at) VALUES (1, 'Lakeland 100', '2026-07-25', 'ultra-long', '2025-12-01', '2026-01-01T00:00:00.000Z');
      INSERT INTO appointments (client_id, therapist_id, starts_at, duration_min, ends_at, status) VALUES (1, 1, '2026-03-03T10:00', 60, '2026-03-03T11:00', 'booked');
    `);
    expect(old.migrateTo(8)).toBe(8);
    expect(indexNames(old.db, 'races')).toContain('races_by_plan_start');
    expect(indexNames(old.db, 'appointments')).toEqual(expect.arrayContaining(['appointments_by_start']));
    expect(indexNames(old.db, 'appointments')).not.toContain('appointments_by_time');
    expect(old.db.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 1 });
    expect(old.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('lets the recall list find plan starts, and who is booked, from the indexes alone', () => {
    old = databaseAt(7);
    old.migrateTo(8);
    expect(plan(`SELECT client_id FROM races WHERE removed_at IS NULL AND date > ? AND plan_start <= ?`, '2026-07-20', '2026-03-02')).toMatch(/USING INDEX races_by_plan_start/);
    expect(plan(`SELECT DISTINCT client_id FROM appointments INDEXED BY appointments_by_start WHERE starts_at >= ? AND status IN ('booked', 'arrived', 'completed')`, '2026-03-02T00:00')).toMatch(/USING COVERING INDEX appointments_by_start \(starts_at>\?\)/);
  });
});
