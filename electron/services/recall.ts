import type { z } from 'zod';
import type { recallContact } from '../../shared/api/schemas';
import type { RecallContact, RecallEntry, RecallKind } from '../../shared/api/types';
import { engineRace } from '../../shared/api/engine-input';
import { addDays, daysBetween, guidanceFor, type Guidance } from '../../shared/guidance';
import { clientsBookedFrom } from '../db/repositories/appointments';
import {
  contactDetails, historyForDue, POST_RACE_REACH_DAYS, racesHoldingToday, type EngineRaceFields, type HistoryEntry,
} from '../db/repositories/front-desk';
import { planSessionsOfRaces } from '../db/repositories/plans';
import * as recall from '../db/repositories/recall';
import { writeTransaction } from '../db/sql';
import { requireClient } from './clients';
import type { ServiceContext } from './context';

// The recall list: clients whose next booking is due or overdue by the booking rules and who
// have nothing booked from today on. Built from a few set-based reads (the races that can hold
// today, with their clients; who is booked; the little history the booking rules read); the
// phase engine then runs once for each client with such a race.

const RECALL_KINDS: ReadonlySet<string> = new Set<RecallKind>(['baseline-assessment', 'peak-session', 'taper-session', 'recovery-flush']);

/** The longest default block is 20 weeks; a longer one needs a plan start, which the query reads. */
const BLOCK_LOOKAHEAD_DAYS = 20 * 7;
/** The booking rules read the history this far back (a taper session), and otherwise only the latest treatment. */
const HISTORY_WINDOW_DAYS = 28;

export function recallList(ctx: ServiceContext): RecallEntry[] {
  const today = ctx.today();
  const booked = clientsBookedFrom(ctx.db, `${today}T00:00`);
  const candidates = racesHoldingToday(ctx.db, { today, recentFrom: addDays(today, -POST_RACE_REACH_DAYS), blockUntil: addDays(today, BLOCK_LOOKAHEAD_DAYS) });
  for (const id of booked) candidates.delete(id);
  const ids = [...candidates.keys()];
  const history = historyForDue(ctx.db, ids, addDays(today, -HISTORY_WINDOW_DAYS), today);
  // A plan moves a peak session to its best days; only an A block reads one.
  const plans = planSessionsOfRaces(ctx.db, [...candidates.values()].flatMap((races) => races.filter((r) => r.priority === 'A').map((r) => r.id)));

  const due: { clientId: number; races: EngineRaceFields[]; treatments: HistoryEntry[]; guidance: Guidance }[] = [];
  for (const [clientId, races] of candidates) {
    const treatments = history.get(clientId)!;
    const guidance = guidanceFor({ date: today, races: races.map((r) => engineRace(r, plans.get(r.id))), treatments });
    const d = guidance.due;
    if (!d || !RECALL_KINDS.has(d.kind)) continue;
    // A peak session is due 14 days after the last one; before that there is nothing to ring about.
    // With a plan, `by` is the next best day, which can still lie ahead of an overdue client.
    if (d.kind === 'peak-session' && d.by > today && !(d.overdueFrom !== undefined && d.overdueFrom <= today)) continue;
    due.push({ clientId, races, treatments, guidance });
  }

  const clients = contactDetails(ctx.db, due.map((d) => d.clientId));
  const entries: RecallEntry[] = [];
  for (const { clientId, races, treatments, guidance } of due) {
    const c = clients.get(clientId);
    if (!c) continue; // archived
    const d = guidance.due!;
    const overdue = d.overdueFrom !== undefined && d.overdueFrom <= today;
    const race = races.find((r) => String(r.id) === d.raceId);
    entries.push({
      clientId,
      clientName: `${c.first_name} ${c.last_name}`,
      phone: c.phone,
      email: c.email,
      usualTherapistId: c.usual_therapist_id,
      kind: d.kind as RecallKind,
      reason: d.message,
      dueDate: d.by,
      overdueFrom: d.overdueFrom ?? null,
      overdue,
      daysOverdue: overdue ? daysBetween(d.overdueFrom!, today) + 1 : 0,
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
