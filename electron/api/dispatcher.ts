import type { z } from 'zod';
import { contract, type CallName } from '../../shared/api/contract';
import { failure, ok, type Result } from '../../shared/api/result';
import { databasePath } from '../db/database';
import { storageFault } from '../db/refusal';
import { hasRole } from '../services/access/session';
import { ClinicError } from '../services/context';
import { handlers as defaultHandlers, type HandlerContext, type Handlers } from './handlers';

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

export interface Logger {
  error(message: string, detail?: unknown): void;
}

const ROLE_NAMES = { admin: 'administrator', therapist: 'therapist', reception: 'reception' } as const;

/**
 * Turns a named call into a service call: unknown names, no one signed in, disallowed roles and
 * invalid input are refused before any service runs; every outcome is a Result value. The
 * session in main decides who is calling; nothing the renderer sends can change that.
 */
export function createDispatcher(
  context: () => HandlerContext,
  options: { handlers?: Handlers; logger?: Logger } = {},
): Dispatch {
  const table = options.handlers ?? defaultHandlers;
  return async (name, input) => {
    if (!Object.hasOwn(contract, name)) return failure('unknown-call', `Fettle has no action called "${name}".`);
    const callName = name as CallName;
    const spec = contract[callName];
    const ctx = context();
    const access = (spec as { access?: 'signed-out' | 'unopened' }).access;
    if (access !== 'signed-out') {
      const user = ctx.session.activeUser();
      // A clinic that could not be opened says why before anything about signing in.
      const refusal = !user && ctx.storage?.refusal ? storageFault(ctx.storage.refusal, databasePath(ctx.dataDir)) : null;
      if (refusal && access !== 'unopened') return failure('unavailable', refusal.message);
      if (!user && !refusal) {
        return failure('signed-out', ctx.session.state === 'locked'
          ? `Fettle locked itself after ${ctx.session.idleMinutes} minutes without use. Sign in again to go on; nothing typed is lost.`
          : 'Sign in to go on.');
      }
      if (user && !hasRole(user, spec.roles)) {
        const held = user.roles.map((r) => ROLE_NAMES[r]).join(' and ');
        return failure('forbidden', `Signed in as ${user.name} (${held}), you cannot do this. Ask a colleague who can.`);
      }
    }
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    const checks = (spec as { checks?: (input: unknown, today: string) => Record<string, string> }).checks;
    const problems = checks?.(parsed.data, ctx.today()) ?? {};
    const [firstProblem] = Object.values(problems);
    if (firstProblem) return failure('invalid', firstProblem, problems);
    try {
      // A large clinic is checked in a worker after opening; nothing but the first screen's reads
      // runs before that check has passed (and if it failed, the call answers with the damage).
      if (ctx.storage && !(spec as { whileChecking?: true }).whileChecking) await ctx.storage.checked;
      const handler = table[callName] as (input: unknown, ctx: HandlerContext) => unknown;
      return ok(await handler(parsed.data, ctx));
    } catch (error) {
      if (error instanceof ClinicError) return failure(error.code, error.message, error.fields);
      // A database that could not be opened, a full disk, a read-only folder, a lock: each says so.
      const fault = storageFault(error, databasePath(ctx.dataDir));
      if (fault) return failure('unavailable', fault.message);
      // Never pass a stack trace (or clinical text inside one) to the UI.
      options.logger?.error(`${name} failed`, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      return failure('internal', 'Something went wrong and nothing was saved. Try again; if it keeps happening, restart Fettle.');
    }
  };
}

/** One message per field, keyed by its path; the summary names the first field. */
function invalidInput(error: z.ZodError) {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'input';
    fields[key] ??= issue.message;
  }
  const [firstKey, firstMessage] = Object.entries(fields)[0]!;
  const summary = firstMessage.includes(':') || / is required\.$/.test(firstMessage) ? firstMessage : `${firstKey}: ${firstMessage}`;
  return failure('invalid', summary, fields);
}
