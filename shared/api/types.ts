import type { Guidance, PlanChart, SuggestedRace } from '../guidance';
import type { AuditAction, Distance, Intensity, IsoDate, Phase, PlanUnit, Priority, Role, SessionKind } from '../vocabulary';

// What the API returns. Plain, structured-clone-safe objects.

export interface Therapist {
  id: number;
  name: string;
  active: boolean;
}

export interface Client {
  id: number;
  firstName: string;
  lastName: string;
  dateOfBirth: IsoDate | null;
  phone: string;
  email: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  gp: string;
  medicalAlerts: string;
  hotspots: string[];
  usualTherapistId: number | null;
  consentTreatment: boolean;
  consentData: boolean;
  consentDate: IsoDate | null;
  notes: string;
  archived: boolean;
  /** When this client was last saved (ISO instant). An edit sends it back, so a stale one is refused. */
  updatedAt: string;
}

/** A row of the client list: enough to find the right person and see their phase at a glance. */
export interface ClientSummary {
  id: number;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  dateOfBirth: IsoDate | null;
  medicalAlerts: string;
  archived: boolean;
  phase: Phase;
  ceiling: Intensity;
  nextRace: { name: string; date: IsoDate } | null;
}

export interface ClientPage {
  total: number;
  rows: ClientSummary[];
}

export interface Race {
  id: number;
  clientId: number;
  name: string;
  date: IsoDate;
  distance: Distance;
  distanceKm: number | null;
  priority: Priority;
  planStart: IsoDate | null;
  taperDays: number | null;
  goalTime: string;
  notes: string;
  /** When this race was last saved (ISO instant). An edit sends it back, so a stale one is refused. */
  updatedAt: string;
}

/** One event on one day with the clinic's clients entered in it. */
export interface RaceEvent {
  name: string;
  date: IsoDate;
  distance: Distance;
  entrants: { raceId: number; clientId: number; clientName: string; priority: Priority }[];
}

/** A treatment as the history list shows it: no clinical notes (reception can see this). */
export interface TreatmentSummary {
  id: number;
  clientId: number;
  therapistId: number;
  therapistName: string;
  date: IsoDate;
  intensity: Intensity;
  phase: Phase;
  ceiling: Intensity;
  overridden: boolean;
  /** Only its author may read the note. */
  authorOnly: boolean;
}

export interface BodyArea {
  region: string;
  side: 'left' | 'right' | 'both' | 'n/a';
}

/** The full treatment record, clinical notes included: therapists and admins only. */
export interface Treatment extends TreatmentSummary {
  sore: boolean;
  guidanceHeadline: string;
  overrideReason: string | null;
  areas: BodyArea[];
  techniques: string[];
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  painBefore: number | null;
  painAfter: number | null;
  advice: string;
  nextBooking: IsoDate | null;
  /** The signed-in user who wrote it; null for notes from before sign-in existed. */
  authorUserId: number | null;
  /** Local `YYYY-MM-DDTHH:mm` from which the note is locked (the end of the day after it was logged); null: locked. */
  editableUntil: string | null;
  /** Past `editableUntil`: a change is then an amendment. */
  locked: boolean;
  /** Dated changes made after the note locked, oldest first; the note above them stays as written. */
  amendments: Amendment[];
}

export type AppointmentStatus = 'booked' | 'arrived' | 'completed' | 'cancelled' | 'no-show';

/** An appointment, as every role may see it: no note fields. Times are clinic-local `YYYY-MM-DDTHH:mm`. */
export interface Appointment {
  id: number;
  clientId: number;
  clientName: string;
  therapistId: number;
  therapistName: string;
  typeId: number | null;
  typeName: string | null;
  startsAt: string;
  /** Exclusive: the slot is [startsAt, endsAt). */
  endsAt: string;
  durationMin: number;
  status: AppointmentStatus;
  cancelReason: string | null;
  /** The guidance warning the booker acknowledged, as it was worded then. */
  acknowledgedWarning: { text: string; by: string; at: string } | null;
  outsideHoursConfirmed: boolean;
  updatedAt: string;
}

/** An appointment type: how long it takes by default and how hard a massage it implies. */
export interface AppointmentType {
  id: number;
  name: string;
  durationMin: number;
  intensity: Intensity;
  active: boolean;
}

/** An appointment in the diary, Today or the day sheet, with the client's guidance on its day. */
export interface DiaryAppointment extends Appointment {
  /** The intensity the appointment's type implies; null when it has no type. */
  intensity: Intensity | null;
  /** The client's phase and ceiling on the appointment's day, with its therapist. */
  phase: Phase;
  ceiling: Intensity;
  /** The type's intensity is above that ceiling. */
  aboveCeiling: boolean;
  /** The client has medical alerts on file. */
  hasAlerts: boolean;
}

export interface DiaryRange {
  from: IsoDate;
  /** Inclusive. */
  to: IsoDate;
  appointments: DiaryAppointment[];
}

/** A row of Today and of the day sheet. */
export interface DayAppointment extends DiaryAppointment {
  /** "10:00–11:00". */
  time: string;
  /** The client's medical alerts as written (safety information, not clinical notes). */
  medicalAlerts: string;
}

/** One therapist's column of a day. */
export interface DayColumn {
  therapistId: number;
  therapistName: string;
  /** Working hours that day; null when not working. */
  hours: { start: string; end: string } | null;
  appointments: DayAppointment[];
}

export interface RacingSoon {
  clientId: number;
  clientName: string;
  raceId: number;
  raceName: string;
  date: IsoDate;
  distance: Distance;
  priority: Priority;
  /** 0 on race day. */
  daysToRace: number;
}

export interface TodayList {
  date: IsoDate;
  therapists: DayColumn[];
  /** Clients racing from today to 7 days ahead, soonest first: the first few of them. */
  racingSoon: RacingSoon[];
  /** How many are racing in those days in all. */
  racingSoonTotal: number;
}

export interface DaySheet {
  date: IsoDate;
  therapists: DayColumn[];
}

/** Hours on one ISO weekday (1 = Monday .. 7 = Sunday); start and end null: closed or a day off. */
export interface DayHours {
  weekday: number;
  start: string | null;
  end: string | null;
}

export interface TherapistHours {
  therapistId: number;
  therapistName: string;
  active: boolean;
  /** True: works the clinic's opening hours (no week of their own). */
  usesClinicHours: boolean;
  /** The week in force, Monday first, whether their own or the clinic's. */
  days: DayHours[];
}

export interface OpeningHours {
  /** Monday first; seven entries. */
  clinic: DayHours[];
  therapists: TherapistHours[];
}

/** A booking-form warning the booker must acknowledge (`acknowledgeWarning: true`) to save. */
export interface BookingWarning {
  code: 'above-ceiling' | 'unfamiliar-therapist';
  message: string;
}

/** An appointment in the way: the therapist is busy, or the client is booked elsewhere. */
export interface BookingClash {
  kind: 'therapist' | 'client';
  appointmentId: number;
  message: string;
}

export type SuggestionKind = 'baseline-assessment' | 'peak-session' | 'taper-session' | 'recovery-flush' | 'deeper-work';

/** A good date (or window) to book this client, from the phase engine's booking rules. */
export interface SuggestedDate {
  kind: SuggestionKind;
  /** "Baseline assessment", "Next peak session"... */
  label: string;
  /** The date to offer first. */
  date: IsoDate;
  /** The window the session belongs in (inclusive); `to` null when open-ended. */
  from: IsoDate;
  to: IsoDate | null;
  /** Training plan: the day after and the second day after a hard week's longest run, from `date` on. */
  bestDays: IsoDate[];
  overdue: boolean;
  raceId: number;
  raceName: string;
  /** One sentence, e.g. "Book the taper session by 16/03/2026." */
  message: string;
}

/** The booking form's dry run: nothing is written. */
export interface BookingCheck {
  startsAt: string;
  endsAt: string;
  /** The client's guidance on the appointment's day with the chosen therapist. */
  guidance: Guidance;
  /** The chosen type's intensity, when a type is chosen. */
  typeIntensity: Intensity | null;
  /** Each needs `acknowledgeWarning: true` to book; the text is stored with the appointment. */
  warnings: BookingWarning[];
  /** Any clash refuses the booking. */
  clashes: BookingClash[];
  /** Outside the therapist's working or the clinic's opening hours: needs `confirmOutsideHours: true`. */
  outsideHours: string | null;
  suggestions: SuggestedDate[];
}

export type RecallKind = 'baseline-assessment' | 'peak-session' | 'taper-session' | 'recovery-flush';

export interface RecallContact {
  id: number;
  clientId: number;
  date: IsoDate;
  note: string;
  by: string;
}

/** A client to ring: a booking is due or overdue and nothing is booked from today on. */
export interface RecallEntry {
  clientId: number;
  clientName: string;
  phone: string;
  email: string;
  usualTherapistId: number | null;
  kind: RecallKind;
  /** The engine's sentence, e.g. "Next session due by 10/03/2026." */
  reason: string;
  dueDate: IsoDate;
  overdueFrom: IsoDate | null;
  overdue: boolean;
  /** Days since it became overdue (0 when not overdue). */
  daysOverdue: number;
  phase: Phase;
  ceiling: Intensity;
  race: { id: number; name: string; date: IsoDate } | null;
  lastTreatment: IsoDate | null;
  latestContact: RecallContact | null;
}

export interface ClientDetail {
  client: Client;
  races: Race[];
  treatments: TreatmentSummary[];
  upcomingAppointments: Appointment[];
  today: IsoDate;
  guidance: Guidance;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  today: IsoDate;
}

/** Where a training-plan session came from. */
export type PlanSource = 'hand' | 'csv' | 'ics';

/** One session of a race's training plan, as stored. */
export interface PlanSession {
  id: number;
  raceId: number;
  date: IsoDate;
  /** Always in km (the engine computes in km); null for a duration-only session. */
  distanceKm: number | null;
  /** The distance in the unit the plan was written in, for display ("18" with unit mi). */
  distance: number | null;
  durationMin: number | null;
  kind: SessionKind | null;
  title: string;
  unit: PlanUnit;
  source: PlanSource;
}

/** A race's plan: its sessions, the weekly-load chart over its block, tune-ups to offer. */
export interface PlanDetail {
  race: Race;
  /** The block the plan is checked against: S to the race day. */
  block: { start: IsoDate; end: IsoDate; weeks: number };
  sessions: PlanSession[];
  /** Weekly load, longest runs, hardest weeks and best days (shared/guidance planChart). */
  chart: PlanChart;
}

/** A column mapping for a CSV plan: each field's column index (0-based), or null. */
export interface PlanColumnMapping {
  date: number | null;
  distance: number | null;
  duration: number | null;
  kind: number | null;
  title: number | null;
  description: number | null;
}

/** A problem or a note about one line of a plan file (CSV line; .ics: the line of BEGIN:VEVENT). */
export interface PlanLineMessage {
  line: number;
  message: string;
}

/** A session read from a file, not yet stored. */
export interface ParsedPlanSession {
  line: number;
  date: IsoDate;
  distanceKm: number | null;
  durationMin: number | null;
  kind: SessionKind | null;
  title: string;
  unit: PlanUnit;
}

/** What a plan file would import: nothing is written by a preview. */
export interface PlanPreview {
  format: 'csv' | 'ics';
  /** CSV: the header cells (or "Column 1"...); .ics: empty. */
  columns: string[];
  /** CSV: the mapping used (guessed from the headers unless one was given); .ics: null. */
  mapping: PlanColumnMapping | null;
  /** The unit bare numbers were read in (guessed from the distance header unless given). */
  unit: PlanUnit;
  block: { start: IsoDate; end: IsoDate; weeks: number };
  sessions: ParsedPlanSession[];
  /** Lines that stop the import until fixed or excluded. */
  errors: PlanLineMessage[];
  /** Lines left out on purpose (weekly summaries, empty rows, repeating events). */
  notes: PlanLineMessage[];
  /** Sessions of kind race on another day than the race: offer each as a B race, never add it silently. */
  suggestedRaces: (SuggestedRace & { line: number })[];
}

export interface PlanImportResult {
  imported: number;
  /** The lines left out: excluded by the user, or noted by the preview. */
  skipped: PlanLineMessage[];
  plan: PlanDetail;
}

// Who sees what: people who sign in, the session, amendments and the audit trail.

export type SecretKind = 'password' | 'pin';

/** A person who signs in. Never carries the secret or its hash. */
export interface UserAccount {
  id: number;
  name: string;
  roles: Role[];
  /** The diary column of a therapist user; their notes are logged as this therapist. */
  therapistId: number | null;
  therapistName: string | null;
  secretKind: SecretKind;
  active: boolean;
}

export interface SignedInUser {
  id: number;
  name: string;
  roles: Role[];
  therapistId: number | null;
  therapistName: string | null;
}

export interface SessionStatus {
  /** No one is set up yet: the first run creates an administrator. */
  setupNeeded: boolean;
  state: 'signed-out' | 'locked' | 'signed-in';
  /** The signed-in (or locked) user. */
  user: SignedInUser | null;
  /** Who can sign in, for the picker. */
  people: { id: number; name: string; secretKind: SecretKind }[];
  idleMinutes: number;
}

export interface SetupResult {
  user: SignedInUser;
  /** Shown once, never stored in clear: the way back from a forgotten administrator password. */
  recoveryKey: string;
}

/** A dated change to a locked note, shown under the original. */
export interface Amendment {
  id: number;
  authorName: string;
  at: string;
  reason: string;
  text: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  userId: number | null;
  userName: string;
  action: AuditAction;
  clientId: number | null;
  clientName: string | null;
  detail: string;
}

export interface AuditQuery {
  userId?: number | null | undefined;
  action?: AuditAction | null | undefined;
  clientId?: number | null | undefined;
  /** Local dates, inclusive. */
  fromDate?: IsoDate | null | undefined;
  toDate?: IsoDate | null | undefined;
}
