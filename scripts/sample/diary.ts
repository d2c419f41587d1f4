import type { Appointment, AppointmentType, Therapist } from '../../shared/api/types';
import { addDays, intensityRank } from '../../shared/guidance';
import type { Intensity, Phase } from '../../shared/vocabulary';
import { bookAppointment, setAppointmentStatus } from '../../electron/services/appointments';
import { ClinicError, type ServiceContext } from '../../electron/services/context';
import { createAppointmentType, listAppointmentTypes, setHours, weeks } from '../../electron/services/diary';
import { guidanceForClient, logTreatment } from '../../electron/services/treatments';
import { minutesOf, weekdayOf } from '../../electron/services/wall-clock';
import { sessionNotes } from './notes';
import { seededRandom } from './random';

// The sample clinic's diary, booked through the same services the front desk uses: three
// therapists with their own weeks, every past session an appointment that its treatment
// completed, a few no-shows and cancellations, and the weeks around today well filled.

const BY = 'Reception (sample)';
const CANCEL_REASONS = ['Client unwell', 'Work commitment', 'Injury: seeing the physio first', 'Travelling for a race', 'Childcare fell through', 'Rebooked by phone'];

/** Types to book for a session of a given intensity (picked at random). */
const TYPES_FOR: Readonly<Record<Exclude<Intensity, 'avoid'>, readonly string[]>> = {
  deep: ['Sports massage, 60 min', 'Deep tissue', 'Sports massage, 60 min'],
  moderate: ['Sports massage, 45 min'],
  light: ['Light maintenance, 45 min'],
  flush: ['Flush'],
};

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

export class SampleDiary {
  private readonly rnd = seededRandom(4242);
  private readonly types: Map<string, AppointmentType>;
  private readonly hours: ReturnType<typeof weeks>;
  /** Days each client is booked on, so the fill around today spaces their sessions out. */
  private readonly bookedDays = new Map<number, string[]>();
  counts = { appointments: 0, cancelled: 0, noShows: 0 };

  constructor(private readonly ctx: ServiceContext, private readonly therapists: readonly Therapist[]) {
    const [sam, priya] = therapists;
    const week = (days: Record<number, [string, string]>) =>
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: days[weekday]?.[0] ?? null, end: days[weekday]?.[1] ?? null }));
    // Sam works office hours; Priya afternoons and evenings, and Saturday mornings; Tom the clinic's hours.
    setHours(ctx, { therapistId: sam!.id, days: week({ 1: ['09:00', '17:00'], 2: ['09:00', '17:00'], 3: ['09:00', '17:00'], 4: ['09:00', '17:00'], 5: ['09:00', '17:00'] }) });
    setHours(ctx, { therapistId: priya!.id, days: week({ 2: ['12:00', '20:00'], 3: ['12:00', '20:00'], 4: ['12:00', '20:00'], 5: ['12:00', '20:00'], 6: ['09:00', '14:00'] }) });
    createAppointmentType(ctx, { name: 'Light maintenance, 45 min', durationMin: 45, intensity: 'light' });
    this.types = new Map(listAppointmentTypes(ctx).map((t) => [t.name, t]));
    this.hours = weeks(ctx);
  }

  /** The latest day on or before `date` that the therapist works. */
  workingDay(therapistId: number, date: string): string {
    let day = date;
    while (!this.hours.therapist(therapistId).has(weekdayOf(day))) day = addDays(day, -1);
    return day;
  }

  /** A type within the ceiling that suits the phase: an assessment early in a block, a recovery flush after a race. */
  private typeFor(intensity: Exclude<Intensity, 'avoid'>, phase: Phase | undefined): AppointmentType {
    const name =
      phase === 'post-race' && intensity === 'flush' ? 'Post-race recovery'
      : phase === 'base' && this.rnd.next() < 0.3 ? 'Assessment'
      : this.rnd.pick(TYPES_FOR[intensity]);
    const type = this.types.get(name)!;
    return intensityRank(type.intensity) <= intensityRank(intensity) ? type : this.types.get(TYPES_FOR[intensity][0]!)!;
  }

  /**
   * Books the client with the therapist on `date` in the first free slot from a random start
   * in their hours (null when the day is full). Warnings are acknowledged, as the desk would.
   */
  book(clientId: number, therapistId: number, date: string, intensity: Exclude<Intensity, 'avoid'>, phase?: Phase): Appointment | null {
    const span = this.hours.therapist(therapistId).get(weekdayOf(date));
    if (!span) return null;
    const type = this.typeFor(intensity, phase);
    const first = minutesOf(span.start);
    const slots = (minutesOf(span.end) - type.durationMin - first) / 15 + 1;
    const offset = this.rnd.int(0, slots - 1);
    for (let k = 0; k < slots; k++) {
      const startsAt = `${date}T${clock(first + ((offset + k) % slots) * 15)}`;
      try {
        const appointment = bookAppointment(this.ctx, { clientId, therapistId, typeId: type.id, startsAt, acknowledgeWarning: true, confirmOutsideHours: false, by: BY }, BY);
        this.counts.appointments++;
        const days = this.bookedDays.get(clientId) ?? [];
        this.bookedDays.set(clientId, [...days, date]);
        return appointment;
      } catch (error) {
        if (!(error instanceof ClinicError)) throw error;
      }
    }
    return null;
  }

  /** A booking that did not happen: cancelled with a reason, or (in the past) a no-show. */
  miss(clientId: number, therapistId: number, date: string): void {
    const day = this.workingDay(therapistId, date);
    const { ceiling, phase } = guidanceForClient(this.ctx, { clientId, date: day, therapistId, sore: false });
    const appointment = ceiling === 'avoid' ? null : this.book(clientId, therapistId, day, ceiling, phase);
    if (!appointment) return;
    const noShow = appointment.startsAt.slice(0, 10) <= this.ctx.today() && this.rnd.next() < 0.5;
    if (noShow) this.counts.noShows++;
    else this.counts.cancelled++;
    setAppointmentStatus(this.ctx, noShow
      ? { id: appointment.id, status: 'no-show', reason: '' }
      : { id: appointment.id, status: 'cancelled', reason: this.rnd.pick(CANCEL_REASONS) });
  }

  /** Sometimes, before a session, the client missed one. */
  maybeMiss(clientId: number, therapistId: number, date: string): void {
    if (this.rnd.next() < 0.12) this.miss(clientId, therapistId, addDays(date, -this.rnd.int(2, 6)));
  }

  /** The next booking for a client, in the next three weeks, with a type within the guidance. */
  bookAhead(clientId: number, therapistId: number, from: number, to: number): void {
    for (let offset = this.rnd.int(from, to); offset <= to + 7; offset++) {
      const date = addDays(this.ctx.today(), offset);
      const { ceiling, phase } = guidanceForClient(this.ctx, { clientId, date, therapistId, sore: false });
      if (ceiling === 'avoid') continue;
      const appointment = this.book(clientId, therapistId, date, ceiling, phase);
      if (!appointment) continue;
      if (this.rnd.next() < 0.1) {
        setAppointmentStatus(this.ctx, { id: appointment.id, status: 'cancelled', reason: this.rnd.pick(CANCEL_REASONS) });
        this.counts.cancelled++;
      }
      return;
    }
  }

  /**
   * Fills each therapist's working days from a week ago to a week ahead to a believable level,
   * with clients not otherwise seen within three days. Past sessions are completed by their
   * treatment (or missed); today's morning is done, midday has arrived, the rest is booked.
   */
  fillAroundToday(clientIds: readonly number[], perDay: number): number {
    const today = this.ctx.today();
    let treatments = 0;
    // Today first, then outwards, so the days nearest today are the fullest.
    for (const offset of [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 7, -7]) {
      const date = addDays(today, offset);
      for (const therapist of this.therapists) {
        const span = this.hours.therapist(therapist.id).get(weekdayOf(date));
        if (!span) continue;
        let booked = 0;
        for (const clientId of [...clientIds].sort(() => this.rnd.next() - 0.5)) {
          if (booked >= perDay) break;
          const near = (this.bookedDays.get(clientId) ?? []).some((d) => Math.abs(Date.parse(d) - Date.parse(date)) <= 3 * 86_400_000);
          if (near) continue;
          const { ceiling, phase } = guidanceForClient(this.ctx, { clientId, date, therapistId: therapist.id, sore: false });
          if (ceiling === 'avoid') continue;
          const appointment = this.book(clientId, therapist.id, date, ceiling, phase);
          if (!appointment) break; // the day is full
          booked++;
          const time = minutesOf(appointment.startsAt.slice(11));
          if (date > today || (date === today && time >= minutesOf('13:00'))) {
            if (this.rnd.next() < 0.06) this.cancel(appointment);
          } else if (date === today && time >= minutesOf('11:00')) {
            setAppointmentStatus(this.ctx, { id: appointment.id, status: 'arrived', reason: '' });
          } else if (this.rnd.next() < 0.08) {
            setAppointmentStatus(this.ctx, { id: appointment.id, status: 'no-show', reason: '' });
            this.counts.noShows++;
          } else if (this.rnd.next() < 0.06) {
            this.cancel(appointment);
          } else {
            // The type was chosen within the ceiling, so the session given is the type's own intensity.
            logTreatment(this.ctx, {
              clientId, therapistId: therapist.id, date, sore: false, intensity: this.intensityOf(appointment), overrideReason: null, nextBooking: null,
              appointmentId: appointment.id, ...sessionNotes(this.rnd),
            });
            treatments++;
          }
        }
      }
    }
    return treatments;
  }

  private intensityOf(appointment: Appointment): Intensity {
    return [...this.types.values()].find((t) => t.id === appointment.typeId)!.intensity;
  }

  private cancel(appointment: Appointment): void {
    setAppointmentStatus(this.ctx, { id: appointment.id, status: 'cancelled', reason: this.rnd.pick(CANCEL_REASONS) });
    this.counts.cancelled++;
  }
}
