// The benchmark clinic: by default 10,000 clients, 30,000 races and 200,000 treatments around
// one "today", seeded from a fixed generator so every run (and every benchmark) measures the same
// data. Larger clinics (a ten-year chain: 100,000 clients) keep the same proportions of names,
// archived clients and sessions. Shared by the benchmarks in bench/.

import type { Db } from '../electron/db/database';
import { insertClient, setArchived } from '../electron/db/repositories/clients';
import { insertRace } from '../electron/db/repositories/races';
import { insertTherapist } from '../electron/db/repositories/therapists';
import { DISTANCES, INTENSITIES, PHASES, PRIORITIES } from '../shared/vocabulary';
import { EVENTS } from '../scripts/sample/clinic';
import { seededRandom } from '../scripts/sample/random';

export const TODAY = '2026-03-02';
export const CLIENTS = 10_000;
export const RACES = 30_000;
export const TREATMENTS = 200_000;

export interface ClinicSize { clients: number; races: number; treatments: number }

/** The quick default every benchmark uses unless told otherwise. */
export const DEFAULT_SIZE: ClinicSize = { clients: CLIENTS, races: RACES, treatments: TREATMENTS };

/** A clinic of `clients`, with races and treatments in the default proportions unless given. */
export function clinicSize(clients: number, given: Partial<ClinicSize> = {}): ClinicSize {
  return { clients, races: given.races ?? clients * 3, treatments: given.treatments ?? clients * 20 };
}

/**
 * The clinic size a command line asks for: `--clients N` (races and treatments in proportion),
 * with `--races N` and `--treatments N` to set those apart; the quick default without any.
 */
export function clinicSizeFromArgs(args: readonly string[]): ClinicSize {
  const given = (name: keyof ClinicSize): number | undefined => {
    const at = args.indexOf(`--${name}`);
    if (at === -1) return undefined;
    const value = Number(args[at + 1]?.replaceAll('_', ''));
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number of at least 1, e.g. --${name} 100000.`);
    return value;
  };
  const clients = given('clients');
  if (clients === undefined && (given('races') !== undefined || given('treatments') !== undefined)) throw new Error('Give --clients with --races or --treatments.');
  return clients === undefined ? DEFAULT_SIZE : clinicSize(clients, { races: given('races'), treatments: given('treatments') });
}

const FIRST = [
  'Ada', 'Ben', 'Chloe', 'Dev', 'Ella', 'Finn', 'Grace', 'Hamza', 'Isla', 'Jack', 'Kemi', 'Liam', 'Maya', 'Noah', 'Olivia',
  'Priya', 'Quinn', 'Rosa', 'Sam', 'Tom', 'Uma', 'Vik', 'Will', 'Yara', 'Zoë', 'Aoife', 'Callum', 'Dafydd', 'Eilidh', 'Femi',
  'George', 'Hannah', 'Imran', 'Jess', 'Kieran', 'Lucy', 'Mohammed', 'Niamh', 'Oscar', 'Poppy', 'Rhys', 'Sophie', 'Theo',
  'Amelia', 'Bethan', 'Connor', 'Daisy', 'Emeka', 'Freya', 'Gareth', 'Harriet', 'Ibrahim', 'Joanna', 'Kwame', 'Leah', 'Matteo',
  'Nadia', 'Owen', 'Phoebe', 'Ravi', 'Saoirse', 'Tariq', 'Ursula', 'Victor', 'Wiktoria', 'Xavier', 'Yusuf', 'Zainab', 'José', 'Anaïs',
];
const LAST = [
  'Okafor', 'McDonald', 'Mac Donald', "O'Brien", 'Patel', 'Smith', 'Smithson', 'Jones', 'Williams', 'Williamson', 'Brown', 'Taylor',
  'Davies', 'Evans', 'Khan', 'Wilson', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood',
  'Clarke', 'Murphy', 'Campbell', 'Kelly', 'Nowak', 'Ahmed', 'Fraser', 'Singh', 'MacLeod', 'McLeod', 'Müller', 'Núñez', 'García',
  'Kowalski', 'Nguyen', 'Chen', 'Okonkwo', 'Adeyemi', 'Morrison', 'Stewart', 'Robertson', 'Reid', 'Ross', 'Paterson', 'Young',
  'Mitchell', 'Anderson', 'Scott', 'Watson', 'Baker', 'Harris', 'Lewis', 'Jackson', 'Martin', 'Cooper', 'Ward', 'Morris', 'King',
  'Turner', 'Hill', 'Moore', 'Parker', 'Price', 'Bennett', 'Griffiths', 'Lloyd', 'Rees', 'Jenkins', 'Owen', 'Powell', 'Phillips',
  'Shaw', 'Lee', 'Ali', 'Hussain', 'Begum', 'Rahman', 'Doherty', 'Gallagher', 'Quinn', 'Byrne', 'Ryan', "O'Neill", 'Dubois',
  'Rossi', 'Schmidt', 'Novak', 'Horvath', 'Silva', 'Santos', 'Kaur', 'Sharma', 'Ivanova', 'Petrov', 'Andersson', 'Larsen', 'Sørensen',
];
const DOMAINS = ['example.org', 'gmail.com', 'outlook.com', 'runclub.co.uk', 'icloud.com'];
const ALERTS = ['Type 1 diabetes: carries glucose.', 'On anticoagulants (warfarin): bruises easily, no deep tissue.', 'Varicose veins, left calf.'];

const DAY_MS = 86_400_000;
const TODAY_MS = Date.parse(`${TODAY}T00:00:00Z`);
const day = (offset: number) => new Date(TODAY_MS + offset * DAY_MS).toISOString().slice(0, 10);

export interface Seeded { clientIds: number[]; ms: number; laps: string }

export function seedBenchClinic(db: Db, size: ClinicSize = DEFAULT_SIZE): Seeded {
  const rnd = seededRandom(2026);
  const started = performance.now();
  const clientIds: number[] = [];
  const laps: string[] = [];
  let mark = started;
  const lap = (what: string) => {
    const now = performance.now();
    laps.push(`${what} ${((now - mark) / 1000).toFixed(1)} s`);
    mark = now;
  };
  db.transaction(() => {
    const therapists = ['Sam Reid', 'Priya Nair', 'Tom Hughes'].map((name) => insertTherapist(db, name).id);

    // Clients through the repository: it computes search_key, which search depends on.
    for (let i = 0; i < size.clients; i++) {
      const firstName = rnd.pick(FIRST);
      const lastName = rnd.pick(LAST);
      const local = `${firstName}.${lastName}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase();
      const client = insertClient(db, {
        firstName,
        lastName,
        dateOfBirth: day(-rnd.int(18 * 365, 70 * 365)),
        phone: `07${rnd.int(100, 999)} ${rnd.int(100_000, 999_999)}`,
        email: rnd.next() < 0.9 ? `${local}${rnd.int(1, 99)}@${rnd.pick(DOMAINS)}` : '',
        emergencyContactName: '',
        emergencyContactPhone: '',
        gp: '',
        medicalAlerts: rnd.next() < 0.1 ? rnd.pick(ALERTS) : '',
        hotspots: [],
        usualTherapistId: rnd.pick(therapists),
        consentTreatment: true,
        consentData: true,
        consentDate: day(-rnd.int(1, 900)),
        notes: '',
      });
      clientIds.push(client.id);
    }
    for (const id of clientIds) if (rnd.next() < 0.03) setArchived(db, id, true, new Date().toISOString());
    lap('clients');

    // Races: three per client on average, every distance and priority, from a year ago to a year ahead.
    for (let i = 0; i < size.races; i++) {
      const distance = DISTANCES[i % DISTANCES.length]!;
      const long = distance === 'ultra' || distance === 'ultra-long';
      insertRace(db, {
        clientId: clientIds[rnd.int(0, clientIds.length - 1)]!,
        name: rnd.pick(EVENTS[distance]),
        date: day(rnd.int(-365, 365)),
        distance,
        distanceKm: null,
        priority: PRIORITIES[Math.floor(i / DISTANCES.length) % PRIORITIES.length]!,
        planStart: null,
        taperDays: long && rnd.next() < 0.3 ? 21 : null,
        goalTime: '',
        notes: '',
      });
    }
    lap('races');

    // Treatments through one plain statement, with no guidance snapshot to compute. Clients get
    // 0 to 40 sessions over the past two years (20 on average), adjusted to the exact total.
    const counts = clientIds.map(() => rnd.int(0, 40));
    let total = counts.reduce((a, b) => a + b, 0);
    while (total !== size.treatments) {
      const i = rnd.int(0, counts.length - 1);
      const step = total < size.treatments ? 1 : counts[i]! > 0 ? -1 : 0;
      counts[i]! += step;
      total += step;
    }
    const insertTreatment = db.prepare(
      `INSERT INTO treatments (client_id, therapist_id, date, intensity, sore, phase, ceiling, guidance_headline, areas, techniques)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', '[]')`,
    );
    clientIds.forEach((clientId, i) => {
      for (let n = 0; n < counts[i]!; n++) {
        insertTreatment.run(clientId, rnd.pick(therapists), day(-rnd.int(1, 730)), rnd.pick(INTENSITIES), rnd.next() < 0.1 ? 1 : 0, rnd.pick(PHASES), rnd.pick(INTENSITIES), 'Seeded for the benchmark.');
      }
    });
    lap('treatments');
  })();
  db.pragma('optimize');
  lap('commit');
  return { clientIds, ms: performance.now() - started, laps: laps.join(', ') };
}
