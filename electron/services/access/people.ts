import type { z } from 'zod';
import type * as s from '../../../shared/api/schemas';
import type { SessionStatus, SetupResult, SignedInUser, UserAccount } from '../../../shared/api/types';
import { getSetting, setSetting } from '../../db/repositories/settings';
import { getTherapist, insertTherapist, listTherapists } from '../../db/repositories/therapists';
import * as users from '../../db/repositories/users';
import { writeTransaction } from '../../db/sql';
import { ClinicError, notFound, type ServiceContext } from '../context';
import { recordAudit } from './audit';
import { hashSecret, newRecoveryKey, normaliseRecoveryKey, verifySecret, type ScryptCost } from './secrets';
import { type ClinicSession, DEFAULT_IDLE_MINUTES } from './session';

// People who sign in, signing in and out, and the way back from a forgotten password.

export interface AccessContext extends ServiceContext {
  session: ClinicSession;
  /** Tests pass a cheaper scrypt cost; the app uses the default. */
  secretCost?: ScryptCost;
}

const signedIn = (u: users.StoredUser): SignedInUser => ({ id: u.id, name: u.name, roles: u.roles, therapistId: u.therapistId, therapistName: u.therapistName });
const account = ({ secretHash: _h, failedAttempts: _f, retryAfter: _r, ...rest }: users.StoredUser): UserAccount => rest;

export function idleMinutesOf(ctx: ServiceContext): number {
  return Number(getSetting(ctx.db, 'idle_minutes') ?? DEFAULT_IDLE_MINUTES);
}

export function sessionStatus(ctx: AccessContext): SessionStatus {
  const all = users.listUsers(ctx.db);
  return {
    setupNeeded: all.length === 0,
    state: ctx.session.state,
    user: ctx.session.user,
    people: all.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, secretKind: u.secretKind })),
    idleMinutes: ctx.session.idleMinutes,
  };
}

/** The first run: an administrator (optionally also a therapist) and the recovery key, shown once. */
export async function setUpFirstAdministrator(ctx: AccessContext, input: z.output<typeof s.firstAdministrator>): Promise<SetupResult> {
  const recoveryKey = newRecoveryKey();
  const [secretHash, keyHash] = await Promise.all([hashSecret(input.secret, ctx.secretCost), hashSecret(normaliseRecoveryKey(recoveryKey), ctx.secretCost)]);
  const user = writeTransaction(ctx.db, () => {
    if (users.countUsers(ctx.db) > 0) throw new ClinicError('conflict', 'Fettle is already set up. Sign in, or ask an administrator to add you.');
    let therapistId: number | null = null;
    if (input.alsoTherapist) {
      // Their diary column: the therapist of the same name if there is one, otherwise a new one.
      const existing = listTherapists(ctx.db).find((t) => t.name.toLowerCase() === input.name.toLowerCase());
      therapistId = (existing ?? insertTherapist(ctx.db, input.name)).id;
    }
    const roles = input.alsoTherapist ? (['admin', 'therapist'] as const) : (['admin'] as const);
    const created = users.insertUser(ctx.db, { name: input.name, roles: [...roles], therapistId, secretKind: input.secretKind, secretHash });
    setSetting(ctx.db, 'recovery_key_hash', keyHash);
    recordAudit(ctx, created, 'user-created', { detail: `First administrator ${created.name} (${created.roles.join(', ')})` });
    recordAudit(ctx, created, 'sign-in');
    return created;
  });
  startSession(ctx, user);
  return { user: signedIn(user), recoveryKey };
}

function startSession(ctx: AccessContext, user: users.StoredUser): void {
  ctx.session.idleMinutes = idleMinutesOf(ctx);
  ctx.session.signIn(signedIn(user));
}

/** Wrong secrets slow further tries: none for the first two, then 5 s doubling up to 5 minutes. */
export function waitAfterFailures(failures: number): number {
  return failures < 3 ? 0 : Math.min(5_000 * 2 ** (failures - 3), 300_000);
}

async function checkSecretOf(ctx: AccessContext, user: users.StoredUser, secret: string): Promise<void> {
  const now = ctx.session.clock();
  if (user.retryAfter && Date.parse(user.retryAfter) > now) {
    const seconds = Math.ceil((Date.parse(user.retryAfter) - now) / 1000);
    throw new ClinicError('forbidden', `Too many wrong tries for ${user.name}. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.`);
  }
  if (await verifySecret(secret, user.secretHash)) {
    users.clearFailedSignIns(ctx.db, user.id);
    return;
  }
  const failures = user.failedAttempts + 1;
  const wait = waitAfterFailures(failures);
  writeTransaction(ctx.db, () => {
    users.recordFailedSignIn(ctx.db, user.id, failures, wait ? new Date(now + wait).toISOString() : null);
    recordAudit(ctx, user, 'sign-in-failed', { detail: `Wrong ${user.secretKind === 'pin' ? 'PIN' : 'password'} (${failures} in a row)` });
  });
  const what = user.secretKind === 'pin' ? 'PIN' : 'password';
  throw new ClinicError('invalid', `That ${what} is not right.`, { secret: `That ${what} is not right.${wait ? ` Wait ${wait / 1000} seconds before the next try.` : ''}` });
}

function activeUser(ctx: ServiceContext, id: number): users.StoredUser {
  const user = users.getUser(ctx.db, id);
  if (!user) throw notFound('person');
  if (!user.active) throw new ClinicError('forbidden', `${user.name} can no longer sign in. Ask an administrator.`);
  return user;
}

export async function signIn(ctx: AccessContext, input: z.output<typeof s.signIn>): Promise<SessionStatus> {
  const user = activeUser(ctx, input.userId);
  await checkSecretOf(ctx, user, input.secret);
  recordAudit(ctx, user, 'sign-in');
  startSession(ctx, user);
  return sessionStatus(ctx);
}

/** Back to the locked session (and its unsaved work) by the same person. */
export async function unlock(ctx: AccessContext, input: z.output<typeof s.unlock>): Promise<SessionStatus> {
  const current = ctx.session.user;
  if (!current || ctx.session.state !== 'locked') throw new ClinicError('conflict', 'Fettle is not locked. Sign in instead.');
  const user = activeUser(ctx, current.id);
  await checkSecretOf(ctx, user, input.secret);
  recordAudit(ctx, user, 'sign-in', { detail: 'Unlocked' });
  ctx.session.unlock();
  return sessionStatus(ctx);
}

export function signOut(ctx: AccessContext): SessionStatus {
  const user = ctx.session.user;
  if (user) recordAudit(ctx, user, 'sign-out');
  ctx.session.signOut();
  return sessionStatus(ctx);
}

export function lock(ctx: AccessContext): SessionStatus {
  const user = ctx.session.user;
  if (user && ctx.session.state === 'signed-in') recordAudit(ctx, user, 'lock');
  ctx.session.lock();
  return sessionStatus(ctx);
}

/**
 * A forgotten administrator password: the recovery key shown at set-up sets a new one. It opens
 * administration only (an administrator who is not also a therapist reads no notes), and its
 * use is in the audit trail.
 */
export async function recover(ctx: AccessContext, input: z.output<typeof s.recovery>): Promise<SessionStatus> {
  const user = activeUser(ctx, input.userId);
  if (!user.roles.includes('admin')) throw new ClinicError('forbidden', `${user.name} is not an administrator; an administrator can set a new password for them.`);
  const keyHash = getSetting(ctx.db, 'recovery_key_hash');
  if (!keyHash || !(await verifySecret(normaliseRecoveryKey(input.recoveryKey), keyHash))) {
    recordAudit(ctx, user, 'sign-in-failed', { detail: 'Wrong recovery key' });
    throw new ClinicError('invalid', 'That recovery key is not right.', { recoveryKey: 'That recovery key is not right. It is the one shown when Fettle was set up.' });
  }
  const secretHash = await hashSecret(input.secret, ctx.secretCost);
  writeTransaction(ctx.db, () => {
    users.setUserSecret(ctx.db, user.id, input.secretKind, secretHash);
    recordAudit(ctx, user, 'recovery-key-used', { detail: `New ${input.secretKind === 'pin' ? 'PIN' : 'password'} for ${user.name}` });
  });
  startSession(ctx, user);
  return sessionStatus(ctx);
}

// Managing people (administrators).

export const listPeople = (ctx: ServiceContext): UserAccount[] => users.listUsers(ctx.db).map(account);

function checkTherapistLink(ctx: ServiceContext, therapistId: number | null, roles: string[], userId?: number): void {
  if (roles.includes('therapist') && therapistId === null) {
    throw new ClinicError('invalid', 'Diary column: a therapist needs their diary column, so their notes are theirs.', { therapistId: 'Choose the diary column this therapist works in.' });
  }
  if (therapistId === null) return;
  if (!getTherapist(ctx.db, therapistId)) throw new ClinicError('invalid', 'Diary column: that therapist is not on file.', { therapistId: 'That therapist is not on file.' });
  const holder = users.userOfTherapist(ctx.db, therapistId);
  if (holder && holder.id !== userId) {
    throw new ClinicError('conflict', `Diary column: ${holder.name} already signs in as that therapist.`, { therapistId: `${holder.name} already signs in as that therapist.` });
  }
}

function checkNameFree(ctx: ServiceContext, name: string, userId?: number): void {
  const same = users.userNamed(ctx.db, name);
  if (same && same.id !== userId) throw new ClinicError('conflict', `Name: someone called ${same.name} can already sign in.`, { name: `Someone called ${same.name} can already sign in.` });
}

export async function createPerson(ctx: AccessContext, admin: SignedInUser, input: z.output<typeof s.userInput>): Promise<UserAccount> {
  const secretHash = await hashSecret(input.secret, ctx.secretCost);
  return writeTransaction(ctx.db, () => {
    checkNameFree(ctx, input.name);
    checkTherapistLink(ctx, input.therapistId, input.roles);
    const created = users.insertUser(ctx.db, { name: input.name, roles: input.roles, therapistId: input.therapistId, secretKind: input.secretKind, secretHash });
    recordAudit(ctx, admin, 'user-created', { detail: `${created.name}: ${created.roles.join(', ')}${created.therapistName ? `, diary column ${created.therapistName}` : ''}` });
    return account(created);
  });
}

export function updatePerson(ctx: AccessContext, admin: SignedInUser, input: z.output<typeof s.userUpdate>): UserAccount {
  return writeTransaction(ctx.db, () => {
    const before = users.getUser(ctx.db, input.id);
    if (!before) throw notFound('person');
    checkNameFree(ctx, input.name, input.id);
    checkTherapistLink(ctx, input.therapistId, input.roles, input.id);
    if (input.id === admin.id && (!input.active || !input.roles.includes('admin'))) {
      throw new ClinicError('conflict', 'You cannot take away your own administrator access; ask another administrator.', { roles: 'Keep Administrator ticked for yourself.' });
    }
    users.updateUser(ctx.db, input.id, { name: input.name, roles: input.roles, therapistId: input.therapistId, active: input.active });
    const after = users.getUser(ctx.db, input.id)!;
    const changes = [
      before.name !== after.name && `name ${before.name} → ${after.name}`,
      before.roles.join() !== after.roles.join() && `roles ${before.roles.join(', ')} → ${after.roles.join(', ')}`,
      before.therapistId !== after.therapistId && `diary column ${before.therapistName ?? 'none'} → ${after.therapistName ?? 'none'}`,
      before.active !== after.active && (after.active ? 'can sign in again' : 'can no longer sign in'),
    ].filter(Boolean);
    recordAudit(ctx, admin, 'user-changed', { detail: `${after.name}: ${changes.join('; ') || 'no change'}` });
    ctx.session.refresh(signedIn(after));
    return account(after);
  });
}

export async function resetSecret(ctx: AccessContext, admin: SignedInUser, input: z.output<typeof s.secretReset>): Promise<UserAccount> {
  const secretHash = await hashSecret(input.secret, ctx.secretCost);
  return writeTransaction(ctx.db, () => {
    const user = users.getUser(ctx.db, input.id);
    if (!user) throw notFound('person');
    users.setUserSecret(ctx.db, user.id, input.secretKind, secretHash);
    recordAudit(ctx, admin, 'secret-reset', { detail: `New ${input.secretKind === 'pin' ? 'PIN' : 'password'} for ${user.name}` });
    return account(users.getUser(ctx.db, user.id)!);
  });
}

export function setIdleMinutes(ctx: AccessContext, admin: SignedInUser, minutes: number): SessionStatus {
  writeTransaction(ctx.db, () => {
    setSetting(ctx.db, 'idle_minutes', String(minutes));
    recordAudit(ctx, admin, 'settings-changed', { detail: `Lock after ${minutes} minutes idle` });
  });
  ctx.session.idleMinutes = minutes;
  return sessionStatus(ctx);
}
