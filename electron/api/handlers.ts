import type { CallName, OutputOf, ParsedInputOf } from '../../shared/api/contract';
import type { PathPurpose } from '../../shared/api/storage';
import type { Role } from '../../shared/vocabulary';
import { listTherapists } from '../db/repositories/therapists';
import type { ClinicStorage } from '../db/storage';
import * as backups from '../services/backups';
import { ClinicError, type ServiceContext } from '../services/context';
import * as clients from '../services/clients';
import * as races from '../services/races';
import * as therapists from '../services/therapists';
import * as treatments from '../services/treatments';
import * as appointments from '../services/appointments';
import { daySheet } from '../services/daysheet';
import * as diary from '../services/diary';
import * as recall from '../services/recall';
import * as plans from '../services/plans';
import * as clientImport from '../services/client-import';
import { progressOf } from '../services/progress';

export interface Session {
  role: Role;
}

export interface HandlerContext extends ServiceContext {
  session: Session;
  version: string;
  dataDir: string;
  /**
   * The app's hold on the data folder (backups, restore, the start-up screen). Contexts over a
   * bare database (helper processes, benchmarks) have none.
   */
  storage?: ClinicStorage;
  /** Asks the person for a path with the system's dialog; null when they cancel. Only main has one. */
  choosePath?: (purpose: PathPurpose) => Promise<string | null>;
}

export type Handlers = {
  [N in CallName]: (input: ParsedInputOf<N>, ctx: HandlerContext) => OutputOf<N> | Promise<OutputOf<N>>;
};

function storageOf(ctx: HandlerContext): ClinicStorage {
  if (!ctx.storage) throw new ClinicError('unavailable', 'Backups and restores are not available here.');
  return ctx.storage;
}

/** The handler table: the one place a call name meets a service. IPC and the e2e host both mount it. */
export const handlers: Handlers = {
  'app:info': (_, ctx) => ({ version: ctx.version, dataDir: ctx.dataDir, today: ctx.today(), role: ctx.session.role }),
  'jobs:progress': (input) => progressOf(input.job),

  'storage:status': (_, ctx) => backups.storageStatus(storageOf(ctx)),
  'storage:retry': (_, ctx) => backups.retryStorage(storageOf(ctx)),
  'storage:useFolder': (input, ctx) => backups.useDataFolder(storageOf(ctx), input.folder),
  'backups:status': (_, ctx) => backups.backupStatus(storageOf(ctx)),
  'backups:run': (_, ctx) => backups.runBackup(storageOf(ctx)),
  'backups:list': (_, ctx) => backups.listClinicBackups(storageOf(ctx)),
  'backups:inspect': (input) => backups.inspectBackup(input.file),
  'backups:restore': (input, ctx) => backups.restoreBackup(storageOf(ctx), input.file),
  'backups:setFolder': (input, ctx) => backups.setBackupFolder(storageOf(ctx), input.folder),
  'files:choose': async (input, ctx) => ({ path: (await ctx.choosePath?.(input.purpose)) ?? null }),

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

  'treatments:log': (input, ctx) => treatments.logTreatment(ctx, input),
  'treatments:get': (input, ctx) => treatments.getTreatment(ctx, input.id),

  'diary:range': (input, ctx) => diary.diaryRangeOf(ctx, input),
  'appointments:book': (input, ctx) => appointments.bookAppointment(ctx, input, appointments.actorName(input.by, ctx.session.role)),
  'appointments:move': (input, ctx) => appointments.moveAppointment(ctx, input, appointments.actorName(input.by, ctx.session.role)),
  'appointments:setStatus': (input, ctx) => appointments.setAppointmentStatus(ctx, input),
  'appointments:check': (input, ctx) => appointments.checkBooking(ctx, input),
  'appointmentTypes:list': (_, ctx) => diary.listAppointmentTypes(ctx),
  'appointmentTypes:create': (input, ctx) => diary.createAppointmentType(ctx, input),
  'appointmentTypes:update': (input, ctx) => diary.updateAppointmentType(ctx, input),
  'hours:get': (_, ctx) => diary.openingHours(ctx),
  'hours:set': (input, ctx) => diary.setHours(ctx, input),
  'today:list': (_, ctx) => diary.todayList(ctx),
  'recall:list': (_, ctx) => recall.recallList(ctx),
  'recall:contact': (input, ctx) => recall.recordContact(ctx, input, appointments.actorName(input.by, ctx.session.role)),
  'daysheet:get': (input, ctx) => daySheet(ctx, input.date),

  'plans:get': (input, ctx) => plans.planDetail(ctx, input.id),
  'plans:preview': (input, ctx) => plans.previewPlan(ctx, input),
  'plans:import': (input, ctx) => plans.importPlan(ctx, input),
  'plans:addSession': (input, ctx) => plans.addSession(ctx, input),
  'plans:updateSession': (input, ctx) => plans.updateSession(ctx, input),
  'plans:removeSession': (input, ctx) => plans.removeSession(ctx, input.id),

  'clientImport:preview': (input, ctx) => clientImport.previewClientImport(ctx, input),
  'clientImport:commit': (input, ctx) => clientImport.commitClientImport(ctx, input),
};
