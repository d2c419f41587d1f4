import type { z } from 'zod';
import type { appointmentTypeInput, appointmentTypeUpdate, diaryRange, hoursInput } from '../../shared/api/schemas';
import type {
  AppointmentType, DayAppointment, DayColumn, DayHours, DiaryAppointment, DiaryRange, OpeningHours, TodayList,
} from '../../shared/api/types';
import { engineRace } from '../../shared/api/engine-input';
import { addDays, daysBetween, guidanceFor, intensityRank } from '../../shared/guidance';
import type { Intensity, Phase } from '../../shared/vocabulary';
import { appointmentsBetween, toAppointment, type DiaryRow } from '../db/repositories/appointments';
import { historyForCeilings, POST_RACE_REACH_DAYS, racesFrom, racingBetween } from '../db/repositories/front-desk';
import * as schedule from '../db/repositories/schedule';
import { keptState, type AppointmentDay } from '../db/repositories/kept-guidance';
import { getTherapist, listTherapists } from '../db/repositories/therapists';
import { writeTransaction } from '../db/sql';
import { ClinicError, notFound, type ServiceContext } from './context';
import { timeSpan, weekdayOf } from './wall-clock';

// The diary's reads (a range of days, Today, a day's columns) and its settings (appointment
// types, opening and working hours). No note field is ever read, so reception can call all of it.

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface PhaseAndCeiling { phase: Phase; ceiling: Intensity }

/**
 * Each appointment's phase and ceiling on its day, as its therapist would treat, for
 * appointments from `from` to `to`. Races and history are read once for all the clients, and
 * only as much as the ceiling rules can look at for those days.
 */
export function phasesOf(ctx: ServiceContext, rows: readonly AppointmentDay[], from: string, to: string): PhaseAndCeiling[] {
  if (rows.length === 0) return [];
  const clientIds = [...new Set(rows.map((r) => r.client_id))];
  const races = racesFrom(ctx.db, clientIds, addDays(from, -POST_RACE_REACH_DAYS));
  const engineRaces = new Map([...races].map(([id, list]) => [id, list.map((r) => engineRace(r))]));
  const pairs = new Map(rows.map((r) => [`${r.client_id}|${r.therapist_id}`, { clientId: r.client_id, therapistId: r.therapist_id }]));
  const history = historyForCeilings(ctx.db, [...pairs.values()], from, to);
  const seen = new Map<string, PhaseAndCeiling>();
  return rows.map((row) => {
    const date = row.starts_at.slice(0, 10);
    const key = `${row.client_id}|${date}|${row.therapist_id}`;
    let guidance = seen.get(key);
    if (!guidance) {
      const g = guidanceFor({ date, races: engineRaces.get(row.client_id)!, treatments: history.get(row.client_id)!, therapistId: String(row.therapist_id) });
      guidance = { phase: g.phase, ceiling: g.ceiling };
      seen.set(key, guidance);
    }
    return guidance;
  });
}

/**
 * Each appointment with its client's phase and ceiling: as kept (electron/services/kept-guidance.ts)
 * where they are, worked out for the rest.
 */
function withGuidance(ctx: ServiceContext, rows: readonly DiaryRow[], from: string, to: string): DiaryAppointment[] {
  const kept = keptState(ctx.db).current;
  const missing = rows.filter((r) => !kept || r.kept_phase === null);
  const worked = phasesOf(ctx, missing, from, to);
  const fresh = new Map(missing.map((r, i) => [r, worked[i]!]));
  return rows.map((row) => {
    const guidance = fresh.get(row) ?? { phase: row.kept_phase!, ceiling: row.kept_ceiling! };
    return {
      ...toAppointment(row),
      intensity: row.type_intensity,
      phase: guidance.phase,
      ceiling: guidance.ceiling,
      aboveCeiling: row.type_intensity !== null && intensityRank(row.type_intensity) > intensityRank(guidance.ceiling),
      hasAlerts: row.medical_alerts.trim() !== '',
    };
  });
}

/** The diary from `from` to `to` (inclusive days), all therapists or the chosen ones. */
export function diaryRangeOf(ctx: ServiceContext, input: z.output<typeof diaryRange>): DiaryRange {
  const rows = appointmentsBetween(ctx.db, `${input.from}T00:00`, `${addDays(input.to, 1)}T00:00`, input);
  return { from: input.from, to: input.to, appointments: withGuidance(ctx, rows, input.from, input.to) };
}

// ---------------------------------------------------------------------------------------------
// Hours

type Span = { start: string; end: string };
type Week = ReadonlyMap<number, Span>;

function weekOf(rows: readonly schedule.HoursRow[]): Map<number, Span> {
  const week = new Map<number, Span>();
  for (const r of rows) if (r.start !== null && r.end !== null) week.set(r.weekday, { start: r.start, end: r.end });
  return week;
}

const asDays = (week: Week): DayHours[] =>
  WEEKDAYS.map((weekday) => ({ weekday, start: week.get(weekday)?.start ?? null, end: week.get(weekday)?.end ?? null }));

/** The clinic's week and each therapist's week in force (their own, else the clinic's). */
export function weeks(ctx: ServiceContext): { clinic: Week; therapist(id: number): Week; own: ReadonlySet<number> } {
  const clinic = weekOf(schedule.clinicHours(ctx.db));
  const own = new Map([...schedule.therapistHours(ctx.db)].map(([id, rows]) => [id, weekOf(rows)]));
  return { clinic, therapist: (id) => own.get(id) ?? clinic, own: new Set(own.keys()) };
}

export function openingHours(ctx: ServiceContext): OpeningHours {
  const w = weeks(ctx);
  return {
    clinic: asDays(w.clinic),
    therapists: listTherapists(ctx.db).map((t) => ({
      therapistId: t.id,
      therapistName: t.name,
      active: t.active,
      usesClinicHours: !w.own.has(t.id),
      days: asDays(w.therapist(t.id)),
    })),
  };
}

export function setHours(ctx: ServiceContext, input: z.output<typeof hoursInput>): OpeningHours {
  writeTransaction(ctx.db, () => {
    if (input.therapistId === null) {
      schedule.replaceClinicHours(ctx.db, input.days!);
      return;
    }
    if (!getTherapist(ctx.db, input.therapistId)) throw notFound('therapist');
    schedule.replaceTherapistHours(ctx.db, input.therapistId, input.days);
  });
  return openingHours(ctx);
}

// ---------------------------------------------------------------------------------------------
// A day: Today and the day sheet

/** One column per therapist working that day or with an appointment in it; cancellations left out. */
export function dayColumns(ctx: ServiceContext, date: string): DayColumn[] {
  const rows = appointmentsBetween(ctx.db, `${date}T00:00`, `${addDays(date, 1)}T00:00`, { therapistIds: null, includeCancelled: false });
  const appointments = withGuidance(ctx, rows, date, date);
  const w = weeks(ctx);
  const weekday = weekdayOf(date);
  const columns: DayColumn[] = [];
  for (const t of listTherapists(ctx.db)) {
    const hours = w.therapist(t.id).get(weekday) ?? null;
    const own = appointments
      .map((a, i): DayAppointment | null =>
        a.therapistId === t.id ? { ...a, time: timeSpan(a.startsAt, a.endsAt), medicalAlerts: rows[i]!.medical_alerts } : null,
      )
      .filter((a): a is DayAppointment => a !== null);
    if (own.length === 0 && (!t.active || hours === null)) continue;
    columns.push({ therapistId: t.id, therapistName: t.name, hours: hours && { ...hours }, appointments: own });
  }
  return columns;
}

/**
 * How many of the clients racing soon Today lists. A chain has thousands racing in any week
 * (3,239 at 100,000 clients), and a table of them all took the first screen two seconds to draw;
 * the desk needs the soonest few, and the Races screen has every one.
 */
export const RACING_SOON_SHOWN = 30;

/** Today's appointments per therapist, and the clients racing in the next seven days. */
export function todayList(ctx: ServiceContext): TodayList {
  const today = ctx.today();
  const until = addDays(today, 7);
  const racing = racingBetween(ctx.db, today, until, RACING_SOON_SHOWN);
  const racingSoon = racing.rows.map((r) => ({
    clientId: r.client_id,
    clientName: `${r.first_name} ${r.last_name}`,
    raceId: r.id,
    raceName: r.name,
    date: r.date,
    distance: r.distance,
    priority: r.priority,
    daysToRace: daysBetween(today, r.date),
  }));
  return { date: today, therapists: dayColumns(ctx, today), racingSoon, racingSoonTotal: racing.total };
}

// ---------------------------------------------------------------------------------------------
// Appointment types

export function listAppointmentTypes(ctx: ServiceContext): AppointmentType[] {
  return schedule.listAppointmentTypes(ctx.db);
}

function checkTypeName(ctx: ServiceContext, name: string, exceptId?: number): void {
  const clash = schedule.findAppointmentTypeByName(ctx.db, name);
  if (clash && clash.id !== exceptId) {
    const message = `There is already an appointment type called ${clash.name}.`;
    throw new ClinicError('conflict', `Name: ${message}`, { name: message });
  }
}

export function createAppointmentType(ctx: ServiceContext, input: z.output<typeof appointmentTypeInput>): AppointmentType {
  return writeTransaction(ctx.db, () => {
    checkTypeName(ctx, input.name);
    return schedule.insertAppointmentType(ctx.db, input);
  });
}

/** Types are retired (inactive), never deleted: past appointments keep theirs. */
export function updateAppointmentType(ctx: ServiceContext, input: z.output<typeof appointmentTypeUpdate>): AppointmentType {
  return writeTransaction(ctx.db, () => {
    if (!schedule.getAppointmentType(ctx.db, input.id)) throw notFound('appointment type');
    if (input.name !== undefined) checkTypeName(ctx, input.name, input.id);
    schedule.updateAppointmentType(ctx.db, input.id, input);
    return schedule.getAppointmentType(ctx.db, input.id)!;
  });
}
