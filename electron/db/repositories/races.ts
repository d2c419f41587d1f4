import type { Race } from '../../../shared/api/types';
import type { Distance, Priority } from '../../../shared/vocabulary';
import type { Db } from '../native';

interface Row {
  id: number; client_id: number; name: string; date: string; distance: Distance; distance_km: number | null;
  priority: Priority; plan_start: string | null; taper_days: number | null; goal_time: string; notes: string;
}

const toRace = (r: Row): Race => ({
  id: r.id, clientId: r.client_id, name: r.name, date: r.date, distance: r.distance, distanceKm: r.distance_km,
  priority: r.priority, planStart: r.plan_start, taperDays: r.taper_days, goalTime: r.goal_time, notes: r.notes,
});

export type RaceFields = Omit<Race, 'id'>;

const params = (r: RaceFields) => ({
  client_id: r.clientId, name: r.name, date: r.date, distance: r.distance, distance_km: r.distanceKm,
  priority: r.priority, plan_start: r.planStart, taper_days: r.taperDays, goal_time: r.goalTime, notes: r.notes,
});

export function getRace(db: Db, id: number): Race | undefined {
  const row = db.prepare('SELECT * FROM races WHERE id = ?').get(id) as Row | undefined;
  return row && toRace(row);
}

export function racesOfClient(db: Db, clientId: number): Race[] {
  return (db.prepare('SELECT * FROM races WHERE client_id = ? ORDER BY date').all(clientId) as Row[]).map(toRace);
}

/** Races of many clients at once (for a page of the client list), grouped by client. */
export function racesOfClients(db: Db, clientIds: number[]): Map<number, Race[]> {
  const byClient = new Map<number, Race[]>(clientIds.map((id) => [id, []]));
  if (clientIds.length === 0) return byClient;
  const rows = db
    .prepare('SELECT races.* FROM races JOIN json_each(?) AS ids ON races.client_id = ids.value ORDER BY races.date')
    .all(JSON.stringify(clientIds)) as Row[];
  for (const row of rows) byClient.get(row.client_id)?.push(toRace(row));
  return byClient;
}

export function insertRace(db: Db, race: RaceFields): Race {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO races (client_id, name, date, distance, distance_km, priority, plan_start, taper_days, goal_time, notes)
       VALUES (@client_id, @name, @date, @distance, @distance_km, @priority, @plan_start, @taper_days, @goal_time, @notes)`,
    )
    .run(params(race));
  return getRace(db, Number(lastInsertRowid))!;
}

export function updateRace(db: Db, id: number, race: RaceFields): void {
  db.prepare(
    `UPDATE races SET client_id = @client_id, name = @name, date = @date, distance = @distance, distance_km = @distance_km,
       priority = @priority, plan_start = @plan_start, taper_days = @taper_days, goal_time = @goal_time, notes = @notes
     WHERE id = @id`,
  ).run({ ...params(race), id });
}

export function deleteRace(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM races WHERE id = ?').run(id).changes === 1;
}

export interface UpcomingRaceRow extends Row { first_name: string; last_name: string }

/** Races from `from` on, of clients still on the books, with the runner's name. */
export function upcomingRaces(db: Db, from: string, limit = 2000): UpcomingRaceRow[] {
  return db
    .prepare(
      `SELECT races.*, clients.first_name, clients.last_name FROM races
       JOIN clients ON clients.id = races.client_id AND clients.archived_at IS NULL
       WHERE races.date >= ? ORDER BY races.date, races.name COLLATE NOCASE, clients.last_name COLLATE NOCASE LIMIT ?`,
    )
    .all(from, limit) as UpcomingRaceRow[];
}
