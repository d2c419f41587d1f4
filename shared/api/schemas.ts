import { z } from 'zod';
import { isValid, parseISO } from 'date-fns';
import { DISTANCES, INTENSITIES, PRIORITIES } from '../vocabulary';

// One schema per input: the renderer's forms and main's IPC validation use the same ones,
// so a message shown next to a field is the message main would return.

export const isoDate = (label: string) =>
  z
    .string({ error: `${label}: enter a date.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}: enter a date as day/month/year.` })
    .refine((s) => isValid(parseISO(s)), { error: `${label}: that date does not exist.` });

const optionalDate = (label: string) =>
  z.union([isoDate(label), z.literal('').transform(() => null), z.null()]).optional().transform((v) => v ?? null);

const text = (label: string, max = 200) =>
  z.string({ error: `${label}: enter text.` }).trim().max(max, { error: `${label}: keep it under ${max} characters.` });

const requiredText = (label: string, max = 200) => text(label, max).min(1, { error: `${label} is required.` });

const id = (label: string) => z.number({ error: `${label} is missing.` }).int().positive({ error: `${label} is missing.` });

export const therapistInput = z.strictObject({
  name: requiredText('Name', 80),
});

export const therapistUpdate = z.strictObject({
  id: id('Therapist'),
  name: requiredText('Name', 80).optional(),
  active: z.boolean().optional(),
});

export const clientInput = z.strictObject({
  firstName: requiredText('First name', 80),
  lastName: requiredText('Last name', 80),
  dateOfBirth: optionalDate('Date of birth'),
  phone: text('Phone', 40).regex(/^[\d\s()+-]*$/, { error: 'Phone: use digits, spaces, +, - and brackets only.' }).default(''),
  email: z
    .union([z.literal(''), z.email({ error: 'Email: that does not look like an email address.' })])
    .default(''),
  emergencyContactName: text('Emergency contact', 120).default(''),
  emergencyContactPhone: text('Emergency contact phone', 40).default(''),
  gp: text('GP', 200).default(''),
  medicalAlerts: text('Medical alerts', 2000).default(''),
  hotspots: z.array(text('Hotspot', 40).min(1)).max(30).default([]),
  usualTherapistId: id('Usual therapist').nullable().default(null),
  consentTreatment: z.boolean().default(false),
  consentData: z.boolean().default(false),
  consentDate: optionalDate('Consent date'),
  notes: text('Notes', 4000).default(''),
});
export type ClientInput = z.input<typeof clientInput>;

/**
 * The fields of an edit: each optional and without its default, so a field the edit leaves out
 * keeps its stored value instead of being reset.
 */
function changesOf<S extends z.core.$ZodShape>(shape: S) {
  const changes = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => {
      const base = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [key, base.optional()];
    }),
  );
  return changes as unknown as { [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer T> ? T : S[K]> };
}

/** The `updatedAt` the person saw when they opened the record: a stale edit is refused. */
const seenVersion = z.string({ error: 'This form is out of date: reload and try again.' }).min(1, { error: 'This form is out of date: reload and try again.' });

/** Changes to a client: its id, the `updatedAt` the person saw, and only the fields they change. */
export const clientUpdate = z.strictObject({ id: id('Client'), updatedAt: seenVersion, ...changesOf(clientInput.shape) });

export const clientSearch = z.strictObject({
  query: text('Search', 100).default(''),
  includeArchived: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

const raceFields = z.strictObject({
    clientId: id('Client'),
    name: requiredText('Race name', 120),
    date: isoDate('Race date'),
    distance: z.enum(DISTANCES, { error: 'Distance: choose a distance.' }),
    distanceKm: z.number().positive({ error: 'Distance in km must be more than 0.' }).max(1000).nullable().default(null),
    priority: z.enum(PRIORITIES, { error: 'Priority: choose A, B or C.' }).default('A'),
    planStart: optionalDate('Plan start'),
    taperDays: z
      .number({ error: 'Taper length: enter a number of days.' })
      .int()
      .min(7, { error: 'Taper length: between 7 and 28 days.' })
      .max(28, { error: 'Taper length: between 7 and 28 days.' })
      .nullable()
      .default(null),
    goalTime: text('Goal time', 20).default(''),
    notes: text('Notes', 2000).default(''),
});
const planStartBeforeRace = (r: { planStart: string | null; date: string }) => !r.planStart || r.planStart < r.date;
const planStartMessage = { error: 'Plan start: must be before the race date.', path: ['planStart'] };

export const raceInput = raceFields.refine(planStartBeforeRace, planStartMessage);
export type RaceInput = z.input<typeof raceInput>;

/**
 * Changes to a race: its id, the `updatedAt` the person saw, and only the fields they change.
 * A race stays with its client (clientId, if sent, must be the race's own). The plan start is
 * checked against the race date here when both are sent, and by the service otherwise.
 */
export const raceUpdate = z
  .strictObject({ id: id('Race'), updatedAt: seenVersion, ...changesOf(raceFields.shape) })
  .refine((r) => !r.planStart || !r.date || r.planStart < r.date, planStartMessage);

export const painScore = (label: string) =>
  z.number({ error: `${label}: 0 to 10.` }).int().min(0, { error: `${label}: 0 to 10.` }).max(10, { error: `${label}: 0 to 10.` }).nullable().default(null);

export const treatmentInput = z.strictObject({
    clientId: id('Client'),
    therapistId: id('Therapist'),
    date: isoDate('Date'),
    sore: z.boolean().default(false),
    intensity: z.enum(INTENSITIES, { error: 'Intensity: choose how hard the massage was.' }),
    overrideReason: text('Reason for going above the guidance', 1000).nullable().default(null),
    areas: z
      .array(z.strictObject({ region: requiredText('Area', 40), side: z.enum(['left', 'right', 'both', 'n/a']) }))
      .max(40)
      .default([]),
    techniques: z.array(requiredText('Technique', 60)).max(30).default([]),
    subjective: text('Subjective', 4000).default(''),
    objective: text('Objective', 4000).default(''),
    assessment: text('Assessment', 4000).default(''),
    plan: text('Plan', 4000).default(''),
    painBefore: painScore('Pain before'),
    painAfter: painScore('Pain after'),
    advice: text('Advice given', 2000).default(''),
    nextBooking: optionalDate('Next recommended booking'),
});
export type TreatmentInput = z.input<typeof treatmentInput>;

export const guidanceRequest = z.strictObject({
  clientId: id('Client'),
  date: isoDate('Date'),
  therapistId: id('Therapist').nullable().default(null),
  sore: z.boolean().default(false),
});

export const byId = (label: string) => z.strictObject({ id: id(label) });
export const nothing = z.strictObject({});
