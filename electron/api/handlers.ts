import type { CallName, OutputOf, ParsedInputOf } from '../../shared/api/contract';
import type { PathPurpose } from '../../shared/api/storage';
import type { SignedInUser } from '../../shared/api/types';
import { listAudit, recordAudit, writeAuditCsv } from '../services/access/audit';
import * as people from '../services/access/people';
import type { ScryptCost } from '../services/access/secrets';
import type { ClinicSession } from '../services/access/session';
import { listTherapists } from '../db/repositories/therapists';
import { getUser } from '../db/repositories/users';
import type { ClinicStorage } from '../db/storage';
import * as backups from '../services/backups';
import { ClinicError, type ServiceContext } from '../services/context';
import * as clients from '../services/clients';
import * as races from '../services/races';
import * as therapists from '../services/therapists';
import * as treatments from '../services/treatments';
import * as appointments from '../services/appointments';
import { daySheet, saveDaySheetPdf } from '../services/daysheet';
import * as diary from '../services/diary';
import * as recall from '../services/recall';
import * as plans from '../services/plans';
import * as clientImport from '../services/client-import';
import { progressOf } from '../services/progress';
import * as exportsOut from '../services/export/index';

export interface HandlerContext extends ServiceContext {
  /** Who is signed in; main's, never the renderer's say. */
  session: ClinicSession;
  /** Tests pass a cheaper scrypt cost for the people they create; the app uses the default. */
  secretCost?: ScryptCost;
  version: string;
  dataDir: string;
  /**
   * The app's hold on the data folder (backups, restore, the start-up screen). Contexts over a
   * bare database (helper processes, benchmarks) have none.
   */
  storage?: ClinicStorage;
  /** Asks the person for a path with the system's dialog; null when they cancel. Only main has one. */
  choosePath?: (purpose: PathPurpose) => Promise<string | null>;
  /** The window's page as an A4 PDF, as its print CSS lays it out (Electron's printToPDF). Only main has one. */
  printWindowToPdf?: () => Promise<Uint8Array>;
}

export type Handlers = {
  [N in CallName]: (input: ParsedInputOf<N>, ctx: HandlerContext) => OutputOf<N> | Promise<OutputOf<N>>;
};

/** Main's save dialog for one purpose, or none (helper processes, benchmarks). */
function saveDialog(ctx: HandlerContext, purpose: PathPurpose): (() => Promise<string | null>) | undefined {
  const choose = ctx.choosePath;
  return choose ? () => choose(purpose) : undefined;
}

function storageOf(ctx: HandlerContext): ClinicStorage {
  if (!ctx.storage) throw new ClinicError('unavailable', 'Backups and restores are not available here.');
  return ctx.storage;
}

/** The signed-in user; the dispatcher has already refused a call that needs one when there is none. */
function actor(ctx: HandlerContext): SignedInUser {
  const user = ctx.session.user;
  if (!user) throw new ClinicError('signed-out', 'Sign in to go on.');
  return user;
}

/** A note is always the signed-in therapist's: never logged or amended as someone else. */
function noteAuthor(ctx: HandlerContext, therapistId?: number): SignedInUser & { therapistId: number } {
  const user = actor(ctx);
  if (user.therapistId === null) {
    throw new ClinicError('forbidden', `${user.name} is not linked to a therapist's diary column, so cannot write notes. An administrator can link it under Settings → People.`);
  }
  if (therapistId !== undefined && therapistId !== user.therapistId) {
    throw new ClinicError('forbidden', `Notes are logged as the signed-in therapist (${user.therapistName ?? user.name}). To log another therapist's, they sign in.`, { therapistId: `Logged as ${user.therapistName ?? user.name}, who is signed in.` });
  }
  return { ...user, therapistId: user.therapistId };
}

/** The handler table: the one place a call name meets a service. IPC and the e2e host both mount it. */
export const handlers: Handlers = {
  'app:info': (_, ctx) => ({ version: ctx.version, dataDir: ctx.dataDir, today: ctx.today() }),
  'jobs:progress': (input) => progressOf(input.job),

  'storage:status': (_, ctx) => backups.storageStatus(storageOf(ctx)),
  'storage:retry': (_, ctx) => backups.retryStorage(storageOf(ctx)),
  'storage:useFolder': (input, ctx) => backups.useDataFolder(storageOf(ctx), input.folder),
  'backups:status': (_, ctx) => backups.backupStatus(storageOf(ctx)),
  'backups:run': (_, ctx) => backups.runBackup(storageOf(ctx)),
  'backups:list': (_, ctx) => backups.listClinicBackups(storageOf(ctx)),
  'backups:inspect': (input, ctx) => backups.inspectBackup(input.file, ctx.storage),
  'backups:restore': async (input, ctx) => {
    const result = await backups.restoreBackup(storageOf(ctx), input.file);
    // The restored clinic has its own people: whoever restored stays signed in only if they are one.
    const user = ctx.session.user;
    const same = user && getUser(ctx.db, user.id);
    if (user && same && same.name === user.name && same.active) recordAudit(ctx, user, 'restore', { detail: `Restored ${input.file}` });
    else ctx.session.signOut();
    return result;
  },
  'backups:setFolder': (input, ctx) => backups.setBackupFolder(storageOf(ctx), input.folder),
  'files:choose': async (input, ctx) => ({ path: (await ctx.choosePath?.(input.purpose)) ?? null }),

  'session:status': (_, ctx) => people.sessionStatus(ctx),
  'session:setup': (input, ctx) => people.setUpFirstAdministrator(ctx, input),
  'session:signIn': (input, ctx) => people.signIn(ctx, input),
  'session:unlock': (input, ctx) => people.unlock(ctx, input),
  'session:recover': (input, ctx) => people.recover(ctx, input),
  'session:signOut': (_, ctx) => people.signOut(ctx),
  'session:lock': (_, ctx) => people.lock(ctx),
  'session:touch': (_, ctx) => ({ idleMinutes: ctx.session.idleMinutes }),
  'users:list': (_, ctx) => people.listPeople(ctx),
  'users:create': (input, ctx) => people.createPerson(ctx, actor(ctx), input),
  'users:update': (input, ctx) => people.updatePerson(ctx, actor(ctx), input),
  'users:resetSecret': (input, ctx) => people.resetSecret(ctx, actor(ctx), input),
  'security:setIdle': (input, ctx) => people.setIdleMinutes(ctx, actor(ctx), input.idleMinutes),
  'audit:list': (input, ctx) => listAudit(ctx, input),
  'audit:export': async (input, ctx) => {
    const file = (await ctx.choosePath?.('audit-save')) ?? null;
    if (!file) return { file: null, events: 0 };
    const events = writeAuditCsv(listAudit(ctx, input, Number.MAX_SAFE_INTEGER), file);
    recordAudit(ctx, actor(ctx), 'export', { detail: `Audit trail (${events} events) to ${file}` });
    return { file, events };
  },

  'therapists:list': (_, ctx) => listTherapists(ctx.db),
  'therapists:create': (input, ctx) => therapists.createTherapist(ctx, input),
  'therapists:update': (input, ctx) => therapists.updateTherapist(ctx, input),

  'clients:search': (input, ctx) => clients.searchClients(ctx, input),
  'clients:get': (input, ctx) => clients.clientDetail(ctx, input.id),
  'clients:create': (input, ctx) => clients.createClient(ctx, input),
  'clients:update': (input, ctx) => clients.updateClient(ctx, input),
  'clients:archive': (input, ctx) => clients.setClientArchived(ctx, input.id, true),
  'clients:restore': (input, ctx) => clients.setClientArchived(ctx, input.id, false),

  'races:upcoming': (_, ctx) => races.upcomingRaceEvents(ctx),
  'races:create': (input, ctx) => races.createRace(ctx, input),
  'races:update': (input, ctx) => races.updateRace(ctx, input),
  'races:remove': (input, ctx) => races.removeRace(ctx, input.id),

  'guidance:forClient': (input, ctx) => treatments.guidanceForClient(ctx, input),

  'treatments:log': (input, ctx) => {
    const author = noteAuthor(ctx, input.therapistId);
    const logged = treatments.logTreatment(ctx, input, author.id);
    recordAudit(ctx, author, 'note-created', { clientId: logged.clientId, detail: `Treatment on ${logged.date}` });
    return logged;
  },
  'treatments:get': (input, ctx) => {
    const reader = actor(ctx);
    const note = treatments.readTreatment(ctx, input.id, { userId: reader.id });
    recordAudit(ctx, reader, 'notes-opened', { clientId: note.clientId, detail: `Treatment on ${note.date} by ${note.therapistName}` });
    return note;
  },
  'treatments:edit': (input, ctx) => {
    const author = noteAuthor(ctx);
    const edited = treatments.editTreatment(ctx, input, { userId: author.id });
    recordAudit(ctx, author, 'note-edited', { clientId: edited.clientId, detail: `Treatment on ${edited.date}` });
    return edited;
  },
  'treatments:amend': (input, ctx) => {
    const author = noteAuthor(ctx);
    const amended = treatments.amendTreatment(ctx, input, { userId: author.id, name: author.name });
    recordAudit(ctx, author, 'note-amended', { clientId: amended.clientId, detail: `Treatment on ${amended.date}: ${input.reason}` });
    return amended;
  },

  'diary:range': (input, ctx) => diary.diaryRangeOf(ctx, input),
  'appointments:book': (input, ctx) => appointments.bookAppointment(ctx, input, actor(ctx).name),
  'appointments:move': (input, ctx) => appointments.moveAppointment(ctx, input, actor(ctx).name),
  'appointments:setStatus': (input, ctx) => appointments.setAppointmentStatus(ctx, input),
  'appointments:check': (input, ctx) => appointments.checkBooking(ctx, input),
  'appointmentTypes:list': (_, ctx) => diary.listAppointmentTypes(ctx),
  'appointmentTypes:create': (input, ctx) => diary.createAppointmentType(ctx, input),
  'appointmentTypes:update': (input, ctx) => diary.updateAppointmentType(ctx, input),
  'hours:get': (_, ctx) => diary.openingHours(ctx),
  'hours:set': (input, ctx) => diary.setHours(ctx, input),
  'today:list': (_, ctx) => diary.todayList(ctx),
  'recall:list': (_, ctx) => recall.recallList(ctx),
  'recall:contact': (input, ctx) => recall.recordContact(ctx, input, actor(ctx).name),
  'daysheet:get': (input, ctx) => daySheet(ctx, input.date),
  'daysheet:savePdf': (_, ctx) => saveDaySheetPdf(saveDialog(ctx, 'daysheet-save'), ctx.printWindowToPdf),

  'plans:get': (input, ctx) => plans.planDetail(ctx, input.id),
  'plans:preview': (input, ctx) => plans.previewPlan(ctx, input),
  'plans:import': (input, ctx) => plans.importPlan(ctx, input),
  'plans:addSession': (input, ctx) => plans.addSession(ctx, input),
  'plans:updateSession': (input, ctx) => plans.updateSession(ctx, input),
  'plans:removeSession': (input, ctx) => plans.removeSession(ctx, input.id),

  'exports:clinic': async (input, ctx) => {
    const saved = await exportsOut.saveClinicExport(ctx, input.job, ctx.version, saveDialog(ctx, 'export-save'));
    const rows = saved?.tables.reduce((sum, t) => sum + t.rows, 0);
    if (saved) recordAudit(ctx, actor(ctx), 'export', { detail: `Everything (${rows} rows in ${saved.tables.length} tables) to ${saved.file}` });
    return saved;
  },
  'exports:clientRecord': async (input, ctx) => {
    const saved = await exportsOut.saveClientRecord(ctx, input.clientId, input.format, saveDialog(ctx, input.format === 'pdf' ? 'record-pdf-save' : 'record-json-save'));
    if (saved) recordAudit(ctx, actor(ctx), 'export', { clientId: input.clientId, detail: `Client record (${input.format.toUpperCase()}) to ${saved.file}` });
    return saved;
  },

  'clientImport:preview': (input, ctx) => clientImport.previewClientImport(ctx, input),
  'clientImport:commit': (input, ctx) => clientImport.commitClientImport(ctx, input),
};
