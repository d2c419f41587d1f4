import type { z } from 'zod';
import type { Guidance } from '../guidance';
import type { Role } from '../vocabulary';
import * as s from './schemas';
import type { CallName } from './calls';
import type { Result } from './result';
import type { BackupEntry, BackupInspection, BackupStatus, RestoreResult, StorageStatus } from './storage';
import { clientDateProblems, raceDateProblems, treatmentDateProblems, type FieldProblems } from './ranges';
import type {
  AppInfo, Client, ClientDetail, ClientPage, Race, RaceEvent, Therapist, Treatment,
} from './types';
import type {
  Appointment, AppointmentType, BookingCheck, DaySheet, DiaryRange, OpeningHours, RecallContact, RecallEntry, TodayList,
} from './types';
import type { PlanDetail, PlanImportResult, PlanPreview, PlanSession } from './types';
import type { AuditEvent, SessionStatus, SetupResult, UserAccount } from './types';
import type { JobProgress } from './jobs';
import type { ClientRecordFile, ClinicExport } from './exports';
import { clientImportCommit, clientImportPreview, type ClientImportPreviewResult, type ClientImportResult } from './client-import';

// The whole API between renderer and main, in one table: `domain:verb` → input schema,
// output type and the roles allowed to call it. Main validates every input against it;
// the preload and the renderer derive their types from it.

export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Who may call it once signed in. */
  roles: readonly Role[];
  /**
   * `signed-out`: answers with no one signed in (sign-in itself, the start-up state).
   * `unopened`: also answers signed out, but only while the clinic's database could not be opened,
   * so the start-up screen can restore a backup or choose another folder when no one can sign in.
   */
  access?: 'signed-out' | 'unopened';
  /**
   * Answered while a large clinic's start-up integrity check is still running: reads the first
   * screen needs, which write nothing. Every other call waits until the check has passed.
   */
  whileChecking?: true;
  /** Limits that depend on today's date (shared/api/ranges.ts): problems by field, checked after the schema. */
  checks?: (input: z.output<I>, today: string) => FieldProblems;
  /** Phantom: carries the output type only. */
  readonly output?: O;
}

const call =
  <O>() =>
  <I extends z.ZodType>(spec: {
    input: I;
    roles: readonly Role[];
    access?: 'signed-out' | 'unopened';
    whileChecking?: true;
    checks?: (input: z.output<I>, today: string) => FieldProblems;
  }): CallSpec<I, O> =>
    spec;

const everyone = ['admin', 'therapist', 'reception'] as const;
/** Clinical notes: therapists only (an administrator who also treats holds both roles). */
const therapists = ['therapist'] as const;
const admins = ['admin'] as const;

export const contract = {
  'app:info': call<AppInfo>()({ input: s.nothing, roles: everyone, access: 'signed-out', whileChecking: true }),
  // How far a long call (export, import) has got; the renderer polls it with the job id it passed.
  'jobs:progress': call<JobProgress | null>()({ input: s.jobRef, roles: everyone }),

  // The clinic's data: the start-up state, backups and restore. These answer even when the
  // database could not be opened, so the start-up screen can offer its ways out.
  'storage:status': call<StorageStatus>()({ input: s.nothing, roles: everyone, access: 'signed-out', whileChecking: true }),
  'storage:retry': call<StorageStatus>()({ input: s.nothing, roles: everyone, access: 'signed-out' }),
  'storage:useFolder': call<StorageStatus>()({ input: s.dataFolderChoice, roles: admins, access: 'unopened' }),
  'backups:status': call<BackupStatus>()({ input: s.nothing, roles: everyone }),
  'backups:run': call<BackupEntry>()({ input: s.nothing, roles: everyone }),
  'backups:list': call<BackupEntry[]>()({ input: s.nothing, roles: admins, access: 'unopened' }),
  'backups:inspect': call<BackupInspection>()({ input: s.backupFile, roles: admins, access: 'unopened' }),
  'backups:restore': call<RestoreResult>()({ input: s.backupFile, roles: admins, access: 'unopened' }),
  'backups:setFolder': call<BackupStatus>()({ input: s.backupFolderChoice, roles: admins }),
  'files:choose': call<{ path: string | null }>()({ input: s.pathChoice, roles: admins, access: 'unopened' }),

  // Signing in and out: the session lives in main; the renderer only asks about it.
  'session:status': call<SessionStatus>()({ input: s.nothing, roles: everyone, access: 'signed-out', whileChecking: true }),
  'session:setup': call<SetupResult>()({ input: s.firstAdministrator, roles: everyone, access: 'signed-out' }),
  'session:signIn': call<SessionStatus>()({ input: s.signIn, roles: everyone, access: 'signed-out' }),
  'session:unlock': call<SessionStatus>()({ input: s.unlock, roles: everyone, access: 'signed-out' }),
  'session:recover': call<SessionStatus>()({ input: s.recovery, roles: everyone, access: 'signed-out' }),
  'session:signOut': call<SessionStatus>()({ input: s.nothing, roles: everyone, access: 'signed-out' }),
  'session:lock': call<SessionStatus>()({ input: s.nothing, roles: everyone }),
  /** The person is at the keyboard: keeps the session from locking while they type. */
  'session:touch': call<{ idleMinutes: number }>()({ input: s.nothing, roles: everyone }),
  'users:list': call<UserAccount[]>()({ input: s.nothing, roles: admins }),
  'users:create': call<UserAccount>()({ input: s.userInput, roles: admins }),
  'users:update': call<UserAccount>()({ input: s.userUpdate, roles: admins }),
  'users:resetSecret': call<UserAccount>()({ input: s.secretReset, roles: admins }),
  'security:setIdle': call<SessionStatus>()({ input: s.idleSetting, roles: admins }),
  'audit:list': call<AuditEvent[]>()({ input: s.auditQuery, roles: admins }),
  'audit:export': call<{ file: string | null; events: number }>()({ input: s.auditQuery, roles: admins }),

  'therapists:list': call<Therapist[]>()({ input: s.nothing, roles: everyone }),
  'therapists:create': call<Therapist>()({ input: s.therapistInput, roles: admins }),
  'therapists:update': call<Therapist>()({ input: s.therapistUpdate, roles: admins }),

  'clients:search': call<ClientPage>()({ input: s.clientSearch, roles: everyone }),
  'clients:get': call<ClientDetail>()({ input: s.byId('Client'), roles: everyone }),
  'clients:create': call<Client>()({ input: s.clientInput, roles: everyone, checks: clientDateProblems }),
  'clients:update': call<Client>()({ input: s.clientUpdate, roles: everyone, checks: clientDateProblems }),
  'clients:archive': call<Client>()({ input: s.byId('Client'), roles: everyone }),
  'clients:restore': call<Client>()({ input: s.byId('Client'), roles: everyone }),

  'races:upcoming': call<RaceEvent[]>()({ input: s.nothing, roles: everyone }),
  'races:create': call<Race>()({ input: s.raceInput, roles: everyone, checks: raceDateProblems }),
  'races:update': call<Race>()({ input: s.raceUpdate, roles: everyone, checks: raceDateProblems }),
  'races:remove': call<{ id: number }>()({ input: s.byId('Race'), roles: everyone }),

  'guidance:forClient': call<Guidance>()({ input: s.guidanceRequest, roles: everyone }),

  // Clinical notes: therapists only, always as the signed-in therapist.
  'treatments:log': call<Treatment>()({ input: s.treatmentInput, roles: therapists, checks: treatmentDateProblems }),
  'treatments:get': call<Treatment>()({ input: s.byId('Treatment'), roles: therapists }),
  'treatments:edit': call<Treatment>()({ input: s.treatmentEdit, roles: therapists }),
  'treatments:amend': call<Treatment>()({ input: s.treatmentAmendment, roles: therapists }),

  // The front desk: reception's screens. None of these returns a note field.
  'diary:range': call<DiaryRange>()({ input: s.diaryRange, roles: everyone }),
  'appointments:book': call<Appointment>()({ input: s.appointmentBook, roles: everyone }),
  'appointments:move': call<Appointment>()({ input: s.appointmentMove, roles: everyone }),
  'appointments:setStatus': call<Appointment>()({ input: s.appointmentStatus, roles: everyone }),
  'appointments:check': call<BookingCheck>()({ input: s.appointmentCheck, roles: everyone }),
  'appointmentTypes:list': call<AppointmentType[]>()({ input: s.nothing, roles: everyone }),
  'appointmentTypes:create': call<AppointmentType>()({ input: s.appointmentTypeInput, roles: admins }),
  'appointmentTypes:update': call<AppointmentType>()({ input: s.appointmentTypeUpdate, roles: admins }),
  'hours:get': call<OpeningHours>()({ input: s.nothing, roles: everyone }),
  'hours:set': call<OpeningHours>()({ input: s.hoursInput, roles: admins }),
  'today:list': call<TodayList>()({ input: s.nothing, roles: everyone }),
  'recall:list': call<RecallEntry[]>()({ input: s.nothing, roles: everyone }),
  'recall:contact': call<RecallContact>()({ input: s.recallContact, roles: everyone }),
  'daysheet:get': call<DaySheet>()({ input: s.daySheetRequest, roles: everyone }),
  // The day sheet the window shows, as an A4 PDF where the person chooses (file null: cancelled).
  'daysheet:savePdf': call<{ file: string | null }>()({ input: s.daySheetRequest, roles: everyone }),

  // A race's training plan (not clinical notes): read, preview a file, import, edit by hand.
  'plans:get': call<PlanDetail>()({ input: s.byId('Race'), roles: everyone }),
  'plans:preview': call<PlanPreview>()({ input: s.planFile, roles: everyone }),
  'plans:import': call<PlanImportResult>()({ input: s.planImport, roles: everyone }),
  'plans:addSession': call<PlanSession>()({ input: s.planSessionInput, roles: everyone }),
  'plans:updateSession': call<PlanSession>()({ input: s.planSessionUpdate, roles: everyone }),
  'plans:removeSession': call<{ id: number }>()({ input: s.byId('Session'), roles: everyone }),

  // Data out (administrators): everything as a zip, and one client's record for an access
  // request. Each asks main for a save path; null when the person cancels the dialog.
  'exports:clinic': call<ClinicExport | null>()({ input: s.jobRef, roles: admins }),
  'exports:clientRecord': call<ClientRecordFile | null>()({ input: s.clientRecordRequest, roles: admins }),

  // Clients and their races from a spreadsheet: a preview that writes nothing, then the import.
  'clientImport:preview': call<ClientImportPreviewResult>()({ input: clientImportPreview, roles: admins }),
  'clientImport:commit': call<ClientImportResult>()({ input: clientImportCommit, roles: admins }),
} as const satisfies Record<CallName, CallSpec>;

export type { CallName };
export type Contract = typeof contract;
export type InputOf<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends CallName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends CallName> = Contract[N] extends CallSpec<z.ZodType, infer O> ? O : never;

type DomainOf<N> = N extends `${infer D}:${string}` ? D : never;
/** `window.fettle`: one method per call, grouped by domain (`fettle.clients.search(...)`). */
export type FettleApi = {
  [D in DomainOf<CallName>]: {
    [N in CallName as N extends `${D}:${infer V}` ? V : never]: (input: InputOf<N>) => Promise<Result<OutputOf<N>>>;
  };
};
