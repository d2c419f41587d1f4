import type { z } from 'zod';
import type { raceInput, raceUpdate } from '../../shared/api/schemas';
import type { Race, RaceEvent } from '../../shared/api/types';
import * as races from '../db/repositories/races';
import { notFound, type ServiceContext } from './context';
import { requireClient } from './clients';

export function createRace(ctx: ServiceContext, input: z.output<typeof raceInput>): Race {
  requireClient(ctx, input.clientId);
  return races.insertRace(ctx.db, input);
}

export function updateRace(ctx: ServiceContext, input: z.output<typeof raceUpdate>): Race {
  const { id, ...fields } = input;
  if (!races.getRace(ctx.db, id)) throw notFound('race');
  requireClient(ctx, fields.clientId);
  races.updateRace(ctx.db, id, fields);
  return races.getRace(ctx.db, id)!;
}

export function removeRace(ctx: ServiceContext, id: number): { id: number } {
  if (!races.deleteRace(ctx.db, id)) throw notFound('race');
  return { id };
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
