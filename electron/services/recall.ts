import type { z } from 'zod';
import type { recallContact } from '../../shared/api/schemas';
import type { RecallContact, RecallEntry, RecallKind } from '../../shared/api/types';
import { addDays, daysBetween } from '../../shared/guidance';
import { clientsBookedFrom } from '../db/repositories/appointments';
import { racesOfClients } from '../db/repositories/races';
import * as recall from '../db/repositories/recall';
import { writeTransaction } from '../db/sql';
import { requireClient } from './clients';
import type { ServiceContext } from './context';
import { guidanceFromRecords, plansOf, type HistoryEntry } from './guidance';

// The recall list: clients whose next booking is due or overdue by the booking rules and who
// have nothing booked from today on. Built from a few set-based reads; the phase engine then
// runs only for clients with a race whose windows can hold today.

const RECALL_KINDS: ReadonlySet<string> = new Set<RecallKind>(['baseline-assessment', 'peak-session', 'taper-session', 'recovery-flush']);

/** Post-race windows last at most 17 days (an ultra over 100 km). */
const POST_RACE_LOOKBACK_DAYS = 30;
/** The longest default block is 20 weeks; a longer one needs a plan start, which the query reads. */
const BLOCK_LOOKAHEAD_DAYS = 20 * 7;
/** The booking rules read the history this far back, and otherwise only the latest treatment. */
const HISTORY_WINDOW_DAYS = 28;

export function recallList(ctx: ServiceContext): RecallEntry[] {
  const today = ctx.today();
  const booked = clientsBookedFrom(ctx.db, `${today}T00:00`);
  const candidates = recall
    .recallCandidates(ctx.db, { today, recentFrom: addDays(today, -POST_RACE_LOOKBACK_DAYS), blockUntil: addDays(today, BLOCK_LOOKAHEAD_DAYS) })
    .filter((c) => !booked.has(c.id));
  const ids = candidates.map((c) => c.id);
  const races = racesOfClients(ctx.db, ids);
  const plans = plansOf(ctx.db, [...races.values()].flat()); // a plan moves a peak session to its best days
  const history = new Map<number, HistoryEntry[]>(ids.map((id) => [id, []]));
  for (const t of recall.recentHistory(ctx.db, ids, addDays(today, -HISTORY_WINDOW_DAYS), today)) {
    history.get(t.client_id)!.push({ date: t.date, therapistId: String(t.therapist_id), intensity: t.intensity });
  }

  const entries: RecallEntry[] = [];
  for (const c of candidates) {
    const clientRaces = races.get(c.id) ?? [];
    const treatments = history.get(c.id)!;
    const guidance = guidanceFromRecords({ date: today, races: clientRaces, treatments, plans });
    const due = guidance.due;
    if (!due || !RECALL_KINDS.has(due.kind)) continue;
    // A peak session is due 14 days after the last one; before that there is nothing to ring about.
    if (due.kind === 'peak-session' && due.by > today) continue;
    const overdue = due.overdueFrom !== undefined && due.overdueFrom <= today;
    const race = clientRaces.find((r) => String(r.id) === due.raceId);
    entries.push({
      clientId: c.id,
      clientName: `${c.first_name} ${c.last_name}`,
      phone: c.phone,
      email: c.email,
      usualTherapistId: c.usual_therapist_id,
      kind: due.kind as RecallKind,
      reason: due.message,
      dueDate: due.by,
      overdueFrom: due.overdueFrom ?? null,
      overdue,
      daysOverdue: overdue ? daysBetween(due.overdueFrom!, today) + 1 : 0,
      phase: guidance.phase,
      ceiling: guidance.ceiling,
      race: race ? { id: race.id, name: race.name, date: race.date } : null,
      lastTreatment: treatments.reduce<string | null>((last, t) => (t.date <= today && (last === null || t.date > last) ? t.date : last), null),
      latestContact: null,
    });
  }

  // Most urgent first: the day it turns (or turned) overdue, then the day it is due.
  const urgency = (e: RecallEntry) => e.overdueFrom ?? addDays(e.dueDate, 1);
  entries.sort((a, b) => urgency(a).localeCompare(urgency(b)) || a.dueDate.localeCompare(b.dueDate) || a.clientName.localeCompare(b.clientName));
  const contacts = recall.latestContacts(ctx.db, entries.map((e) => e.clientId));
  for (const e of entries) e.latestContact = contacts.get(e.clientId) ?? null;
  return entries;
}

/** Notes that a client was contacted about booking, so colleagues do not ring them again. */
export function recordContact(ctx: ServiceContext, input: z.output<typeof recallContact>, by: string): RecallContact {
  return writeTransaction(ctx.db, () => {
    requireClient(ctx, input.clientId);
    return recall.insertRecallContact(ctx.db, { clientId: input.clientId, date: input.date ?? ctx.today(), note: input.note, by });
  });
}
