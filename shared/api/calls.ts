import type { FettleApi, InputOf } from './contract';
import type { Result } from './result';

// The call names alone, so the preload can build the API without pulling in the schemas.
// contract.ts must give every one of these a spec (its `satisfies` clause checks both ways).
export const CALL_NAMES = [
  'app:info',
  'jobs:progress',
  'storage:status',
  'storage:retry',
  'storage:useFolder',
  'backups:status',
  'backups:run',
  'backups:list',
  'backups:inspect',
  'backups:restore',
  'backups:setFolder',
  'files:choose',
  'session:status',
  'session:setup',
  'session:signIn',
  'session:unlock',
  'session:recover',
  'session:signOut',
  'session:lock',
  'session:touch',
  'users:list',
  'users:create',
  'users:update',
  'users:resetSecret',
  'security:setIdle',
  'audit:list',
  'audit:export',
  'therapists:list',
  'therapists:create',
  'therapists:update',
  'clients:search',
  'clients:get',
  'clients:create',
  'clients:update',
  'clients:archive',
  'clients:restore',
  'races:upcoming',
  'races:create',
  'races:update',
  'races:remove',
  'guidance:forClient',
  'treatments:log',
  'treatments:get',
  'treatments:edit',
  'treatments:amend',
  'diary:range',
  'appointments:book',
  'appointments:move',
  'appointments:setStatus',
  'appointments:check',
  'appointmentTypes:list',
  'appointmentTypes:create',
  'appointmentTypes:update',
  'hours:get',
  'hours:set',
  'today:list',
  'recall:list',
  'recall:contact',
  'daysheet:get',
  'daysheet:savePdf',
  'plans:get',
  'plans:preview',
  'plans:import',
  'plans:addSession',
  'plans:updateSession',
  'plans:removeSession',
  'exports:clinic',
  'exports:clientRecord',
  'clientImport:preview',
  'clientImport:commit',
] as const;

export type CallName = (typeof CALL_NAMES)[number];

/** The IPC channel for a call; only these channels exist. */
export const channelFor = (name: CallName): string => `fettle:${name}`;

export type Invoke = (name: CallName, input: unknown) => Promise<Result<unknown>>;

/** Builds the closed, named API around one transport. Used by the preload and the test stand-in. */
export function buildApi(invoke: Invoke): FettleApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of CALL_NAMES) {
    const [domain, verb] = name.split(':') as [string, string];
    (api[domain] ??= {})[verb] = (input: unknown) => invoke(name, input);
  }
  return api as unknown as FettleApi;
}

export type { InputOf };
