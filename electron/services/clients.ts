import type { z } from 'zod';
import type { clientInput, clientSearch, clientUpdate } from '../../shared/api/schemas';
import type { Client, ClientDetail, ClientPage, ClientSummary } from '../../shared/api/types';
import { searchTerms } from '../../shared/search';
import * as clients from '../db/repositories/clients';
import { upcomingAppointmentsOfClient } from '../db/repositories/appointments';
import { racesOfClient, racesOfClients } from '../db/repositories/races';
import { getTherapist } from '../db/repositories/therapists';
import { treatmentHistoryOfClients, treatmentsOfClient } from '../db/repositories/treatments';
import { nextUpdatedAt, writeTransaction } from '../db/sql';
import { ClinicError, notFound, staleEdit, type ServiceContext } from './context';
import { guidanceToday, plansOf, therapistNames } from './guidance';

type ClientFields = z.output<typeof clientInput>;

export function searchClients(ctx: ServiceContext, input: z.output<typeof clientSearch>): ClientPage {
  const { total, rows } = clients.searchClients(ctx.db, searchTerms(input.query), input);
  const ids = rows.map((r) => r.id);
  const races = racesOfClients(ctx.db, ids);
  // One read of the page's training plans, not one per row.
  const plans = plansOf(ctx.db, [...races.values()].flat());
  const history = treatmentHistoryOfClients(ctx.db, ids);
  const today = ctx.today();
  return {
    total,
    rows: rows.map((row): ClientSummary => {
      const clientRaces = races.get(row.id) ?? [];
      const guidance = guidanceToday(ctx, { usualTherapistId: row.usual_therapist_id, firstName: row.first_name, races: clientRaces, treatments: history.get(row.id) ?? [], plans });
      const next = clientRaces.find((r) => r.date >= today);
      return {
        id: row.id,
        firstName: row.first_name,
        lastName: row.last_name,
        phone: row.phone,
        email: row.email,
        dateOfBirth: row.date_of_birth,
        medicalAlerts: row.medical_alerts,
        archived: row.archived_at !== null,
        phase: guidance.phase,
        ceiling: guidance.ceiling,
        nextRace: next ? { name: next.name, date: next.date } : null,
      };
    }),
  };
}

export function requireClient(ctx: ServiceContext, id: number): Client {
  const client = clients.getClient(ctx.db, id);
  if (!client) throw notFound('client');
  return client;
}

export function clientDetail(ctx: ServiceContext, id: number): ClientDetail {
  const client = requireClient(ctx, id);
  const races = racesOfClient(ctx.db, id);
  const today = ctx.today();
  const history = treatmentHistoryOfClients(ctx.db, [id]).get(id) ?? [];
  const upcomingAppointments = upcomingAppointmentsOfClient(ctx.db, id, ctx.now());
  return {
    client,
    races,
    treatments: treatmentsOfClient(ctx.db, id),
    upcomingAppointments,
    today,
    guidance: guidanceToday(ctx, { ...client, races, treatments: history, appointments: upcomingAppointments, therapistNames: therapistNames(ctx) }),
  };
}

function checkTherapist(ctx: ServiceContext, fields: { usualTherapistId?: number | null | undefined }): void {
  if (fields.usualTherapistId !== null && fields.usualTherapistId !== undefined && !getTherapist(ctx.db, fields.usualTherapistId)) {
    throw new ClinicError('invalid', 'Usual therapist: that therapist is not on file.', { usualTherapistId: 'That therapist is not on file.' });
  }
}

export function createClient(ctx: ServiceContext, fields: ClientFields): Client {
  return writeTransaction(ctx.db, () => {
    checkTherapist(ctx, fields);
    return clients.insertClient(ctx.db, fields);
  });
}

/** An archived client's record is read-only until they are restored. */
export function requireOnBooks(client: Client, doing: string): void {
  if (client.archived) {
    throw new ClinicError('conflict', `${client.firstName} ${client.lastName} is archived, so ${doing} is not possible. Restore the client first.`);
  }
}

/** The fields an edit names: a field sent as undefined is not named. */
export function namedChanges<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * Saves the fields an edit names and nothing else, over the version the person saw. A stale edit
 * (someone saved in between) and an edit to an archived client are refused and change nothing.
 */
export function updateClient(ctx: ServiceContext, input: z.output<typeof clientUpdate>): Client {
  const { id, updatedAt: seen, ...changes } = input;
  return writeTransaction(ctx.db, () => {
    const client = requireClient(ctx, id);
    if (client.updatedAt !== seen) throw staleEdit('client', client.updatedAt);
    requireOnBooks(client, 'changing their details');
    const named = namedChanges(changes);
    checkTherapist(ctx, named);
    const { id: _id, archived: _archived, updatedAt: _updatedAt, ...stored } = client;
    // Inside BEGIN IMMEDIATE nobody can save in between; the version check in SQL is the backstop.
    if (!clients.updateClient(ctx.db, id, { ...stored, ...named }, { seen, next: nextUpdatedAt(seen) })) throw staleEdit('client', client.updatedAt);
    return requireClient(ctx, id);
  });
}

/** Archiving hides a client from lists and search; nothing is deleted, and restore brings them back. */
export function setClientArchived(ctx: ServiceContext, id: number, archived: boolean): Client {
  return writeTransaction(ctx.db, () => {
    const client = requireClient(ctx, id);
    clients.setArchived(ctx.db, id, archived, nextUpdatedAt(client.updatedAt));
    return requireClient(ctx, id);
  });
}
