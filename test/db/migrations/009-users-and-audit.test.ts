import { afterEach, describe, expect, it } from 'vitest';
import { databaseAt, type OldDatabase } from './at-version';

// Migration 9 on a version-8 database seeded with raw SQL: the placeholder users table is
// replaced, treatments keep every row and gain authorship (none, so locked), and the audit trail
// and amendments refuse changes whatever code runs.

let old: OldDatabase;
afterEach(() => old.close());

describe('migration 9: users, locked notes and the audit trail', () => {
  it('keeps every treatment, as written, with no author and locked', () => {
    old = databaseAt(8);
    old.db.exec(`
      INSERT INTO therapists (name) VALUES ('Sam Reid');
      INSERT INTO clients (first_name, last_name) VALUES ('Ada', 'Okafor');
      INSERT INTO treatments (client_id, therapist_id, date, intensity, phase, ceiling, subjective) VALUES (1, 1, '2026-02-01', 'deep', 'base', 'deep', 'Tight calves');
    `);
    expect(old.migrateTo(9)).toBe(9);
    expect(old.db.prepare('SELECT subjective, author_user_id, author_only, editable_until FROM treatments').get())
      .toEqual({ subjective: 'Tight calves', author_user_id: null, author_only: 0, editable_until: null });
    expect(old.db.pragma('foreign_key_check')).toEqual([]);
    expect(old.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('has users with roles and hashed secrets only, unique names and one user per diary column', () => {
    old = databaseAt(8);
    old.migrateTo(9);
    old.db.exec("INSERT INTO therapists (name) VALUES ('Sam Reid')");
    const add = old.db.prepare("INSERT INTO users (name, roles, therapist_id, secret_kind, secret_hash) VALUES (?, ?, ?, 'pin', ?)");
    add.run('Sam', '["therapist"]', 1, 'scrypt$15$8$1$c2FsdA==$aGFzaA==');
    expect(() => add.run(' sam ', '["reception"]', null, 'scrypt$x')).toThrow(/UNIQUE/);
    expect(() => add.run('Sam Two', '["therapist"]', 1, 'scrypt$x')).toThrow(/UNIQUE/);
    expect(() => add.run('Jo', '[]', null, 'scrypt$x')).toThrow(/CHECK/);
    expect(() => add.run('Jo', '["reception"]', null, '4821')).toThrow(/CHECK/); // never a bare secret
  });

  it('makes the audit trail and amendments append-only', () => {
    old = databaseAt(8);
    old.migrateTo(9);
    old.db.exec("INSERT INTO audit_events (user_name, action) VALUES ('Sam', 'sign-in')");
    expect(() => old.db.exec("UPDATE audit_events SET action = 'sign-out'")).toThrow('The audit trail cannot be changed.');
    expect(() => old.db.exec('DELETE FROM audit_events')).toThrow('The audit trail cannot be changed.');
    expect(old.db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(1);
  });
});
