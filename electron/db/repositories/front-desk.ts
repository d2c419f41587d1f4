import type { Race } from '../../../shared/api/types';
import { addDays, FAMILIAR_WITHIN_DAYS } from '../../../shared/guidance';
import type { Intensity } from '../../../shared/vocabulary';
import type { Db } from '../native';
import { statement } from '../sql';

// Set-based reads that feed the phase engine for many clients at once (the diary, Today, the
// recall list), each reading only what the engine's rules can look at for the days in question,
// so a week of 600 appointments or a recall list over 10,000 clients stays a few queries.

/** The fields of a race the engine reads. */
export type EngineRaceFields = Pick<Race, 'id' | 'name' | 'date' | 'distance' | 'priority' | 'planStart' | 'taperDays'>;

interface RaceRow {
  client_id: number; id: number; name: string; date: string; distance: Race['distance']; priority: Race['priority'];
  plan_start: string | null; taper_days: number | null;
}

const toFields = (r: RaceRow): EngineRaceFields => ({
  id: r.id, name: r.name, date: r.date, distance: r.distance, priority: r.priority, planStart: r.plan_start, taperDays: r.taper_days,
});

/** Client ids in index order, so each search walks the index forward and reads each page once. */
const inIndexOrder = (clientIds: readonly number[]) => JSON.stringify([...clientIds].sort((a, b) => a - b));

function byClient<R extends { client_id: number }, T>(clientIds: readonly number[], rows: readonly R[], map: (r: R) => T): Map<number, T[]> {
  const grouped = new Map<number, T[]>(clientIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.client_id)?.push(map(row));
  return grouped;
}

/**
 * Post-race windows close within 17 days (an ultra over 100 km), so a race more than this many
 * days before a day holds nothing on it.
 */
export const POST_RACE_REACH_DAYS = 30;

/** The races of the given clients on or after `from` (a day POST_RACE_REACH_DAYS before the first day in view). */
export function racesFrom(db: Db, clientIds: readonly number[], from: string): Map<number, EngineRaceFields[]> {
  const rows = statement(
    db,
    `SELECT r.client_id, r.id, r.name, r.date, r.distance, r.priority, r.plan_start, r.taper_days FROM json_each(?) AS ids
     CROSS JOIN races r ON r.client_id = ids.value AND r.date >= ? AND r.removed_at IS NULL`,
  ).all(inIndexOrder(clientIds), from) as RaceRow[];
  return byClient(clientIds, rows, toFields);
}

export interface HistoryRow { client_id: number; date: string; therapist_id: number; intensity: Intensity }
const toEntry = (r: HistoryRow) => ({ date: r.date, therapistId: String(r.therapist_id), intensity: r.intensity });
export type HistoryEntry = ReturnType<typeof toEntry>;

/** Rows of (client, "date therapist intensity") from the latest-treatment searches below. */
function parseLatest(rows: readonly { client_id: number; latest: string | null }[]): HistoryRow[] {
  const found: HistoryRow[] = [];
  for (const { client_id, latest } of rows) {
    if (latest === null) continue;
    const [date, therapist, intensity] = latest.split(' ');
    found.push({ client_id, date: date!, therapist_id: Number(therapist), intensity: intensity as Intensity });
  }
  return found;
}

/** Every treatment of the clients from `from` to `to`, inclusive. */
function treatmentsBetween(db: Db, ids: string, from: string, to: string): HistoryRow[] {
  return statement(
    db,
    `SELECT t.client_id, t.date, t.therapist_id, t.intensity FROM json_each(@ids) AS ids
     CROSS JOIN treatments t ON t.client_id = ids.value AND t.date >= @from AND t.date <= @to`,
  ).all({ ids, from, to }) as HistoryRow[];
}

/**
 * Each client's latest treatment before `before`: one step back along the history index, read
 * from the index alone (joining back to the table for the row costs four times as much).
 */
function latestBefore(db: Db, ids: string, before: string): HistoryRow[] {
  return parseLatest(
    statement(
      db,
      `SELECT ids.value AS client_id,
         (SELECT date || ' ' || therapist_id || ' ' || intensity FROM treatments WHERE client_id = ids.value AND date < @before ORDER BY date DESC LIMIT 1) AS latest
       FROM json_each(@ids) AS ids`,
    ).all({ ids, before }) as { client_id: number; latest: string | null }[],
  );
}

/**
 * Enough history for the ceiling on any day from `from` to `to` for each client with the given
 * therapist: every treatment of the client in [from, to], the client's latest treatment before
 * `from`, and that therapist's latest treatment of the client in the year before `from`. (The ceiling rules
 * read the latest treatment before the day, and the chosen therapist's latest in the year
 * before it; nothing else.) Each latest is one step back along the history index.
 */
export function historyForCeilings(
  db: Db,
  pairs: readonly { clientId: number; therapistId: number }[],
  from: string,
  to: string,
): Map<number, HistoryEntry[]> {
  const clientIds = [...new Set(pairs.map((p) => p.clientId))];
  const ids = inIndexOrder(clientIds);
  const inRange = treatmentsBetween(db, ids, from, to);
  const latest = latestBefore(db, ids, from);
  const byTherapist = parseLatest(
    statement(
      db,
      // The pairs are unpacked once (MATERIALIZED), not once for every index entry the search visits.
      `WITH p AS MATERIALIZED (SELECT value ->> '$[0]' AS client_id, value ->> '$[1]' AS therapist_id FROM json_each(@pairs))
       SELECT p.client_id,
         (SELECT date || ' ' || therapist_id || ' ' || intensity FROM treatments
          WHERE client_id = p.client_id AND therapist_id = p.therapist_id AND date < @from AND date >= @yearBefore
          ORDER BY date DESC LIMIT 1) AS latest
       FROM p`,
    ).all({
      pairs: JSON.stringify(pairs.map((p) => [p.clientId, p.therapistId]).sort((a, b) => a[0]! - b[0]!)),
      from,
      yearBefore: addDays(from, -FAMILIAR_WITHIN_DAYS),
    }) as { client_id: number; latest: string | null }[],
  );
  return byClient(clientIds, [...latest, ...byTherapist, ...inRange], toEntry);
}

/**
 * Enough history for the booking rules on `today`: every treatment in the `days` before it
 * (the taper session looks back at most 28 days) plus the latest one before those.
 */
export function historyForDue(db: Db, clientIds: readonly number[], from: string, today: string): Map<number, HistoryEntry[]> {
  const ids = inIndexOrder(clientIds);
  const recent = treatmentsBetween(db, ids, from, today);
  const before = latestBefore(db, ids, from);
  return byClient(clientIds, [...before, ...recent], toEntry);
}

/** Every client, the given ones, or those with ids in (after, upTo]. */
export type ClientsAmong = { all: true } | { ids: readonly number[] } | { after: number; upTo: number };

/** The SQL that keeps to `among`, and its parameters. */
function clientsClause(among: ClientsAmong): { which: string; params: Record<string, unknown> } {
  if ('ids' in among) return { which: 'AND client_id IN (SELECT value FROM json_each(@ids))', params: { ids: JSON.stringify(among.ids) } };
  if ('after' in among) return { which: 'AND client_id > @after AND client_id <= @upTo', params: { after: among.after, upTo: among.upTo } };
  return { which: '', params: {} };
}

/**
 * The races that can hold `today`: raced since `recentFrom`, racing by `blockUntil` (the
 * longest default block), or in a plan that has started. Only their clients can have a booking
 * due today, and only these races decide it. (Archived clients are left out afterwards, from
 * the few that make the list: joining every race to its client costs more than the rest.)
 */
export function racesHoldingToday(
  db: Db,
  q: { today: string; recentFrom: string; blockUntil: string },
  among: ClientsAmong = { all: true },
): Map<number, EngineRaceFields[]> {
  const { which, params } = clientsClause(among);
  const rows = statement(
    db,
    `SELECT client_id, id, name, date, distance, priority, plan_start, taper_days FROM races
     WHERE removed_at IS NULL AND date BETWEEN @recentFrom AND @blockUntil ${which}
     UNION ALL
     SELECT client_id, id, name, date, distance, priority, plan_start, taper_days FROM races
     WHERE removed_at IS NULL AND date > @blockUntil AND plan_start <= @today ${which}`,
  ).all({ ...q, ...params }) as RaceRow[];
  const byClientId = new Map<number, EngineRaceFields[]>();
  for (const row of rows) {
    const races = byClientId.get(row.client_id);
    if (races) races.push(toFields(row));
    else byClientId.set(row.client_id, [toFields(row)]);
  }
  return byClientId;
}

export interface ContactDetails { id: number; first_name: string; last_name: string; phone: string; email: string; usual_therapist_id: number | null }

/** Name and contact details of the given clients still on the books (archived ones are left out). */
export function contactDetails(db: Db, clientIds: readonly number[]): Map<number, ContactDetails> {
  const rows = statement(
    db,
    `SELECT c.id, c.first_name, c.last_name, c.phone, c.email, c.usual_therapist_id FROM json_each(?) AS ids
     JOIN clients c ON c.id = ids.value AND c.archived_at IS NULL`,
  ).all(inIndexOrder(clientIds)) as ContactDetails[];
  return new Map(rows.map((r) => [r.id, r]));
}

export interface RacingRow extends RaceRow { first_name: string; last_name: string }

/**
 * Races from `from` to `to` of clients still on the books, soonest first, with the runner's name
 * (Today): the first `limit` of them, and how many there are in all.
 */
export function racingBetween(db: Db, from: string, to: string, limit: number): { rows: RacingRow[]; total: number } {
  const rows = statement(
    db,
    `SELECT r.client_id, r.id, r.name, r.date, r.distance, r.priority, r.plan_start, r.taper_days, c.first_name, c.last_name,
            count(*) OVER () AS total
     FROM races r JOIN clients c ON c.id = r.client_id AND c.archived_at IS NULL
     WHERE r.date BETWEEN ? AND ? AND r.removed_at IS NULL
     ORDER BY r.date, c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, r.id
     LIMIT ?`,
  ).all(from, to, limit) as (RacingRow & { total: number })[];
  return { rows, total: rows[0]?.total ?? 0 };
}
