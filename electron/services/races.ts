import type { z } from 'zod';
import type { raceInput, raceUpdate } from '../../shared/api/schemas';
import type { Race, RaceEvent } from '../../shared/api/types';
import * as races from '../db/repositories/races';
import { nextUpdatedAt, writeTransaction } from '../db/sql';
import { ClinicError, notFound, staleEdit, type ServiceContext } from './context';
import { namedChanges, requireClient, requireOnBooks } from './clients';

export function createRace(ctx: ServiceContext, input: z.output<typeof raceInput>): Race {
  return writeTransaction(ctx.db, () => {
    requireOnBooks(requireClient(ctx, input.clientId), 'adding a race');
    return races.insertRace(ctx.db, input);
  });
}

function requireRace(ctx: ServiceContext, id: number): Race {
  const race = races.getRace(ctx.db, id);
  if (!race) throw notFound('race');
  return race;
}

const STAYS_WITH_CLIENT = 'A race stays with its runner: remove it here and add it to the other client instead.';
const PLAN_START = 'Plan start: must be before the race date.';

/**
 * Saves the fields an edit names and nothing else, over the version the person saw. Refused,
 * changing nothing: a stale edit, a race of an archived client, and a move to another client.
 */
export function updateRace(ctx: ServiceContext, input: z.output<typeof raceUpdate>): Race {
  const { id, updatedAt: seen, clientId, ...changes } = input;
  return writeTransaction(ctx.db, () => {
    const race = requireRace(ctx, id);
    if (clientId !== undefined && clientId !== race.clientId) {
      throw new ClinicError('invalid', `Client: ${STAYS_WITH_CLIENT}`, { clientId: STAYS_WITH_CLIENT });
    }
    if (race.updatedAt !== seen) throw staleEdit('race', race.updatedAt);
    requireOnBooks(requireClient(ctx, race.clientId), 'changing their races');
    const { id: _id, updatedAt: _updatedAt, ...stored } = race;
    const merged = { ...stored, ...namedChanges(changes) };
    // The schema checks this when both dates are sent; an edit of one is checked against the other here.
    if (merged.planStart && merged.planStart >= merged.date) throw new ClinicError('invalid', PLAN_START, { planStart: PLAN_START });
    if (!races.updateRace(ctx.db, id, merged, { seen, next: nextUpdatedAt(seen) })) throw staleEdit('race', race.updatedAt);
    return requireRace(ctx, id);
  });
}

/** Removing a race marks it removed; its row stays on file. */
export function removeRace(ctx: ServiceContext, id: number): { id: number } {
  return writeTransaction(ctx.db, () => {
    const race = requireRace(ctx, id);
    requireOnBooks(requireClient(ctx, race.clientId), 'removing their races');
    races.removeRace(ctx.db, id, nextUpdatedAt(race.updatedAt));
    return { id };
  });
}

/** Upcoming races across the clinic, grouped by event (same name, date and distance, case-insensitive). */
export function upcomingRaceEvents(ctx: ServiceContext): RaceEvent[] {
  const events = new Map<string, RaceEvent>();
  for (const row of races.upcomingRaces(ctx.db, ctx.today())) {
    const key = `${row.date}|${row.name.trim().toLowerCase()}|${row.distance}`;
    let event = events.get(key);
    if (!event) {
      event = { name: row.name.trim(), date: row.date, distance: row.distance, entrants: [] };
      events.set(key, event);
    }
    // Entered by hand, an event's name varies in case; show the most carefully typed one.
    if (event.name === event.name.toLowerCase()) event.name = row.name.trim();
    event.entrants.push({ raceId: row.id, clientId: row.client_id, clientName: `${row.first_name} ${row.last_name}`, priority: row.priority });
  }
  return [...events.values()];
}
