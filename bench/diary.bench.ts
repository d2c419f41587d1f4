// The front desk at clinic scale: the benchmark clinic (bench/clinic-seed.ts: 10,000 clients,
// 30,000 races, 200,000 treatments) with ten therapists and 100,000 appointments over three
// years. Times at the service (p50/p95): a diary week for all therapists (target < 20 ms), the
// recall list over 10,000 clients (target < 300 ms, aim 100 ms), and for reference one
// therapist's week, Today, the day sheet, the booking dry run and a booking. `--clients 100000`
// measures a ten-year chain instead (issue 17): 1,000,000 appointments over ten years among 30
// therapists (`--appointments N` sets them apart). The phase engine's answers are read as the
// app keeps them ahead (electron/services/kept-guidance.ts); the same reads with nothing kept
// are printed beside them.
// Figures from a shared machine vary; compare runs on one machine.
// Run: npx tsx bench/diary.bench.ts [--clients 100000] [--appointments N] [--keep <folder>]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databasePath, openDatabase, type Db } from '../electron/db/database';
import { insertTherapist } from '../electron/db/repositories/therapists';
import { listAppointmentTypes } from '../electron/db/repositories/schedule';
import { bookAppointment, checkBooking, setAppointmentStatus } from '../electron/services/appointments';
import { fixedClock, type ServiceContext } from '../electron/services/context';
import { daySheet } from '../electron/services/daysheet';
import { diaryRangeOf, todayList } from '../electron/services/diary';
import { recallList } from '../electron/services/recall';
import { guidanceKeeper } from '../electron/services/kept-guidance';
import { getSetting, setSetting } from '../electron/db/repositories/settings';
import { addDays } from '../shared/guidance';
import { seededRandom } from '../scripts/sample/random';
import { clinicSizeFromArgs, TODAY, seedBenchClinic } from './clinic-seed';

/** Ten appointments a client on file, unless told otherwise. */
function diarySizeFromArgs(args: readonly string[], clients: number): DiarySize {
  const at = args.indexOf('--appointments');
  const appointments = at === -1 ? clients * 10 : Number(args[at + 1]?.replaceAll('_', ''));
  if (!Number.isInteger(appointments) || appointments < 1) throw new Error('--appointments takes a whole number, e.g. --appointments 1000000.');
  // A chain's diary spans more years and needs more hands: about eleven appointments a working day each.
  const years = appointments > 200_000 ? 10 : 3;
  const therapists = Math.max(10, Math.ceil(appointments / (years * 312 * 11)));
  return { appointments, years, therapists };
}

interface DiarySize { appointments: number; years: number; therapists: number }

const ARGS = process.argv.slice(2);
const SIZE = clinicSizeFromArgs(ARGS);
const DIARY = diarySizeFromArgs(ARGS, SIZE.clients);
const EXTRA_NAMES = ['Ana Lopes', 'Ben Carter', 'Chloe Hart', 'Dan Evans', 'Erin Walsh', 'Femi Ade', 'Gina Rossi'];
/** Appointments run from years back to four weeks ahead, Monday to Saturday, 08:00-20:00. */
const FIRST_DAY = addDays(TODAY, -DIARY.years * 364);
const LAST_DAY = addDays(TODAY, 28);
const WEEK_TARGET_MS = 20;
const RECALL_TARGET_MS = 300;
const RECALL_AIM_MS = 100;

// ---------------------------------------------------------------------------------------------
// The diary: each therapist's working days filled back to back with short gaps, until 100,000.

function seedDiary(db: Db, clientIds: readonly number[]): { therapists: number[]; ms: number } {
  const started = performance.now();
  const rnd = seededRandom(77);
  const types = listAppointmentTypes(db);
  const therapists = (db.prepare('SELECT id FROM therapists ORDER BY id').all() as { id: number }[]).map((t) => t.id);
  for (let n = 0; therapists.length < DIARY.therapists; n++) therapists.push(insertTherapist(db, EXTRA_NAMES[n] ?? `Therapist ${n + 1}`).id);
  const insert = db.prepare(
    `INSERT INTO appointments (client_id, therapist_id, type_id, starts_at, duration_min, ends_at, status, cancel_reason)
     VALUES (@client, @therapist, @type, @startsAt, @duration, strftime('%Y-%m-%dT%H:%M', @startsAt, '+' || @duration || ' minutes'), @status, @reason)`,
  );
  const days: string[] = [];
  for (let d = FIRST_DAY; d <= LAST_DAY; d = addDays(d, 1)) if (new Date(`${d}T12:00:00Z`).getUTCDay() !== 0) days.push(d);
  const perDay = DIARY.appointments / (days.length * therapists.length);
  let made = 0;
  db.transaction(() => {
    days.forEach((day, dayIndex) => {
      for (const therapist of therapists) {
        // Spread the total evenly: this therapist-day's share, rounded by the running total.
        const due = Math.round((dayIndex * therapists.length + therapists.indexOf(therapist) + 1) * perDay) - made;
        let minute = 8 * 60 + 15 * rnd.int(0, 3);
        for (let n = 0; n < due; n++) {
          const type = rnd.pick(types);
          if (minute + type.durationMin > 20 * 60) break;
          const startsAt = `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
          const past = day < TODAY;
          const roll = rnd.next();
          const status = roll < 0.08 ? 'cancelled' : past ? (roll < 0.12 ? 'no-show' : 'completed') : 'booked';
          insert.run({ client: rnd.pick(clientIds), therapist, type: type.id, startsAt, duration: type.durationMin, status, reason: status === 'cancelled' ? 'Client unwell' : null });
          made++;
          minute += type.durationMin + 15 * rnd.int(0, 1);
        }
      }
    });
  })();
  db.pragma('optimize');
  return { therapists, ms: performance.now() - started };
}

// ---------------------------------------------------------------------------------------------
// Timing

interface Figures { n: number; p50: number; p95: number; max: number }

function measure(runs: number, warmUp: number, work: (i: number) => unknown): Figures {
  for (let i = 0; i < warmUp; i++) work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const rank = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  return { n: runs, p50: rank(0.5), p95: rank(0.95), max: samples.at(-1)! };
}

const cell = (n: number) => n.toFixed(2).padStart(9);
const verdict = (value: number, target: number) => (value < target ? 'met' : 'NOT met');

function report(label: string, f: Figures, target?: number): void {
  console.log(`  ${label.padEnd(46)}${String(f.n).padStart(5)}${cell(f.p50)}${cell(f.p95)}${cell(f.max)}   ${target === undefined ? '' : `p95 < ${target} ms: ${verdict(f.p95, target)}`}`);
}

/** Monday of the week holding `date`. */
function monday(date: string): string {
  const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The therapists of a clinic seeded before (--keep), in the order seedDiary made them. */
function seededTherapists(db: Db): { therapists: number[]; ms: number } {
  return { therapists: db.prepare('SELECT id FROM therapists ORDER BY id').pluck().all() as number[], ms: 0 };
}

function main(): void {
  // --keep <folder>: seed into that folder and leave it, or reuse the clinic already there (a
  // chain's million appointments take minutes to seed). Its sizes are the ones it was seeded with.
  const kept = ARGS.includes('--keep') ? path.resolve(ARGS[ARGS.indexOf('--keep') + 1] ?? '') : null;
  const reusing = kept !== null && fs.existsSync(databasePath(kept));
  const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fettle-bench-diary-'));
  if (kept) fs.mkdirSync(kept, { recursive: true });
  const db = openDatabase(dataDir);
  try {
    console.log(`Front desk: the benchmark clinic (${SIZE.clients.toLocaleString('en-GB')} clients) with ${DIARY.appointments.toLocaleString('en-GB')} appointments over ${DIARY.years} years among ${DIARY.therapists} therapists; today ${TODAY}`);
    const seeded = reusing ? { ms: 0, clientIds: [] } : seedBenchClinic(db, SIZE);
    const diary = reusing ? seededTherapists(db) : seedDiary(db, seeded.clientIds);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n.toLocaleString('en-GB');
    const how = reusing ? `reusing the clinic in ${kept}` : `seeded in ${((seeded.ms + diary.ms) / 1000).toFixed(1)} s`;
    console.log(`  ${how}: ${count('SELECT count(*) AS n FROM clients')} clients, ${count('SELECT count(*) AS n FROM appointments')} appointments for ${diary.therapists.length} therapists, ${count('SELECT count(*) AS n FROM treatments')} treatments`);

    const ctx: ServiceContext = { db, ...fixedClock(TODAY, '09:00') };
    // The phase engine's answers as the app's upkeep keeps them (electron/services/kept-guidance.ts):
    // filled a bounded step at a time after the upgrade that brings them, then after each change.
    const keeper = guidanceKeeper(ctx);
    const stepTimes: number[] = [];
    for (let more = true; more; ) {
      const started = performance.now();
      more = keeper.step();
      stepTimes.push(performance.now() - started);
    }
    const sum = stepTimes.reduce((a, b) => a + b, 0);
    console.log(`  answers kept as the app's upkeep leaves them: ${stepTimes.length} steps, ${(sum / 1000).toFixed(1)} s in all, longest step ${Math.max(...stepTimes).toFixed(0)} ms`);
    /** The same read with nothing kept, every answer worked out by the engine there and then. */
    const workedOut = <T>(read: () => T): T => {
      const rules = getSetting(db, 'kept_guidance_rules');
      setSetting(db, 'kept_guidance_rules', null);
      try {
        return read();
      } finally {
        setSetting(db, 'kept_guidance_rules', rules);
      }
    };
    const rnd = seededRandom(5);
    const onBooks = (db.prepare('SELECT id FROM clients WHERE archived_at IS NULL').all() as { id: number }[]).map((c) => c.id);
    const thisWeek = monday(TODAY);
    // Weeks around today, where reception works, and some further back.
    const weeks = [0, 1, -1, 2, -2, 3, -3, -10, -30, -80].map((w) => addDays(thisWeek, 7 * w));
    const weekOf = (i: number) => weeks[i % weeks.length]!;
    const sampleWeek = diaryRangeOf(ctx, { from: thisWeek, to: addDays(thisWeek, 6), therapistIds: null, includeCancelled: false });

    const figures = {
      week: measure(300, 30, (i) => diaryRangeOf(ctx, { from: weekOf(i), to: addDays(weekOf(i), 6), therapistIds: null, includeCancelled: false })),
      weekThree: measure(300, 30, (i) => diaryRangeOf(ctx, { from: weekOf(i), to: addDays(weekOf(i), 6), therapistIds: diary.therapists.slice(0, 3), includeCancelled: false })),
      weekOne: measure(300, 30, (i) => diaryRangeOf(ctx, { from: weekOf(i), to: addDays(weekOf(i), 6), therapistIds: [diary.therapists[i % diary.therapists.length]!], includeCancelled: false })),
      recall: measure(SIZE.clients > 20_000 ? 20 : 40, 5, () => recallList(ctx)),
      weekWorkedOut: measure(60, 5, (i) => workedOut(() => diaryRangeOf(ctx, { from: weekOf(i), to: addDays(weekOf(i), 6), therapistIds: null, includeCancelled: false }))),
      recallWorkedOut: measure(SIZE.clients > 20_000 ? 10 : 20, 2, () => workedOut(() => recallList(ctx))),
      today: measure(100, 10, () => todayList(ctx)),
      sheet: measure(100, 10, (i) => daySheet(ctx, addDays(TODAY, i % 5))),
      check: measure(200, 20, () =>
        checkBooking(ctx, { clientId: rnd.pick(onBooks), therapistId: rnd.pick(diary.therapists), startsAt: `${addDays(TODAY, rnd.int(1, 20))}T${String(rnd.int(8, 18)).padStart(2, '0')}:00`, typeId: null, appointmentId: null })),
    };
    const recall = recallList(ctx);

    // A booking (one write transaction with every rule), cancelled again so the diary stays the same size.
    const free = `${addDays(TODAY, 1)}T20:00`; // after hours: nobody is booked then
    const typeId = listAppointmentTypes(db)[0]!.id;
    const booking = measure(100, 10, (i) => {
      const client = onBooks[(i * 37) % onBooks.length]!;
      const a = bookAppointment(ctx, { clientId: client, therapistId: diary.therapists[0]!, typeId, startsAt: free, durationMin: 60, acknowledgeWarning: true, confirmOutsideHours: true, by: 'bench' }, 'bench');
      setAppointmentStatus(ctx, { id: a.id, status: 'cancelled', reason: 'bench' });
    });

    console.log(`\nService level, after warm-up (this week: ${sampleWeek.appointments.length} appointments across ${diary.therapists.length} therapists; recall list: ${recall.length} clients, ${recall.filter((e) => e.overdue).length} overdue)`);
    console.log(`  ${''.padEnd(46)}${'n'.padStart(5)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}   target`);
    report('diary week, all therapists (diary:range)', figures.week, WEEK_TARGET_MS);
    report('diary week, three therapists', figures.weekThree);
    report('diary week, one therapist', figures.weekOne);
    report(`recall list over ${SIZE.clients.toLocaleString('en-GB')} clients (recall:list)`, figures.recall, RECALL_TARGET_MS);
    report('diary week, nothing kept (all worked out)', figures.weekWorkedOut);
    report('recall list, nothing kept (all worked out)', figures.recallWorkedOut);
    report('Today (today:list)', figures.today);
    report('day sheet (daysheet:get)', figures.sheet);
    report('booking dry run (appointments:check)', figures.check);
    report('book + cancel (two write transactions)', booking);

    console.log('\nSummary (targets from the issue; figures from a shared 2-core machine)');
    console.log(`  diary week, all therapists, p95   ${figures.week.p95.toFixed(2).padStart(8)} ms   target < ${WEEK_TARGET_MS} ms    ${verdict(figures.week.p95, WEEK_TARGET_MS)}`);
    console.log(`  recall list, p95                  ${figures.recall.p95.toFixed(2).padStart(8)} ms   target < ${RECALL_TARGET_MS} ms   ${verdict(figures.recall.p95, RECALL_TARGET_MS)} (aim < ${RECALL_AIM_MS} ms: ${verdict(figures.recall.p95, RECALL_AIM_MS)})`);
  } finally {
    db.close();
    if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error: unknown) {
  console.error(error);
  process.exitCode = 1;
}
