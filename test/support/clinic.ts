import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher, type Dispatch } from '../../electron/api/dispatcher';
import type { HandlerContext } from '../../electron/api/handlers';
import type { Db } from '../../electron/db/database';
import { insertUser, userNamed } from '../../electron/db/repositories/users';
import { ClinicSession } from '../../electron/services/access/session';
import type { SignedInUser } from '../../shared/api/types';
import type { Role } from '../../shared/vocabulary';
import { TEST_SECRET_COST, testSecretHash } from './secrets';
import { ClinicStorage } from '../../electron/db/storage';
import { fixedClock } from '../../electron/services/context';

/**
 * A real clinic in a fresh data folder, held as the app holds it (folder lock, refusals kept,
 * restore swaps the database), with the real dispatcher on top: what tests drive.
 */
export interface TestClinic {
  dataDir: string;
  /** The open database; throws the refusal when it could not be opened. */
  readonly db: Db;
  storage: ClinicStorage;
  dispatch: Dispatch;
  /** Main's session: who the calls act for. */
  session: ClinicSession;
  /**
   * Signs in as a person with these roles (created on first use, password TEST_PASSWORD). A
   * therapist is linked to `therapistId`; notes are logged as them.
   */
  actAs(who: { roles?: Role[]; therapistId?: number | null; name?: string }): SignedInUser;
  /** Calls by name and unwraps, failing loudly on a refusal. */
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  close(): void;
}

export function makeDataDir(prefix = 'fettle-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const TEST_PASSWORD = 'correct horse battery';
export const ALL_ROLES: Role[] = ['admin', 'therapist', 'reception'];

/**
 * The clinic opens signed in, as a person holding every role but linked to no diary column
 * (`role` narrows it; `signedIn: false` starts at the sign-in screen). Logging notes needs
 * `actAs({ therapistId })`, as in the app, where a note is always its therapist's.
 */
export function openTestClinic(
  options: { today?: string; role?: Role | Role[]; signedIn?: boolean; dataDir?: string; choosePath?: HandlerContext['choosePath']; printWindowToPdf?: HandlerContext['printWindowToPdf'] } = {},
): TestClinic {
  const dataDir = options.dataDir ?? makeDataDir();
  const storage = ClinicStorage.open(dataDir);
  const clock = fixedClock(options.today ?? '2026-03-02');
  const session = new ClinicSession();
  const actAs = (who: { roles?: Role[]; therapistId?: number | null; name?: string }): SignedInUser => {
    const roles = who.roles ?? (who.therapistId ? ['therapist'] : ALL_ROLES);
    const name = who.name ?? (who.therapistId ? `Therapist ${who.therapistId}` : `Test ${roles.join(' ')}`);
    const user = userNamed(storage.db, name) ??
      insertUser(storage.db, { name, roles, therapistId: who.therapistId ?? null, secretKind: 'password', secretHash: testSecretHash(TEST_PASSWORD) });
    const signedIn = { id: user.id, name: user.name, roles: user.roles, therapistId: user.therapistId, therapistName: user.therapistName };
    session.signIn(signedIn);
    return signedIn;
  };
  if (options.signedIn !== false && !storage.refusal) {
    actAs({ roles: options.role === undefined ? ALL_ROLES : [options.role].flat() });
  }
  const dispatch = createDispatcher(() => ({
    get db() {
      return storage.db;
    },
    storage,
    ...clock,
    session,
    secretCost: TEST_SECRET_COST,
    version: '0.0.0-test',
    dataDir: storage.dataDir,
    ...(options.choosePath ? { choosePath: options.choosePath } : {}),
    ...(options.printWindowToPdf ? { printWindowToPdf: options.printWindowToPdf } : {}),
  }));
  return {
    dataDir,
    get db() {
      return storage.db;
    },
    storage,
    dispatch,
    session,
    actAs,
    async call<T>(name: string, input: unknown = {}) {
      const result = await dispatch(name, input);
      if (!result.ok) throw new Error(`${name} refused: ${result.code}: ${result.message}`);
      return result.value as T;
    },
    close() {
      storage.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A session signed in with these roles, for a dispatcher built by hand (no person on file behind it). */
export function sessionAs(roles: Role[]): ClinicSession {
  const session = new ClinicSession();
  session.signIn({ id: 1, name: `Test ${roles.join(' ')}`, roles, therapistId: null, therapistName: null });
  return session;
}
