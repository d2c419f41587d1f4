import {
  appointmentsOfClients, dropOldRecall, KEPT_RULES, keepPhases, keepRecall, keptState, lastClientId, queueAll, queuedClients, unqueue,
} from '../db/repositories/kept-guidance';
import { getSetting, setSetting } from '../db/repositories/settings';
import type { ClinicStorage } from '../db/storage';
import { writeTransaction } from '../db/sql';
import type { ServiceContext } from './context';
import { phasesOf } from './diary';
import { dueAnswers, racesHolding } from './recall';
import { keepUp, type UpkeepTimes } from './upkeep';

// Keeps the phase engine's answers filled in (migration 10 holds them and drops a client's on
// any change): each appointment's phase and ceiling, read by the diary, Today and the day sheet,
// and what is due today for every client whose races can hold today, read by the recall list.
// Readers work out whatever is missing themselves, so this is only ever about speed: it runs a
// bounded step at a time while the app is open (electron/services/upkeep.ts).

/** Clients worked out again a step (at a chain, about 1,000 appointments and 100 ms at most). */
export const CLIENTS_A_STEP = 100;
/** Client ids covered a step by the day's recall pass (at a chain, about 1,200 racing clients and 100 ms). */
export const RECALL_IDS_A_STEP = 2_500;

export interface GuidanceKeeper {
  /** One bounded step; true while there is more to do. */
  step(): boolean;
}

/**
 * In order: answers kept under other rules are set aside; clients changed since are worked out
 * again; then, once a day, what is due today is worked out for every client, a range of ids a step.
 */
export function guidanceKeeper(ctx: ServiceContext): GuidanceKeeper {
  return {
    step() {
      const db = ctx.db;
      const today = ctx.today();
      return writeTransaction(db, () => {
        const state = keptState(db);
        if (!state.current) {
          queueAll(db);
          setSetting(db, 'kept_guidance_rules', KEPT_RULES);
          setSetting(db, 'recall_kept_for', null);
          setSetting(db, 'recall_pass', null);
          return true;
        }
        // Another day than the one kept complete (midnight, or a clock set back): the rows written
        // from now on are for today, so that day's answers are no longer whole.
        if (state.recallFor !== null && state.recallFor !== today) setSetting(db, 'recall_kept_for', null);
        const changed = queuedClients(db, CLIENTS_A_STEP);
        if (changed.length > 0) {
          workOut(ctx, changed, today);
          return true;
        }
        if (state.recallFor === today) return false;
        // How far today's pass has got is kept in the database, in the same transaction as its
        // rows: a restored file, a failed commit or new rules then cannot leave a gap behind it.
        const after = passedUpTo(getSetting(db, 'recall_pass'), today);
        const upTo = after + RECALL_IDS_A_STEP;
        keepRecall(db, today, dueAnswers(ctx, today, racesHolding(ctx, today, { after, upTo })));
        dropOldRecall(db, today, after, upTo);
        const done = upTo >= lastClientId(db);
        setSetting(db, 'recall_pass', done ? null : `${today} ${upTo}`);
        if (done) setSetting(db, 'recall_kept_for', today);
        return true;
      });
    },
  };
}

/** The last client id today's pass has covered, from the kept `<day> <id>`; 0 to start it. */
function passedUpTo(kept: string | null, today: string): number {
  const [day, upTo] = kept?.split(' ') ?? [];
  return day === today && upTo !== undefined ? Number(upTo) : 0;
}

/** Every appointment's phase and ceiling, and today's recall answer, of clients changed since. */
function workOut(ctx: ServiceContext, clientIds: readonly number[], today: string): void {
  const appointments = appointmentsOfClients(ctx.db, clientIds);
  if (appointments.length > 0) {
    const days = appointments.map((a) => a.starts_at.slice(0, 10)).sort();
    const phases = phasesOf(ctx, appointments, days[0]!, days.at(-1)!);
    keepPhases(ctx.db, appointments.map((a, i) => ({ appointmentId: a.id, clientId: a.client_id, ...phases[i]! })));
  }
  keepRecall(ctx.db, today, dueAnswers(ctx, today, racesHolding(ctx, today, { ids: clientIds })));
  unqueue(ctx.db, clientIds);
}

/**
 * The keeper run while the app is open: a step every quarter second while there is work (at a
 * chain's size, a couple of minutes after the upgrade that brings it, a few seconds a day after),
 * then a look every minute, so a new day's recall answers follow soon after midnight.
 */
export function keepGuidanceFilled(
  storage: ClinicStorage,
  clock: Pick<ServiceContext, 'today' | 'now'>,
  log: (message: string, detail?: unknown) => void,
  times: UpkeepTimes = { busyMs: 250, idleMs: 60_000 },
): { stop(): void } {
  const keeper = guidanceKeeper({
    get db() {
      return storage.db;
    },
    ...clock,
  });
  return keepUp(storage, log, 'Keeping the phase answers', () => keeper.step(), times);
}
