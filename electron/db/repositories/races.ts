import type { Race } from '../../../shared/api/types';
import type { Distance, Priority } from '../../../shared/vocabulary';
import type { Db } from '../native';
import { statement } from '../sql';

// A removed race keeps its row (removed_at set), so nothing vanishes without trace; every read
// here shows only the races still on file.

interface Row {
  id: number; client_id: number; name: string; date: string; distance: Distance; distance_km: number | null;
  priority: Priority; plan_start: string | null; taper_days: number | null; goal_time: string; notes: string;
  updated_at: string;
}

const toRace = (r: Row): Race => ({
  id: r.id, clientId: r.client_id, name: r.name, date: r.date, distance: r.distance, distanceKm: r.distance_km,
  priority: r.priority, planStart: r.plan_start, taperDays: r.taper_days, goalTime: r.goal_time, notes: r.notes,
  updatedAt: r.updated_at,
});

/** What a person types about a race (its client included): everything but the id and version. */
export type RaceFields = Omit<Race, 'id' | 'updatedAt'>;

const toParams = (r: RaceFields) => ({
  client_id: r.clientId, name: r.name, date: r.date, distance: r.distance, distance_km: r.distanceKm,
  priority: r.priority, plan_start: r.planStart, taper_days: r.taperDays, goal_time: r.goalTime, notes: r.notes,
});

const CURRENT = 'removed_at IS NULL';

export function getRace(db: Db, id: number): Race | undefined {
  const row = statement(db, `SELECT * FROM races WHERE id = ? AND ${CURRENT}`).get(id) as Row | undefined;
  return row && toRace(row);
}

export function racesOfClient(db: Db, clientId: number): Race[] {
  return (statement(db, `SELECT * FROM races WHERE client_id = ? AND ${CURRENT} ORDER BY date, id`).all(clientId) as Row[]).map(toRace);
}

/** Races of many clients at once (for a page of the client list), grouped by client. */
export function racesOfClients(db: Db, clientIds: number[]): Map<number, Race[]> {
  const byClient = new Map<number, Race[]>(clientIds.map((id) => [id, []]));
  if (clientIds.length === 0) return byClient;
  const rows = statement(
    db,
    `SELECT races.* FROM races JOIN json_each(?) AS ids ON races.client_id = ids.value WHERE races.${CURRENT} ORDER BY races.date, races.id`,
  ).all(JSON.stringify(clientIds)) as Row[];
  for (const row of rows) byClient.get(row.client_id)?.push(toRace(row));
  return byClient;
}

export function insertRace(db: Db, race: RaceFields): Race {
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO races (client_id, name, date, distance, distance_km, priority, plan_start, taper_days, goal_time, notes, updated_at)
     VALUES (@client_id, @name, @date, @distance, @distance_km, @priority, @plan_start, @taper_days, @goal_time, @notes,
       strftime('%Y-%m-%dT%H:%M:%fZ'))`,
  ).run(toParams(race));
  return getRace(db, Number(lastInsertRowid))!;
}

/**
 * Writes every field of a race (its client stays), but only over the version `seen`, stamping
 * `next`. False when it has been saved or removed since: nothing is written.
 */
export function updateRace(db: Db, id: number, race: RaceFields, version: { seen: string; next: string }): boolean {
  return (
    statement(
      db,
      `UPDATE races SET name = @name, date = @date, distance = @distance, distance_km = @distance_km, priority = @priority,
         plan_start = @plan_start, taper_days = @taper_days, goal_time = @goal_time, notes = @notes, updated_at = @next
       WHERE id = @id AND client_id = @client_id AND updated_at = @seen AND ${CURRENT}`,
    ).run({ ...toParams(race), id, ...version }).changes === 1
  );
}

/** Marks a race removed (the row stays). False when it was not on file. */
export function removeRace(db: Db, id: number, next: string): boolean {
  return (
    statement(db, `UPDATE races SET removed_at = strftime('%Y-%m-%dT%H:%M:%fZ'), updated_at = @next WHERE id = @id AND ${CURRENT}`).run({ id, next })
      .changes === 1
  );
}

export interface UpcomingRaceRow extends Row { first_name: string; last_name: string }

/** Races from `from` on, of clients still on the books, with the runner's name. */
export function upcomingRaces(db: Db, from: string, limit = 2000): UpcomingRaceRow[] {
  return statement(
    db,
    `SELECT races.*, clients.first_name, clients.last_name FROM races
     JOIN clients ON clients.id = races.client_id AND clients.archived_at IS NULL
     WHERE races.date >= ? AND races.${CURRENT}
     ORDER BY races.date, races.name COLLATE NOCASE, clients.last_name COLLATE NOCASE LIMIT ?`,
  ).all(from, limit) as UpcomingRaceRow[];
}
