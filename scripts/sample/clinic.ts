import { addDays, format, parseISO } from 'date-fns';
import type { ServiceContext } from '../../electron/services/context';
import { createClient } from '../../electron/services/clients';
import { createRace } from '../../electron/services/races';
import { createTherapist } from '../../electron/services/therapists';
import { guidanceForClient, logTreatment } from '../../electron/services/treatments';
import { DISTANCE_LABEL, intensityRank } from '../../shared/guidance';
import type { Distance, Intensity, Priority } from '../../shared/vocabulary';
import { SampleDiary } from './diary';
import { HOTSPOTS, sessionNotes } from './notes';
import { seededRandom } from './random';

// A believable clinic around "today": three therapists, about sixty runners with races at every
// distance and in every phase, a few months of sessions in the diary, and the weeks around today booked.
// Everything goes through the same services the app uses, so the data obeys the same rules.

const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Ella', 'Finn', 'Grace', 'Hamza', 'Isla', 'Jack', 'Kemi', 'Liam', 'Maya', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tom', 'Uma', 'Vik', 'Will', 'Yara', 'Zoe', 'Aoife', 'Callum', 'Dafydd', 'Eilidh', 'Femi'];
const LAST = ['Okafor', 'McDonald', "O'Brien", 'Patel', 'Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Khan', 'Wilson', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Clarke', 'Murphy', 'Campbell', 'Kelly', 'Nowak', 'Ahmed', 'Fraser', 'Singh'];
/** Real events by distance, shared with the benchmark's seed. */
export const EVENTS: Record<Distance, string[]> = {
  '5k': ['Victoria Park 5k', 'Battersea Park 5k', 'Hyde Park 5k', 'Heaton Park 5k', 'Clapham Common 5k', 'Bushy Park 5k', 'Roundhay 5k', 'Pollok Park 5k'],
  '10k': ['Great Manchester Run', 'Vitality London 10k', 'Brighton 10k', 'Great Birmingham 10k', 'Bupa Edinburgh 10k', 'Cardiff Bay 10k', 'Leeds Abbey Dash', 'Great Bristol 10k'],
  half: ['Great North Run', 'Bath Half', 'Royal Parks Half', 'Cardiff Half', 'Reading Half', 'Hackney Half', 'The Big Half', 'Silverstone Half', 'Oxford Half', 'Windsor Half', 'Brighton Half', 'Cambridge Half'],
  marathon: ['London Marathon', 'Brighton Marathon', 'Manchester Marathon', 'Berlin Marathon', 'Chester Marathon', 'Edinburgh Marathon', 'Loch Ness Marathon', 'Yorkshire Marathon', 'Abingdon Marathon', 'Snowdonia Marathon', 'Valencia Marathon', 'Paris Marathon', 'Amsterdam Marathon', 'Dublin Marathon', 'Belfast Marathon', 'Newport Marathon', 'Liverpool Marathon', 'Stratford Marathon'],
  ultra: ['South Downs Way 50', 'Comrades', 'Race to the Stones', 'Highland Fling', 'Ultra-Trail Snowdonia 50', 'Lakeland 50'],
  'ultra-long': ['Lakeland 100', 'UTMB', 'Spine Race', 'Western States', 'Grand Union Canal Race', 'Thames Path 100'],
};

/**
 * Names each event once per year: a date (and distance) always gets the same event, and an event
 * falls on one date a year, so the Races screen groups runners truthfully.
 */
export function eventNamer(): (distance: Distance, date: string) => string {
  const byDate = new Map<string, string>();
  const usedInYear = new Set<string>();
  const clubRaces = new Map<string, number>();
  return (distance, date) => {
    const key = `${distance}|${date}`;
    let name = byDate.get(key);
    if (!name) {
      const year = date.slice(0, 4);
      name = EVENTS[distance].find((event) => !usedInYear.has(`${year}|${event}`));
      if (!name) {
        // More dates than real events in a year: a numbered club race (never a date in a name).
        const n = (clubRaces.get(`${year}|${distance}`) ?? 0) + 1;
        clubRaces.set(`${year}|${distance}`, n);
        name = `Club ${DISTANCE_LABEL[distance]} no. ${n}`;
      }
      usedInYear.add(`${year}|${name}`);
      byDate.set(key, name);
    }
    return name;
  };
}

const ALERTS = ['', '', '', '', '', 'Type 1 diabetes: carries glucose.', 'On anticoagulants (warfarin): bruises easily, no deep tissue.', 'Varicose veins, left calf: avoid direct pressure.', 'Nut allergy: check oils.'];


const day = (today: string, offset: number) => format(addDays(parseISO(today), offset), 'yyyy-MM-dd');

/** Race offsets from today that land a marathon-like A race in each phase, plus spread. */
const A_RACE_OFFSETS = [0, 3, 6, 9, 12, 20, 35, 60, 85, 110, -2, -6, -12, 140, 180];

export interface SampleSummary { therapists: number; clients: number; races: number; treatments: number; appointments: number; cancelled: number; noShows: number }

export function fillSampleClinic(ctx: ServiceContext, options: { clients?: number; seed?: number } = {}): SampleSummary {
  const rnd = seededRandom(options.seed ?? 2026);
  const today = ctx.today();
  const count = options.clients ?? 60;
  const eventOn = eventNamer();
  return ctx.db.transaction(() => {
    const therapists = ['Sam Reid', 'Priya Nair', 'Tom Hughes'].map((name) => createTherapist(ctx, { name }));
    const diary = new SampleDiary(ctx, therapists);
    const regulars: number[] = [];
    let races = 0;
    let treatments = 0;
    for (let i = 0; i < count; i++) {
      const firstName = FIRST[i % FIRST.length]!;
      const lastName = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]!;
      const usual = rnd.pick(therapists);
      const client = createClient(ctx, {
        firstName,
        lastName,
        dateOfBirth: day('1990-06-15', rnd.int(-9000, 5000)),
        phone: `07700 9${String(rnd.int(0, 99999)).padStart(5, '0')}`,
        email: `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.org',
        emergencyContactName: `${rnd.pick(FIRST)} ${lastName}`,
        emergencyContactPhone: `07700 9${String(rnd.int(0, 99999)).padStart(5, '0')}`,
        gp: rnd.pick(['Dr Shah, Park Surgery', 'Dr Morgan, Riverside Health', 'Dr Lee, Old Town Practice']),
        medicalAlerts: rnd.pick(ALERTS),
        hotspots: [...new Set([rnd.pick(HOTSPOTS), rnd.pick(HOTSPOTS)])],
        usualTherapistId: usual.id,
        consentTreatment: true,
        consentData: true,
        consentDate: day(today, -rnd.int(100, 700)),
        notes: '',
      });

      // Most clients have a goal race; a few are off-season with nothing booked.
      if (i % 12 !== 11) {
        const distance: Distance = (['marathon', 'marathon', 'half', '10k', '5k', 'ultra', 'half', 'marathon', 'ultra-long', '10k'] as const)[i % 10]!;
        const offset = A_RACE_OFFSETS[i % A_RACE_OFFSETS.length]! + rnd.int(0, 2);
        createRace(ctx, { clientId: client.id, name: eventOn(distance, day(today, offset)), date: day(today, offset), distance, distanceKm: null, priority: 'A', planStart: null, taperDays: null, goalTime: '', notes: '' });
        races++;
        if (i % 3 === 0) {
          const tuneUp: Distance = distance === 'marathon' || distance.startsWith('ultra') ? 'half' : '5k';
          const priority: Priority = i % 2 === 0 ? 'B' : 'C';
          const tuneUpDate = day(today, offset - rnd.int(20, 45));
          createRace(ctx, { clientId: client.id, name: eventOn(tuneUp, tuneUpDate), date: tuneUpDate, distance: tuneUp, distanceKm: null, priority, planStart: null, taperDays: null, goalTime: '', notes: '' });
          races++;
        }
      }

      // Sessions over the last four months, each booked in the diary on a day the therapist works
      // and completed by its treatment, at or under the guidance in force that day. A fifth of the
      // clients have not been in for a fortnight and have nothing booked: the recall list's people.
      const recall = i % 5 === 0;
      for (let d = -120 + rnd.int(0, 20); d < (recall ? -15 : 0); d += rnd.int(12, 28)) {
        const therapistId = rnd.next() < 0.8 ? usual.id : rnd.pick(therapists).id;
        const date = diary.workingDay(therapistId, day(today, d));
        const { ceiling, phase } = guidanceForClient(ctx, { clientId: client.id, date, therapistId, sore: false });
        if (ceiling === 'avoid') continue;
        // Mostly the ceiling itself; now and then a lighter session than allowed.
        const intensity: Intensity = rnd.next() < 0.7 || intensityRank(ceiling) <= intensityRank('light') ? ceiling : 'light';
        diary.maybeMiss(client.id, therapistId, date);
        const appointment = diary.book(client.id, therapistId, date, intensity, phase);
        logTreatment(ctx, {
          clientId: client.id, therapistId, date, sore: false, intensity, overrideReason: null, ...sessionNotes(rnd),
          nextBooking: null, appointmentId: appointment?.id ?? null,
        });
        treatments++;
      }

      // Upcoming bookings: most clients have one in the next three weeks.
      if (recall) continue;
      if (i % 4 !== 3) diary.bookAhead(client.id, usual.id, 8, 21);
      regulars.push(client.id);
    }
    // The weeks around today, well filled.
    treatments += diary.fillAroundToday(regulars, 4);
    return { therapists: therapists.length, clients: count, races, treatments, ...diary.counts };
  })();
}
