import type { UserAccount } from '../../../shared/api/types';
import type { Role } from '../../../shared/vocabulary';
import type { Db } from '../native';
import { statement } from '../sql';

interface Row {
  id: number; name: string; roles: string; therapist_id: number | null; therapist_name: string | null;
  secret_kind: 'password' | 'pin'; secret_hash: string; active: number; failed_attempts: number; retry_after: string | null;
}

export interface StoredUser extends UserAccount {
  secretHash: string;
  failedAttempts: number;
  retryAfter: string | null;
}

const toUser = (r: Row): StoredUser => ({
  id: r.id, name: r.name, roles: JSON.parse(r.roles) as Role[], therapistId: r.therapist_id, therapistName: r.therapist_name,
  secretKind: r.secret_kind, active: r.active === 1, secretHash: r.secret_hash, failedAttempts: r.failed_attempts, retryAfter: r.retry_after,
});

const SELECT = `SELECT u.*, th.name AS therapist_name FROM users u LEFT JOIN therapists th ON th.id = u.therapist_id`;

export function listUsers(db: Db): StoredUser[] {
  return (statement(db, `${SELECT} ORDER BY u.active DESC, u.name COLLATE NOCASE`).all() as Row[]).map(toUser);
}

export function getUser(db: Db, id: number): StoredUser | undefined {
  const row = statement(db, `${SELECT} WHERE u.id = ?`).get(id) as Row | undefined;
  return row && toUser(row);
}

export function userNamed(db: Db, name: string): StoredUser | undefined {
  const row = statement(db, `${SELECT} WHERE lower(trim(u.name)) = lower(trim(?))`).get(name) as Row | undefined;
  return row && toUser(row);
}

export function userOfTherapist(db: Db, therapistId: number): StoredUser | undefined {
  const row = statement(db, `${SELECT} WHERE u.therapist_id = ?`).get(therapistId) as Row | undefined;
  return row && toUser(row);
}

export const countUsers = (db: Db): number => (statement(db, 'SELECT count(*) AS n FROM users').get() as { n: number }).n;

export interface NewUser { name: string; roles: Role[]; therapistId: number | null; secretKind: 'password' | 'pin'; secretHash: string }

export function insertUser(db: Db, user: NewUser): StoredUser {
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO users (name, roles, therapist_id, secret_kind, secret_hash) VALUES (@name, @roles, @therapistId, @secretKind, @secretHash)`,
  ).run({ ...user, roles: JSON.stringify(user.roles) });
  return getUser(db, Number(lastInsertRowid))!;
}

export function updateUser(db: Db, id: number, changes: { name: string; roles: Role[]; therapistId: number | null; active: boolean }): void {
  statement(
    db,
    `UPDATE users SET name = @name, roles = @roles, therapist_id = @therapistId, active = @active,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = @id`,
  ).run({ id, ...changes, roles: JSON.stringify(changes.roles), active: Number(changes.active) });
}

export function setUserSecret(db: Db, id: number, secretKind: 'password' | 'pin', secretHash: string): void {
  statement(
    db,
    `UPDATE users SET secret_kind = ?, secret_hash = ?, failed_attempts = 0, retry_after = NULL,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = ?`,
  ).run(secretKind, secretHash, id);
}

export function recordFailedSignIn(db: Db, id: number, failedAttempts: number, retryAfter: string | null): void {
  statement(db, 'UPDATE users SET failed_attempts = ?, retry_after = ? WHERE id = ?').run(failedAttempts, retryAfter, id);
}

export function clearFailedSignIns(db: Db, id: number): void {
  statement(db, 'UPDATE users SET failed_attempts = 0, retry_after = NULL WHERE id = ? AND failed_attempts > 0').run(id);
}
