import { z } from 'zod';
import { CLIENT_PAGE } from './paging';
import { isValid, parseISO } from 'date-fns';
import { PATH_PURPOSES } from './storage';
import { AUDIT_ACTIONS, DISTANCES, INTENSITIES, PLAN_UNITS, PRIORITIES, ROLES, SESSION_KINDS } from '../vocabulary';
import type { AppointmentStatus } from './types';

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
  limit: z.number().int().min(1).max(500).default(CLIENT_PAGE),
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
    /** Main logs the note as the signed-in therapist; a different one here is refused. */
    therapistId: id('Therapist'),
    /** Only the author may read it. */
    authorOnly: z.boolean().default(false),
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
    /** The appointment the treatment was given in; logging it completes that appointment. */
    appointmentId: id('Appointment').nullable().default(null),
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

/** A long job's id, chosen by the renderer so it can poll `jobs:progress` while the call runs. */
export const jobId = z.string({ error: 'Job: give an id.' }).min(1, { error: 'Job: give an id.' }).max(100, { error: 'Job: keep the id under 100 characters.' });
export const jobRef = z.strictObject({ job: jobId });
/** One client's record for an access request, as JSON or as a printable PDF. */
export const clientRecordRequest = z.strictObject({ clientId: id('Client'), format: z.enum(['json', 'pdf'], { error: 'Format: choose JSON or PDF.' }) });

// The clinic's data files. Paths come from the system's file dialog (files:choose) or from backups:list.

export const fullPath = (label: string) =>
  z
    .string({ error: `${label}: choose a file or folder.` })
    .trim()
    .min(1, { error: `${label}: choose a file or folder.` })
    .max(4096, { error: `${label}: that path is too long.` })
    .refine((p) => !p.includes('\0') && /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { error: `${label}: give the full path, from the drive or / onwards.` });

export const backupFile = z.strictObject({ file: fullPath('Backup file') });
/** null: back to the default folder, `<data folder>/backups`. */
export const backupFolderChoice = z.strictObject({ folder: fullPath('Backup folder').nullable() });
export const dataFolderChoice = z.strictObject({ folder: fullPath('Data folder') });
export const pathChoice = z.strictObject({ purpose: z.enum(PATH_PURPOSES, { error: 'Choose a backup folder, a backup file or a data folder.' }) });

// The diary. Times are clinic-local wall-clock `YYYY-MM-DDTHH:mm` on a 15-minute grid.

const QUARTER_HOUR = 'use :00, :15, :30 or :45';

const timeOfDay = (label: string) =>
  z
    .string({ error: `${label}: enter a time.` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label}: enter a time as hh:mm (24-hour clock).` })
    .refine((t) => Number(t.slice(3)) % 15 === 0, { error: `${label}: ${QUARTER_HOUR}.` });

const slotStart = (label: string) =>
  z
    .string({ error: `${label}: enter a date and a time.` })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: `${label}: enter a date and a time.` })
    .refine((s) => isValid(parseISO(s.slice(0, 10))) && /^([01]\d|2[0-3]):[0-5]\d$/.test(s.slice(11)), { error: `${label}: that date or time does not exist.` })
    .refine((s) => Number(s.slice(14)) % 15 === 0, { error: `${label}: appointments start on the quarter hour (${QUARTER_HOUR}).` });

const duration = z
  .number({ error: 'Duration: enter a number of minutes.' })
  .int({ error: 'Duration: whole minutes, in steps of 15.' })
  .min(15, { error: 'Duration: at least 15 minutes.' })
  .max(480, { error: 'Duration: at most 8 hours.' })
  .refine((m) => m % 15 === 0, { error: 'Duration: in steps of 15 minutes.' });

/** Who is at the desk, for the record (until sign-in names them); empty: the signed-in role. */
/** Accepted from older callers and ignored: main records the signed-in person. */
const actor = (label: string) => text(label, 80).default('');

const confirmations = {
  acknowledgeWarning: z.boolean().default(false),
  confirmOutsideHours: z.boolean().default(false),
  by: actor('Booked by'),
};

export const diaryRange = z
  .strictObject({
    from: isoDate('From'),
    to: isoDate('To'),
    therapistIds: z.array(id('Therapist')).max(100).nullable().default(null),
    includeCancelled: z.boolean().default(false),
  })
  .refine((r) => r.to >= r.from, { error: 'To: must be on or after the first day.', path: ['to'] })
  .refine((r) => (parseISO(r.to).getTime() - parseISO(r.from).getTime()) / 86_400_000 < 62, { error: 'To: show at most 62 days at once.', path: ['to'] });

export const appointmentBook = z.strictObject({
  clientId: id('Client'),
  therapistId: id('Therapist'),
  typeId: id('Appointment type'),
  startsAt: slotStart('Start'),
  /** Default: the type's duration. */
  durationMin: duration.optional(),
  ...confirmations,
});

export const appointmentMove = z.strictObject({
  id: id('Appointment'),
  /** The version the person saw: a move made on an out-of-date diary is refused, not applied. */
  updatedAt: seenVersion.optional(),
  startsAt: slotStart('Start').optional(),
  therapistId: id('Therapist').optional(),
  durationMin: duration.optional(),
  typeId: id('Appointment type').optional(),
  ...confirmations,
});

const STATUS_TARGETS = ['booked', 'arrived', 'completed', 'no-show', 'cancelled'] as const satisfies readonly AppointmentStatus[];

export const appointmentStatus = z
  .strictObject({
    id: id('Appointment'),
    status: z.enum(STATUS_TARGETS, { error: 'Status: choose booked, arrived, completed, no-show or cancelled.' }),
    reason: text('Reason for cancelling', 200).default(''),
  })
  .refine((s) => s.status !== 'cancelled' || s.reason.length > 0, { error: 'Reason for cancelling is required.', path: ['reason'] });

export const appointmentCheck = z.strictObject({
  clientId: id('Client'),
  therapistId: id('Therapist'),
  startsAt: slotStart('Start'),
  durationMin: duration.optional(),
  typeId: id('Appointment type').nullable().default(null),
  /** When moving: the appointment itself, which never clashes with itself. */
  appointmentId: id('Appointment').nullable().default(null),
});

export const appointmentTypeInput = z.strictObject({
  name: requiredText('Name', 60),
  durationMin: duration,
  intensity: z.enum(INTENSITIES, { error: 'Intensity: choose how hard a massage this type means.' }),
});

export const appointmentTypeUpdate = z.strictObject({
  id: id('Appointment type'),
  name: requiredText('Name', 60).optional(),
  durationMin: duration.optional(),
  intensity: z.enum(INTENSITIES, { error: 'Intensity: choose how hard a massage this type means.' }).optional(),
  active: z.boolean().optional(),
});

const dayHours = z
  .strictObject({
    weekday: z.number().int().min(1).max(7),
    start: timeOfDay('Start').nullable(),
    end: timeOfDay('End').nullable(),
  })
  .refine((d) => (d.start === null) === (d.end === null), { error: 'Hours: give both a start and an end, or neither for a day off.', path: ['end'] })
  .refine((d) => d.start === null || d.end === null || d.end > d.start, { error: 'End: must be after the start.', path: ['end'] });

export const hoursInput = z
  .strictObject({
    /** null: the clinic's opening hours. */
    therapistId: id('Therapist').nullable().default(null),
    /** Seven days, Monday first. null (therapists only): work the clinic's hours. */
    days: z.array(dayHours).length(7, { error: 'Hours: give all seven days, Monday first.' }).nullable(),
  })
  .refine((h) => h.days === null || h.days.every((d, i) => d.weekday === i + 1), { error: 'Hours: give all seven days, Monday first.', path: ['days'] })
  .refine((h) => h.days !== null || h.therapistId !== null, { error: "Hours: give the clinic's hours for every day.", path: ['days'] });

export const daySheetRequest = z.strictObject({ date: isoDate('Date') });

export const recallContact = z.strictObject({
  clientId: id('Client'),
  /** Default: today. */
  date: isoDate('Date').nullable().default(null),
  note: text('Note', 500).default(''),
  by: actor('Contacted by'),
});

// Training plans (issue 12). Distances are typed in the plan's own unit and stored in km.

const columnIndex = z.number().int().min(0).max(200).nullable().default(null);

export const planColumnMapping = z.strictObject({
  date: columnIndex,
  distance: columnIndex,
  duration: columnIndex,
  kind: columnIndex,
  title: columnIndex,
  description: columnIndex,
});

export const planFile = z.strictObject({
  raceId: id('Race'),
  format: z.enum(['csv', 'ics'], { error: 'File type: choose CSV or iCalendar (.ics).' }),
  /** The file's text (2 MB at most: a year of sessions is far less). */
  text: z.string({ error: 'File: choose a plan file.' }).max(2_000_000, { error: 'File: a plan file is at most 2 MB.' }),
  /** CSV only: which column holds what; absent, guessed from the headers. */
  mapping: planColumnMapping.nullable().default(null),
  /** CSV only: the unit of bare numbers in the distance column; absent, guessed from its header. */
  unit: z.enum(PLAN_UNITS).nullable().default(null),
});

export const planImport = planFile.extend({
  /** Lines to leave out (their errors with them), as the preview numbered them. */
  exclude: z.array(z.number().int().positive()).max(10_000).default([]),
});

const planSessionFields = {
  date: isoDate('Date'),
  /** In `unit`; null for a session given by duration only. */
  distance: z.number({ error: 'Distance: enter a number.' }).positive({ error: 'Distance: must be more than 0.' }).max(1000, { error: 'Distance: at most 1000.' }).nullable().default(null),
  unit: z.enum(PLAN_UNITS, { error: 'Unit: choose km or mi.' }).default('km'),
  durationMin: z.number({ error: 'Duration: enter minutes.' }).positive({ error: 'Duration: must be more than 0 minutes.' }).max(1440, { error: 'Duration: at most 24 hours.' }).nullable().default(null),
  kind: z.enum(SESSION_KINDS, { error: 'Kind: choose a kind of session.' }).nullable().default(null),
  title: text('Title', 200).default(''),
};

export const planSessionInput = z.strictObject({ raceId: id('Race'), ...planSessionFields });
export const planSessionUpdate = z.strictObject({ id: id('Session'), ...planSessionFields });

// Sign-in, people and the audit trail. The rules for a secret are here so the set-up and
// user forms say exactly what main will refuse.

const secretFields = {
  secretKind: z.enum(['password', 'pin'], { error: 'Sign-in with: choose a password or a PIN.' }),
  secret: z.string({ error: 'Password or PIN is required.' }).max(200, { error: 'Password: keep it under 200 characters.' }),
};

/** A password is at least 8 characters; a PIN is 4 to 8 digits. */
function checkSecret(value: { secretKind: 'password' | 'pin'; secret: string }, ctx: z.RefinementCtx): void {
  if (value.secretKind === 'pin' && !/^\d{4,8}$/.test(value.secret)) {
    ctx.addIssue({ code: 'custom', path: ['secret'], message: 'PIN: use 4 to 8 digits.' });
  } else if (value.secretKind === 'password' && value.secret.length < 8) {
    ctx.addIssue({ code: 'custom', path: ['secret'], message: 'Password: use at least 8 characters.' });
  }
}

const userRoles = z
  .array(z.enum(ROLES), { error: 'Roles: choose at least one.' })
  .min(1, { error: 'Roles: choose at least one.' })
  .max(3)
  .transform((roles) => [...new Set(roles)]);

export const firstAdministrator = z
  .strictObject({ name: requiredText('Name', 80), ...secretFields, alsoTherapist: z.boolean().default(false) })
  .superRefine(checkSecret);

export const signIn = z.strictObject({ userId: id('Person'), secret: z.string({ error: 'Enter your password or PIN.' }).min(1, { error: 'Enter your password or PIN.' }).max(200) });
export const unlock = z.strictObject({ secret: signIn.shape.secret });

export const recovery = z
  .strictObject({
    userId: id('Administrator'),
    recoveryKey: requiredText('Recovery key', 60),
    ...secretFields,
  })
  .superRefine(checkSecret);

export const userInput = z
  .strictObject({ name: requiredText('Name', 80), roles: userRoles, therapistId: id('Therapist').nullable().default(null), ...secretFields })
  .superRefine(checkSecret);

export const userUpdate = z.strictObject({
  id: id('Person'),
  name: requiredText('Name', 80),
  roles: userRoles,
  therapistId: id('Therapist').nullable().default(null),
  active: z.boolean().default(true),
});

export const secretReset = z.strictObject({ id: id('Person'), ...secretFields }).superRefine(checkSecret);

export const idleSetting = z.strictObject({
  idleMinutes: z.number({ error: 'Lock after: enter minutes.' }).int({ error: 'Lock after: whole minutes.' }).min(1, { error: 'Lock after: at least 1 minute.' }).max(240, { error: 'Lock after: at most 240 minutes.' }),
});

export const auditQuery = z.strictObject({
  userId: id('Person').nullable().default(null),
  action: z.enum(AUDIT_ACTIONS).nullable().default(null),
  clientId: id('Client').nullable().default(null),
  fromDate: optionalDate('From'),
  toDate: optionalDate('To'),
});

export const treatmentEdit = z.strictObject({
  id: id('Treatment'),
  subjective: text('Subjective', 4000),
  objective: text('Objective', 4000),
  assessment: text('Assessment', 4000),
  plan: text('Plan', 4000),
  advice: text('Advice given', 2000),
  authorOnly: z.boolean(),
});

export const treatmentAmendment = z.strictObject({
  id: id('Treatment'),
  text: requiredText('Amendment', 4000),
  reason: requiredText('Reason for the amendment', 500),
});
