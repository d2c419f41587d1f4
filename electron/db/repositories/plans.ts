import type { PlanSession, PlanSource } from '../../../shared/api/types';
import { KM_PER_MILE, type PlanSessionInput } from '../../../shared/guidance';
import type { PlanUnit, SessionKind } from '../../../shared/vocabulary';
import type { Db } from '../native';
import { statement, writeTransaction } from '../sql';

// A race's training plan: one row per dated session. Distances are stored in km whatever the
// plan was written in; `unit` keeps how it was written, so "18 mi" reads back as 18 mi.

interface Row {
  id: number; race_id: number; date: string; distance_km: number | null; duration_min: number | null;
  kind: SessionKind | null; title: string; unit: PlanUnit; source: PlanSource;
}

/** The distance in the unit it was written in, to 0.01 (18 mi stored as 28.968192 km reads 18). */
const asWritten = (km: number | null, unit: PlanUnit): number | null =>
  km === null ? null : Math.round((unit === 'mi' ? km / KM_PER_MILE : km) * 100) / 100;

const toSession = (r: Row): PlanSession => ({
  id: r.id, raceId: r.race_id, date: r.date, distanceKm: r.distance_km, distance: asWritten(r.distance_km, r.unit),
  durationMin: r.duration_min, kind: r.kind, title: r.title, unit: r.unit, source: r.source,
});

/** What a session is made of, before it has an id. */
export interface PlanSessionFields {
  date: string;
  distanceKm: number | null;
  durationMin: number | null;
  kind: SessionKind | null;
  title: string;
  unit: PlanUnit;
}

const COLUMNS = 'id, race_id, date, distance_km, duration_min, kind, title, unit, source';

export function planOfRace(db: Db, raceId: number): PlanSession[] {
  return (statement(db, `SELECT ${COLUMNS} FROM plan_sessions WHERE race_id = ? ORDER BY date, id`).all(raceId) as Row[]).map(toSession);
}

export function getPlanSession(db: Db, id: number): PlanSession | undefined {
  const row = statement(db, `SELECT ${COLUMNS} FROM plan_sessions WHERE id = ?`).get(id) as Row | undefined;
  return row && toSession(row);
}

/**
 * The plans of many races at once, as the phase engine reads them, keyed by race id (races
 * without a plan are absent). In date order, so the engine parses each month's dates once.
 */
export function planSessionsOfRaces(db: Db, raceIds: readonly number[]): Map<number, PlanSessionInput[]> {
  const byRace = new Map<number, PlanSessionInput[]>();
  if (raceIds.length === 0) return byRace;
  const rows = statement(
    db,
    `SELECT p.race_id, p.date, p.distance_km, p.duration_min, p.kind, p.title, p.unit
     FROM json_each(?) AS ids CROSS JOIN plan_sessions p ON p.race_id = ids.value ORDER BY p.race_id, p.date, p.id`,
  ).all(JSON.stringify(raceIds)) as Omit<Row, 'id' | 'source'>[];
  for (const r of rows) {
    let plan = byRace.get(r.race_id);
    if (!plan) byRace.set(r.race_id, (plan = []));
    plan.push({ date: r.date, distanceKm: r.distance_km, durationMin: r.duration_min, kind: r.kind, title: r.title, unit: r.unit });
  }
  return byRace;
}

const params = (raceId: number, s: PlanSessionFields, source: PlanSource) => ({
  race_id: raceId, date: s.date, distance_km: s.distanceKm, duration_min: s.durationMin, kind: s.kind, title: s.title, unit: s.unit, source,
});

const INSERT = `INSERT INTO plan_sessions (race_id, date, distance_km, duration_min, kind, title, unit, source)
  VALUES (@race_id, @date, @distance_km, @duration_min, @kind, @title, @unit, @source)`;

export function insertPlanSession(db: Db, raceId: number, session: PlanSessionFields, source: PlanSource): PlanSession {
  const { lastInsertRowid } = statement(db, INSERT).run(params(raceId, session, source));
  return getPlanSession(db, Number(lastInsertRowid))!;
}

/** A hand edit: the session keeps its race; it now counts as typed by hand. */
export function updatePlanSession(db: Db, id: number, session: PlanSessionFields): void {
  statement(
    db,
    `UPDATE plan_sessions SET date = @date, distance_km = @distance_km, duration_min = @duration_min, kind = @kind,
       title = @title, unit = @unit, source = 'hand' WHERE id = @id`,
  ).run({ id, date: session.date, distance_km: session.distanceKm, duration_min: session.durationMin, kind: session.kind, title: session.title, unit: session.unit });
}

export function deletePlanSession(db: Db, id: number): boolean {
  return statement(db, 'DELETE FROM plan_sessions WHERE id = ?').run(id).changes === 1;
}

/**
 * Replaces a race's whole plan in one write transaction: every session goes in, or (if any
 * row is refused) none does and the old plan stays as it was.
 */
export function replacePlan(db: Db, raceId: number, sessions: readonly PlanSessionFields[], source: PlanSource): number {
  return writeTransaction(db, () => {
    statement(db, 'DELETE FROM plan_sessions WHERE race_id = ?').run(raceId);
    const insert = statement(db, INSERT);
    for (const session of sessions) insert.run(params(raceId, session, source));
    return sessions.length;
  });
}
