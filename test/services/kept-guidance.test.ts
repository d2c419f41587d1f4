import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../electron/db/native';
import { getSetting, setSetting } from '../../electron/db/repositories/settings';
import { KEPT_RULES } from '../../electron/db/repositories/kept-guidance';
import { fixedClock, type ServiceContext } from '../../electron/services/context';
import { diaryRangeOf, todayList } from '../../electron/services/diary';
import { guidanceKeeper, keepGuidanceFilled } from '../../electron/services/kept-guidance';
import { recallList } from '../../electron/services/recall';
import { createRace, removeRace, updateRace } from '../../electron/services/races';
import { moveAppointment } from '../../electron/services/appointments';
import { addSession } from '../../electron/services/plans';
import { addDays } from '../../shared/guidance';
import { fillSampleClinic } from '../../scripts/sample/clinic';
import { scratchSpace } from '../storage/support/scratch';

// The phase engine's answers kept ahead (migration 10, electron/services/kept-guidance.ts): the
// diary, Today and the recall list read the same whether the answers are kept, half kept or not
// kept at all, and any change to a client's races, history, plan or appointments drops theirs.

const TODAY = '2026-03-02';
const { clinic } = scratchSpace();

function sampleClinic(today = TODAY): { ctx: ServiceContext; db: Db } {
  const c = clinic({ today });
  const ctx: ServiceContext = { db: c.db, ...fixedClock(today) };
  fillSampleClinic(ctx, { clients: 90, seed: 7 });
  return { ctx, db: c.db };
}

/** Everything the desk reads that carries the engine's answers. */
function deskReads(ctx: ServiceContext) {
  const monday = '2026-03-02';
  return {
    weeks: [-6, -3, -1, 0, 1, 2, 4].map((w) =>
      diaryRangeOf(ctx, { from: addDays(monday, 7 * w), to: addDays(monday, 7 * w + 6), therapistIds: null, includeCancelled: true }),
    ),
    today: todayList(ctx),
    recall: recallList(ctx),
  };
}

/** The same reads with nothing kept: every answer worked out by the engine there and then. */
function workedOut(ctx: ServiceContext) {
  const rules = getSetting(ctx.db, 'kept_guidance_rules');
  setSetting(ctx.db, 'kept_guidance_rules', null);
  try {
    return deskReads(ctx);
  } finally {
    setSetting(ctx.db, 'kept_guidance_rules', rules);
  }
}

function keepAll(ctx: ServiceContext): number {
  const keeper = guidanceKeeper(ctx);
  let steps = 1;
  while (keeper.step()) steps++;
  return steps;
}

const count = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
const queued = (db: Db, clientId: number) => count(db, 'SELECT count(*) FROM guidance_queue WHERE client_id = ?', clientId) === 1;
const keptOf = (db: Db, clientId: number) =>
  count(db, 'SELECT count(*) FROM appointment_guidance WHERE client_id = ?', clientId) + count(db, 'SELECT count(*) FROM recall_due WHERE client_id = ?', clientId);

describe('the kept answers', () => {
  it('are filled a bounded step at a time, and the desk reads exactly what the engine works out', () => {
    const { ctx, db } = sampleClinic();
    const expected = workedOut(ctx);
    expect(expected.recall.length).toBeGreaterThan(3);
    expect(expected.weeks.flatMap((w) => w.appointments).length).toBeGreaterThan(100);
    expect(deskReads(ctx)).toEqual(expected); // nothing kept yet: all worked out

    const steps = keepAll(ctx);
    expect(steps).toBeGreaterThan(2);
    expect(count(db, 'SELECT count(*) FROM guidance_queue')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM appointments')).toBe(count(db, 'SELECT count(*) FROM appointment_guidance'));
    expect(getSetting(db, 'recall_kept_for')).toBe(TODAY);
    expect(guidanceKeeper(ctx).step()).toBe(false); // nothing left to do
    expect(deskReads(ctx)).toEqual(expected);
  });

  it('are what the desk reads once kept (a wrong kept answer would show)', () => {
    const { ctx, db } = sampleClinic();
    keepAll(ctx);
    const week = { from: TODAY, to: addDays(TODAY, 6), therapistIds: null, includeCancelled: true };
    const first = diaryRangeOf(ctx, week).appointments[0]!;
    const other = first.phase === 'base' ? 'peak' : 'base';
    db.prepare('UPDATE appointment_guidance SET phase = ? WHERE appointment_id = ?').run(other, first.id);
    expect(diaryRangeOf(ctx, week).appointments[0]!.phase).toBe(other);

    const listed = recallList(ctx)[0]!;
    db.prepare(`UPDATE recall_due SET entry = json_set(entry, '$.reason', 'kept') WHERE client_id = ?`).run(listed.clientId);
    expect(recallList(ctx)[0]!.reason).toBe('kept');
  });

  it("are dropped for a client whenever their races, history, plan or appointments change, and the reads stay right", () => {
    const { ctx, db } = sampleClinic();
    keepAll(ctx);
    const clientWith = (sql: string) => count(db, sql);
    const changes: [string, () => number][] = [
      ['a race added', () => {
        const id = clientWith('SELECT client_id FROM appointments ORDER BY id LIMIT 1 OFFSET 3');
        createRace(ctx, { clientId: id, name: 'Spring 10k', date: addDays(TODAY, 9), distance: '10k', distanceKm: null, priority: 'A', planStart: null, taperDays: null, goalTime: '', notes: '' });
        return id;
      }],
      ['a race moved', () => {
        const race = db.prepare('SELECT id, client_id, updated_at FROM races WHERE removed_at IS NULL AND date > ? ORDER BY id LIMIT 1').get(TODAY) as { id: number; client_id: number; updated_at: string };
        updateRace(ctx, { id: race.id, updatedAt: race.updated_at, date: addDays(TODAY, 4) });
        return race.client_id;
      }],
      ['a race removed', () => {
        const race = db.prepare('SELECT id, client_id FROM races WHERE removed_at IS NULL AND date > ? ORDER BY id DESC LIMIT 1').get(TODAY) as { id: number; client_id: number };
        removeRace(ctx, race.id);
        return race.client_id;
      }],
      ['a treatment logged (any code, here plain SQL)', () => {
        const a = db.prepare(`SELECT client_id, therapist_id FROM appointments WHERE starts_at > ? ORDER BY id LIMIT 1`).get(`${TODAY}T00:00`) as { client_id: number; therapist_id: number };
        db.prepare(`INSERT INTO treatments (client_id, therapist_id, date, intensity, phase, ceiling) VALUES (?, ?, ?, 'deep', 'base', 'deep')`).run(a.client_id, a.therapist_id, addDays(TODAY, -1));
        return a.client_id;
      }],
      ["a treatment's intensity changed", () => {
        const t = db.prepare('SELECT id, client_id FROM treatments ORDER BY date DESC LIMIT 1').get() as { id: number; client_id: number };
        db.prepare(`UPDATE treatments SET intensity = 'light' WHERE id = ?`).run(t.id);
        return t.client_id;
      }],
      ['a plan session added', () => {
        const race = db.prepare(`SELECT id, client_id FROM races WHERE removed_at IS NULL AND priority = 'A' AND date > ? ORDER BY date LIMIT 1 OFFSET 5`).get(addDays(TODAY, 30)) as { id: number; client_id: number };
        addSession(ctx, { raceId: race.id, date: addDays(TODAY, 2), distance: 30, durationMin: null, kind: 'long', title: 'Long run', unit: 'km' });
        return race.client_id;
      }],
      ['an appointment moved to another day', () => {
        const a = db.prepare(`SELECT id, client_id, starts_at FROM appointments WHERE status = 'booked' ORDER BY starts_at LIMIT 1`).get() as { id: number; client_id: number; starts_at: string };
        moveAppointment(ctx, { id: a.id, startsAt: `${addDays(a.starts_at.slice(0, 10), 21)}T07:00`, acknowledgeWarning: true, confirmOutsideHours: true, by: 'test' }, 'test');
        // Only the moved appointment's answer depends on its day; the client's others stand.
        expect(count(db, 'SELECT count(*) FROM appointment_guidance WHERE appointment_id = ?', a.id)).toBe(0);
        expect(count(db, 'SELECT count(*) FROM appointment_guidance WHERE client_id = ?', a.client_id)).toBeGreaterThan(0);
        return a.client_id;
      }],
    ];
    for (const [change, make] of changes) {
      const clientId = make();
      expect(queued(db, clientId), change).toBe(true);
      if (!change.startsWith('an appointment')) expect(keptOf(db, clientId), change).toBe(0);
      expect(deskReads(ctx), change).toEqual(workedOut(ctx));
      keepAll(ctx);
      expect(queued(db, clientId), change).toBe(false);
      expect(deskReads(ctx), change).toEqual(workedOut(ctx));
    }
  });

  it('are set aside when the rules change, and worked out for each new day', () => {
    const { ctx, db } = sampleClinic();
    keepAll(ctx);
    const expected = workedOut(ctx);
    // Answers kept by other rules, which these rules would give differently: none of them is read.
    db.exec(`UPDATE appointment_guidance SET rules = 'older rules', phase = 'race-day', ceiling = 'avoid';
             UPDATE recall_due SET rules = 'older rules', entry = NULL`);
    setSetting(db, 'kept_guidance_rules', 'older rules');
    expect(deskReads(ctx)).toEqual(expected);
    guidanceKeeper(ctx).step();
    expect(getSetting(db, 'kept_guidance_rules')).toBe(KEPT_RULES);
    expect(count(db, 'SELECT count(*) FROM guidance_queue')).toBe(count(db, 'SELECT count(DISTINCT client_id) FROM appointments'));
    expect(deskReads(ctx)).toEqual(expected);
    keepAll(ctx);
    expect(count(db, 'SELECT count(*) FROM appointment_guidance WHERE rules <> ?', KEPT_RULES)).toBe(0);
    expect(count(db, 'SELECT count(*) FROM recall_due WHERE rules <> ?', KEPT_RULES)).toBe(0);
    expect(deskReads(ctx)).toEqual(expected);

    // The next morning: yesterday's recall answers are not read, and the pass keeps today's.
    const tomorrow: ServiceContext = { db, ...fixedClock(addDays(TODAY, 1)) };
    expect(deskReads(tomorrow)).toEqual(workedOut(tomorrow));
    keepAll(tomorrow);
    expect(getSetting(db, 'recall_kept_for')).toBe(addDays(TODAY, 1));
    expect(count(db, 'SELECT count(*) FROM recall_due WHERE on_date <> ?', addDays(TODAY, 1))).toBe(0);
    expect(deskReads(tomorrow)).toEqual(workedOut(tomorrow));
  });

  describe("today's recall pass, cut short", () => {
    /** A clinic whose client ids reach 20,000, so a day's pass takes several steps. */
    function farReaching(seed: number) {
      const c = clinic({ today: TODAY });
      const ctx: ServiceContext = { db: c.db, ...fixedClock(TODAY) };
      fillSampleClinic(ctx, { clients: 60, seed });
      c.db.prepare("INSERT INTO clients (id, first_name, last_name) VALUES (20000, 'Zed', 'Far')").run();
      keepAll(ctx);
      return { ctx, db: c.db };
    }
    const tomorrowIn = (db: Db): ServiceContext => ({ db, ...fixedClock(addDays(TODAY, 1)) });
    const stepUntilPartWay = (keeper: { step(): boolean }, db: Db) => {
      for (let steps = 0; getSetting(db, 'recall_pass') === null; steps++) {
        if (steps > 50 || !keeper.step()) throw new Error('The pass never stopped part way.');
      }
    };

    it('by new rules leaves no client out, even one with a race and no appointment', () => {
      const { ctx, db } = farReaching(11);
      const runner = Number(db.prepare("INSERT INTO clients (first_name, last_name) VALUES ('Rhea', 'Newby')").run().lastInsertRowid);
      createRace(ctx, { clientId: runner, name: 'Autumn Marathon', date: addDays(TODAY, 70), distance: 'marathon', distanceKm: null, priority: 'A', planStart: null, taperDays: null, goalTime: '', notes: '' });
      keepAll(ctx);
      const tomorrow = tomorrowIn(db);
      stepUntilPartWay(guidanceKeeper(tomorrow), db);
      setSetting(db, 'kept_guidance_rules', 'older rules');
      keepAll(tomorrow);
      expect(recallList(tomorrow).map((e) => e.clientId)).toContain(runner);
      expect(deskReads(tomorrow)).toEqual(workedOut(tomorrow));
    });

    it('by another database (a restore) starts that database\'s own pass', () => {
      const a = farReaching(12);
      const b = farReaching(13);
      let db = a.db;
      const switching: ServiceContext = { get db() { return db; }, ...fixedClock(addDays(TODAY, 1)) };
      const keeper = guidanceKeeper(switching);
      stepUntilPartWay(keeper, a.db);
      db = b.db;
      while (keeper.step());
      expect(getSetting(b.db, 'recall_kept_for')).toBe(addDays(TODAY, 1));
      expect(deskReads(tomorrowIn(b.db))).toEqual(workedOut(tomorrowIn(b.db)));
    });

    it('by a clock set back a day does not leave that day marked whole', () => {
      const { db } = farReaching(14);
      const tomorrow = tomorrowIn(db);
      keepAll(tomorrow);
      const listed = recallList(tomorrow)[0]!;
      const race = db.prepare('SELECT id, updated_at FROM races WHERE client_id = ? AND removed_at IS NULL ORDER BY date LIMIT 1').get(listed.clientId) as { id: number; updated_at: string };
      updateRace(tomorrow, { id: race.id, updatedAt: race.updated_at, goalTime: '3:30:00' });
      guidanceKeeper({ db, ...fixedClock(TODAY) }).step(); // the queued client worked out for the day before
      expect(deskReads(tomorrow)).toEqual(workedOut(tomorrow));
      keepAll(tomorrow);
      expect(deskReads(tomorrow)).toEqual(workedOut(tomorrow));
    });
  });

  it('are filled while the app is open, a step at a time', async () => {
    vi.useFakeTimers();
    try {
      const c = clinic();
      const ctx: ServiceContext = { db: c.db, ...fixedClock(TODAY) };
      fillSampleClinic(ctx, { clients: 40, seed: 3 });
      const logged: string[] = [];
      const upkeep = keepGuidanceFilled(c.storage, fixedClock(TODAY), (m) => logged.push(m), { busyMs: 100, idleMs: 60_000 });
      await vi.advanceTimersByTimeAsync(100);
      expect(count(c.db, 'SELECT count(*) FROM guidance_queue')).toBeGreaterThan(0); // the first step set up the rules
      await vi.advanceTimersByTimeAsync(100 * 20);
      expect(count(c.db, 'SELECT count(*) FROM guidance_queue')).toBe(0);
      expect(getSetting(c.db, 'recall_kept_for')).toBe(TODAY);
      upkeep.stop();
      expect(logged).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
