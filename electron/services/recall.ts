import type { z } from 'zod';
import type { recallContact } from '../../shared/api/schemas';
import type { RecallContact, RecallEntry, RecallKind } from '../../shared/api/types';
import { engineRace } from '../../shared/api/engine-input';
import { addDays, daysBetween, guidanceFor } from '../../shared/guidance';
import { clientsBookedFrom } from '../db/repositories/appointments';
import {
  contactDetails, historyForDue, POST_RACE_REACH_DAYS, racesHoldingToday, type ClientsAmong, type EngineRaceFields,
} from '../db/repositories/front-desk';
import { keptRecall, keptState, queuedClients } from '../db/repositories/kept-guidance';
import { planSessionsOfRaces } from '../db/repositories/plans';
import * as recall from '../db/repositories/recall';
import { writeTransaction } from '../db/sql';
import { requireClient } from './clients';
import type { ServiceContext } from './context';

// The recall list: clients whose next booking is due or overdue by the booking rules and who
// have nothing booked from today on. What the rules say of each client on a day is worked out
// from a few set-based reads (the races that can hold the day, with their clients; the little
// history the rules read), the phase engine running once for each client with such a race. The
// app keeps those answers for today (electron/services/kept-guidance.ts), so at a chain's size
// the list reads them back and works out only the clients changed since.

const RECALL_KINDS: ReadonlySet<string> = new Set<RecallKind>(['baseline-assessment', 'peak-session', 'taper-session', 'recovery-flush']);

/** The longest default block is 20 weeks; a longer one needs a plan start, which the query reads. */
const BLOCK_LOOKAHEAD_DAYS = 20 * 7;
/** The booking rules read the history this far back (a taper session), and otherwise only the latest treatment. */
const HISTORY_WINDOW_DAYS = 28;
/** More clients changed than this since the answers were kept (an import), and working them all out is quicker. */
const CHANGED_AT_MOST = 2_000;

/** What the booking rules say is due for a client on a day: the recall entry's fields that come from them. */
export type DueAnswer = Pick<RecallEntry, 'kind' | 'reason' | 'dueDate' | 'overdueFrom' | 'phase' | 'ceiling' | 'race' | 'lastTreatment'>;

/** The races that can hold `day` of every client, or of some. */
export function racesHolding(ctx: ServiceContext, day: string, among?: ClientsAmong): Map<number, EngineRaceFields[]> {
  return racesHoldingToday(ctx.db, { today: day, recentFrom: addDays(day, -POST_RACE_REACH_DAYS), blockUntil: addDays(day, BLOCK_LOOKAHEAD_DAYS) }, among);
}

/** For each client with races that can hold `day`, what is due to ring about that day, or null. */
export function dueAnswers(ctx: ServiceContext, day: string, candidates: ReadonlyMap<number, EngineRaceFields[]>): Map<number, DueAnswer | null> {
  const history = historyForDue(ctx.db, [...candidates.keys()], addDays(day, -HISTORY_WINDOW_DAYS), day);
  // A plan moves a peak session to its best days; only an A block reads one.
  const plans = planSessionsOfRaces(ctx.db, [...candidates.values()].flatMap((races) => races.filter((r) => r.priority === 'A').map((r) => r.id)));
  const answers = new Map<number, DueAnswer | null>();
  for (const [clientId, races] of candidates) {
    const treatments = history.get(clientId)!;
    const guidance = guidanceFor({ date: day, races: races.map((r) => engineRace(r, plans.get(r.id))), treatments });
    const d = guidance.due;
    // A peak session is due 14 days after the last one; before that there is nothing to ring about.
    // With a plan, `by` is the next best day, which can still lie ahead of an overdue client.
    const waiting = d?.kind === 'peak-session' && d.by > day && !(d.overdueFrom !== undefined && d.overdueFrom <= day);
    if (!d || !RECALL_KINDS.has(d.kind) || waiting) {
      answers.set(clientId, null);
      continue;
    }
    const race = races.find((r) => String(r.id) === d.raceId);
    answers.set(clientId, {
      kind: d.kind as RecallKind,
      reason: d.message,
      dueDate: d.by,
      overdueFrom: d.overdueFrom ?? null,
      phase: guidance.phase,
      ceiling: guidance.ceiling,
      race: race ? { id: race.id, name: race.name, date: race.date } : null,
      lastTreatment: treatments.reduce<string | null>((last, t) => (t.date <= day && (last === null || t.date > last) ? t.date : last), null),
    });
  }
  return answers;
}

/**
 * Today's answers as kept, with the clients changed since worked out afresh; null when none are
 * kept for today under these rules (the day has just turned, or the rules are new).
 */
function keptAnswers(ctx: ServiceContext, today: string): Map<number, DueAnswer> | null {
  const state = keptState(ctx.db);
  if (!state.current || state.recallFor !== today) return null;
  const changed = queuedClients(ctx.db, CHANGED_AT_MOST + 1);
  if (changed.length > CHANGED_AT_MOST) return null;
  // A change to what the answers come from drops the client's kept one (migration 10's triggers);
  // a client queued only for an appointment keeps theirs, and the answer worked out replaces it.
  const answers = new Map(keptRecall(ctx.db, today) as [number, DueAnswer][]);
  for (const id of changed) answers.delete(id);
  for (const [clientId, answer] of dueAnswers(ctx, today, racesHolding(ctx, today, { ids: changed }))) if (answer) answers.set(clientId, answer);
  return answers;
}

function allAnswers(ctx: ServiceContext, today: string, booked: ReadonlySet<number>): Map<number, DueAnswer> {
  const candidates = racesHolding(ctx, today);
  for (const id of booked) candidates.delete(id);
  const answers = new Map<number, DueAnswer>();
  for (const [clientId, answer] of dueAnswers(ctx, today, candidates)) if (answer) answers.set(clientId, answer);
  return answers;
}

export function recallList(ctx: ServiceContext): RecallEntry[] {
  const today = ctx.today();
  const booked = clientsBookedFrom(ctx.db, `${today}T00:00`);
  const answers = keptAnswers(ctx, today) ?? allAnswers(ctx, today, booked);
  const due = [...answers].filter(([clientId]) => !booked.has(clientId));

  const clients = contactDetails(ctx.db, due.map(([clientId]) => clientId));
  const entries: RecallEntry[] = [];
  for (const [clientId, answer] of due) {
    const c = clients.get(clientId);
    if (!c) continue; // archived
    const overdue = answer.overdueFrom !== null && answer.overdueFrom <= today;
    entries.push({
      clientId,
      clientName: `${c.first_name} ${c.last_name}`,
      phone: c.phone,
      email: c.email,
      usualTherapistId: c.usual_therapist_id,
      ...answer,
      overdue,
      daysOverdue: overdue ? daysBetween(answer.overdueFrom!, today) + 1 : 0,
      latestContact: null,
    });
  }

  // Most urgent first: the day it turns (or turned) overdue, then the day it is due.
  const urgency = (e: RecallEntry) => e.overdueFrom ?? addDays(e.dueDate, 1);
  entries.sort((a, b) => urgency(a).localeCompare(urgency(b)) || a.dueDate.localeCompare(b.dueDate) || a.clientName.localeCompare(b.clientName) || a.clientId - b.clientId);
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
