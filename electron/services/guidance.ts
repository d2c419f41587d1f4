import { guidanceFor, type Guidance, type PlanSessionInput } from '../../shared/guidance';
import { engineRace } from '../../shared/api/engine-input';
import type { Appointment, Race } from '../../shared/api/types';
import type { Intensity } from '../../shared/vocabulary';
import type { Db } from '../db/native';
import { planSessionsOfRaces } from '../db/repositories/plans';
import { listTherapists } from '../db/repositories/therapists';
import type { ServiceContext } from './context';

export interface HistoryEntry { date: string; therapistId: string; intensity: Intensity }

/** Adapts database records to the engine's query; the engine itself stays pure. */
export function guidanceFromRecords(args: {
  date: string;
  races: Race[];
  treatments: HistoryEntry[];
  /** Booked sessions, so "book the taper session" is not asked for when one is booked. */
  appointments?: Appointment[];
  therapistId?: number | null;
  sore?: boolean;
  therapistNames?: Record<string, string>;
  clientName?: string;
  /** The races' training plans by race id (plansOf): a plan pairs peak sessions with the hardest weeks. */
  plans?: ReadonlyMap<number, readonly PlanSessionInput[]>;
}): Guidance {
  return guidanceFor({
    date: args.date,
    races: args.races.map((r) => engineRace(r, args.plans?.get(r.id))),
    treatments: args.treatments,
    ...(args.appointments ? { appointments: args.appointments.map((a) => ({ date: a.startsAt.slice(0, 10), therapistId: String(a.therapistId) })) } : {}),
    ...(args.therapistId ? { therapistId: String(args.therapistId) } : {}),
    sore: args.sore ?? false,
    ...(args.therapistNames ? { therapists: args.therapistNames } : {}),
    ...(args.clientName ? { clientName: args.clientName } : {}),
  });
}

/** The training plans of the A races among `races` (only an A block reads a plan), by race id. */
export function plansOf(db: Db, races: readonly Race[]): Map<number, PlanSessionInput[]> {
  const goalRaces: number[] = [];
  for (const race of races) if (race.priority === 'A') goalRaces.push(race.id);
  return planSessionsOfRaces(db, goalRaces);
}

export function therapistNames(ctx: ServiceContext): Record<string, string> {
  return Object.fromEntries(listTherapists(ctx.db).map((t) => [String(t.id), t.name]));
}

/**
 * A client's guidance for today as every screen shows it: with the client's usual therapist
 * (unfamiliar, and said so, when none is on file). The client list and the client page both ask
 * this one question, so they cannot disagree.
 */
export function guidanceToday(
  ctx: ServiceContext,
  args: {
    usualTherapistId: number | null; firstName: string; races: Race[]; treatments: HistoryEntry[];
    appointments?: Appointment[]; therapistNames?: Record<string, string>;
    /** The plans, when the caller read them for many clients at once (the client list). */
    plans?: Map<number, PlanSessionInput[]>;
  },
): Guidance {
  return guidanceFromRecords({
    date: ctx.today(),
    races: args.races,
    plans: args.plans ?? plansOf(ctx.db, args.races),
    treatments: args.treatments,
    ...(args.appointments ? { appointments: args.appointments } : {}),
    therapistId: args.usualTherapistId,
    ...(args.therapistNames ? { therapistNames: args.therapistNames } : {}),
    clientName: args.firstName,
  });
}
