import type { SignedInUser } from '../../../shared/api/types';
import type { Role } from '../../../shared/vocabulary';

export const DEFAULT_IDLE_MINUTES = 10;

/**
 * Who is using this copy of Fettle now. Main holds one; the renderer only ever learns about it.
 * Idle time is judged here too: a call after the idle limit finds the session locked, whatever
 * the window did, so a laptop left open never answers for the last person.
 */
export class ClinicSession {
  private current: { user: SignedInUser; locked: boolean; lastActivity: number } | null = null;
  idleMinutes = DEFAULT_IDLE_MINUTES;

  constructor(readonly clock: () => number = Date.now) {}

  get user(): SignedInUser | null {
    return this.current?.user ?? null;
  }

  get state(): 'signed-out' | 'locked' | 'signed-in' {
    if (!this.current) return 'signed-out';
    this.lockIfIdle();
    return this.current.locked ? 'locked' : 'signed-in';
  }

  signIn(user: SignedInUser): void {
    this.current = { user, locked: false, lastActivity: this.clock() };
  }

  signOut(): void {
    this.current = null;
  }

  lock(): void {
    if (this.current) this.current.locked = true;
  }

  unlock(): void {
    if (this.current) this.current = { ...this.current, locked: false, lastActivity: this.clock() };
  }

  /** Updates the signed-in user's details (an administrator renamed them or changed their roles). */
  refresh(user: SignedInUser): void {
    if (this.current?.user.id === user.id) this.current.user = user;
  }

  /** The user a call acts for, counting the call as activity; null when signed out or locked. */
  activeUser(): SignedInUser | null {
    if (this.state !== 'signed-in') return null;
    this.current!.lastActivity = this.clock();
    return this.current!.user;
  }

  private lockIfIdle(): void {
    const c = this.current;
    if (c && !c.locked && this.clock() - c.lastActivity > this.idleMinutes * 60_000) c.locked = true;
  }
}

export const hasRole = (user: Pick<SignedInUser, 'roles'>, roles: readonly Role[]): boolean => roles.some((r) => user.roles.includes(r));
