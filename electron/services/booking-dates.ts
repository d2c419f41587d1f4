import type { SuggestedDate, SuggestionKind } from '../../shared/api/types';
import { engineRace } from '../../shared/api/engine-input';
import { addDays, isoDateOf, planRace, TAPER_CUTOFF_DAYS, type Due } from '../../shared/guidance';
import { upcomingAppointmentsOfClient } from '../db/repositories/appointments';
import { racesOfClient } from '../db/repositories/races';
import { treatmentHistoryOfClients } from '../db/repositories/treatments';
import type { ServiceContext } from './context';
import { guidanceFromRecords, plansOf } from './guidance';

// The booking form's suggested dates. The rules live in the phase engine: this module only
// asks the engine's `due` on the first day of each window of the client's races (block
// phases from planRace) and turns each answer into a dated window to offer.

const LABEL: Readonly<Record<SuggestionKind, string>> = {
  'baseline-assessment': 'Baseline assessment',
  'peak-session': 'Next peak session',
  'taper-session': 'Taper session',
  'recovery-flush': 'Recovery flush',
  'deeper-work': 'Deeper work',
};

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

interface Probe {
  /** The day the engine is asked about. */
  date: string;
  /** The kinds accepted from it (another race's window may answer instead: then nothing). */
  kinds: readonly SuggestionKind[];
  raceId: string;
  /** The last day the window allows (peak: the day before the taper). */
  until?: string;
}

function probesFor(race: ReturnType<typeof engineRace>, today: string): Probe[] {
  const plan = planRace(race);
  const probes: Probe[] = [];
  const from = (day: number) => max(today, isoDateOf(day));
  const block = plan.block;
  if (block) {
    const baseEnd = block.start + 7 * block.baseWeeks - 1;
    const taperStart = plan.raceDay - block.taperDays;
    probes.push({ date: from(block.start), kinds: ['baseline-assessment'], raceId: race.id, until: isoDateOf(baseEnd) });
    probes.push({ date: from(baseEnd + 1), kinds: ['peak-session'], raceId: race.id, until: isoDateOf(taperStart - 1) });
    probes.push({ date: from(taperStart), kinds: ['taper-session'], raceId: race.id, until: isoDateOf(plan.raceDay - TAPER_CUTOFF_DAYS) });
  }
  const afterRace = ['recovery-flush', 'deeper-work'] as const;
  const lastWindowDay = isoDateOf(plan.raceDay + plan.postRace.moderateEnd);
  probes.push({ date: from(plan.raceDay + 1), kinds: afterRace, raceId: race.id, until: lastWindowDay });
  probes.push({ date: from(plan.raceDay + plan.postRace.flushEnd + 1), kinds: afterRace, raceId: race.id, until: lastWindowDay });
  return probes.filter((p) => p.until === undefined || p.date <= p.until);
}

/** A dated window from the engine's answer on the probe's day, or null when it does not fit. */
function windowOf(due: Due, probe: Probe, today: string): Omit<SuggestedDate, 'raceName' | 'raceId'> | null {
  const kind = due.kind;
  let date: string;
  let to: string | null;
  switch (kind) {
    case 'peak-session':
      // Due 14 days after the last session: offer that day (or the first best day after a long run), until it turns overdue.
      date = max(due.by, probe.date);
      to = min(due.overdueFrom ? addDays(due.overdueFrom, -1) : probe.until!, probe.until!);
      if (to < date) to = date; // already overdue: book as soon as possible
      break;
    case 'deeper-work':
      date = max(due.by, probe.date);
      to = null;
      break;
    default:
      date = max(due.from ?? probe.date, probe.date);
      to = due.by;
  }
  if (to !== null && date > to) return null;
  return {
    kind,
    label: LABEL[kind],
    date,
    from: date,
    to,
    // The plan's best days through the whole window (the peak weeks), from the date offered on.
    bestDays: (due.bestDays ?? []).filter((d) => d >= date && (probe.until === undefined || d <= probe.until)),
    overdue: due.overdueFrom !== undefined && due.overdueFrom <= today && probe.date === today,
    message: due.message,
  };
}

/**
 * With a training plan the engine names the next best days for a peak session (after the next
 * hard week's longest run); asking it again from the day after each gives the rest of the peak weeks'.
 */
function laterBestDays(due: Due, probe: Probe, dueOn: (date: string) => Due | undefined): string[] {
  const days = [...(due.bestDays ?? [])];
  for (let next = days.at(-1); next !== undefined && probe.until !== undefined && next < probe.until; ) {
    const later = dueOn(addDays(next, 1));
    const found = later?.raceId === probe.raceId ? (later.bestDays ?? []).filter((d) => d > next!) : [];
    days.push(...found);
    next = found.at(-1);
  }
  return days;
}

/** Good dates to book this client, soonest first: one per window of each race still ahead. */
export function suggestedDates(ctx: ServiceContext, clientId: number, therapistId: number | null): SuggestedDate[] {
  const today = ctx.today();
  const races = racesOfClient(ctx.db, clientId);
  const treatments = treatmentHistoryOfClients(ctx.db, [clientId]).get(clientId) ?? [];
  const booked = upcomingAppointmentsOfClient(ctx.db, clientId, `${today}T00:00`);
  const plans = plansOf(ctx.db, races);
  const dueOn = (date: string) => guidanceFromRecords({ date, races, treatments, appointments: booked, therapistId, plans }).due;
  const found = new Map<string, SuggestedDate>();
  for (const race of races) {
    for (const probe of probesFor(engineRace(race), today)) {
      const due = dueOn(probe.date);
      if (!due || due.raceId !== probe.raceId || !(probe.kinds as readonly string[]).includes(due.kind)) continue;
      const window = windowOf({ ...due, bestDays: laterBestDays(due, probe, dueOn) }, probe, today);
      const key = `${due.kind}|${race.id}`;
      if (window && !found.has(key)) found.set(key, { ...window, raceId: race.id, raceName: race.name });
    }
  }
  return [...found.values()].sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
