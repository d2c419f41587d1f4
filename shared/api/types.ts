import type { Guidance } from '../guidance';
import type { Distance, Intensity, IsoDate, Phase, Priority, Role } from '../vocabulary';

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
  role: Role;
}
