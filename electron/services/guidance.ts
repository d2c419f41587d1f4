import { guidanceFor, type Guidance } from '../../shared/guidance';
import { engineRace } from '../../shared/api/engine-input';
import type { Appointment, Race } from '../../shared/api/types';
import type { Intensity } from '../../shared/vocabulary';
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
}): Guidance {
  return guidanceFor({
    date: args.date,
    races: args.races.map(engineRace),
    treatments: args.treatments,
    ...(args.appointments ? { appointments: args.appointments.map((a) => ({ date: a.startsAt.slice(0, 10), therapistId: String(a.therapistId) })) } : {}),
    ...(args.therapistId ? { therapistId: String(args.therapistId) } : {}),
    sore: args.sore ?? false,
    ...(args.therapistNames ? { therapists: args.therapistNames } : {}),
    ...(args.clientName ? { clientName: args.clientName } : {}),
  });
}

export function therapistNames(ctx: ServiceContext): Record<string, string> {
  return Object.fromEntries(listTherapists(ctx.db).map((t) => [String(t.id), t.name]));
}
