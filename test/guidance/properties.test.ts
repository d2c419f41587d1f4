// Properties that hold for any client, checked with fast-check over random races,
// histories, therapists and days.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  WARNING_CODES,
  guidanceFor,
  planRaces,
  type CeilingRule,
  type GuidanceQuery,
  type PlanSessionInput,
  type RaceInput,
  type TreatmentInput,
} from '../../shared/guidance';
import { DISTANCES, INTENSITIES, PRIORITIES, SESSION_KINDS } from '../../shared/vocabulary';
import { RANK, shift } from './helpers';

const QUERY_DATE = '2026-06-15';
const THERAPISTS = ['sam', 'jo', 'kim'] as const;
/** Race names as clinics type them: some in lower case, some with brackets of their own. */
const NAMES = ['Town 10k', 'city marathon', 'Park Half (Spring)', 'Riverside Ultra', 'night run'] as const;

const offsetDate = (min: number, max: number) => fc.integer({ min, max }).map((d) => shift(QUERY_DATE, d));

const sessionArb = (raceDate: string): fc.Arbitrary<PlanSessionInput> =>
  fc.record(
    {
      date: fc.integer({ min: -120, max: 0 }).map((d) => shift(raceDate, d)),
      distanceKm: fc.option(fc.constantFrom(5, 8, 10.5, 16, 21.1, 32, 28.968192), { nil: undefined }),
      durationMin: fc.option(fc.constantFrom(30, 45, 90, 150), { nil: undefined }),
      kind: fc.option(fc.constantFrom(...SESSION_KINDS), { nil: undefined }),
      title: fc.constantFrom('Long run', 'Easy', 'Intervals 10 x 400m', ''),
      unit: fc.constantFrom('km' as const, 'mi' as const),
    },
    { requiredKeys: ['date'] },
  );

const raceArb = (id: string): fc.Arbitrary<RaceInput> =>
  fc
    .record(
      {
        id: fc.constant(id),
        // A few fixed dates, so several races often share a day (settled point 7).
        date: fc.oneof(offsetDate(-60, 200), fc.constantFrom(shift(QUERY_DATE, 10), shift(QUERY_DATE, 40))),
        distance: fc.constantFrom(...DISTANCES),
        priority: fc.constantFrom(...PRIORITIES),
        // Days back from the query date: some plan starts give a block shorter than the taper, some fall after the race.
        planStart: fc.oneof(fc.integer({ min: 1, max: 200 }).map((weeksBack) => shift(QUERY_DATE, -weeksBack)), fc.integer({ min: -30, max: 250 }).map((d) => shift(QUERY_DATE, d))),
        taperDays: fc.oneof(fc.integer({ min: 7, max: 28 }), fc.constantFrom(0, 6, 29, 12.5)),
        name: fc.constantFrom(...NAMES),
      },
      { requiredKeys: ['id', 'date', 'distance', 'priority'] },
    )
    .chain((r) => fc.option(fc.array(sessionArb(r.date), { maxLength: 30 }), { nil: undefined }).map((plan) => (plan ? { ...r, plan } : r)));

const racesArb = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => raceArb(`r${i}`))));

const treatmentArb: fc.Arbitrary<TreatmentInput> = fc.record({
  date: offsetDate(-400, 30),
  therapistId: fc.constantFrom(...THERAPISTS),
  intensity: fc.constantFrom(...INTENSITIES),
});

const queryArb: fc.Arbitrary<GuidanceQuery> = fc.record(
  {
    date: offsetDate(-30, 220),
    races: racesArb,
    treatments: fc.array(treatmentArb, { maxLength: 12 }),
    therapistId: fc.constantFrom(...THERAPISTS),
    sore: fc.boolean(),
    clientName: fc.constantFrom('Ana', 'Tom'),
  },
  { requiredKeys: ['date', 'races', 'treatments'] },
);

/**
 * Each race with the priority the rules give it among the others: an A race on the same day
 * as a longer A race counts as B (settled point 7), so "alone" it is asked about as a B race.
 */
const asRuled = (races: readonly RaceInput[]): RaceInput[] => planRaces(races).map((p) => ({ ...p.race, priority: p.priority }));

const RUNS = { numRuns: 600 };

describe('several races', () => {
  it('the ceiling with several races is never above the ceiling of any one of them alone', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const together = RANK[guidanceFor(query).ceiling];
        for (const r of asRuled(query.races)) expect(together).toBeLessThanOrEqual(RANK[guidanceFor({ ...query, races: [r] }).ceiling]);
      }),
      RUNS,
    );
  });

  it('and it equals the lowest of them (plus soreness): no rule couples races', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const alone = asRuled(query.races).map((r) => RANK[guidanceFor({ ...query, races: [r] }).ceiling]);
        expect(RANK[guidanceFor(query).ceiling]).toBe(Math.min(...alone));
      }),
      RUNS,
    );
  });

  it('raceId names a race whose own ceiling alone equals the result', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const g = guidanceFor(query);
        if (g.raceId === undefined) return;
        const r = asRuled(query.races).find((x) => x.id === g.raceId)!;
        expect(guidanceFor({ ...query, races: [r] }).ceiling).toBe(g.ceiling);
      }),
      RUNS,
    );
  });
});

it('the phase depends only on the date and the races: never on history, therapist or soreness', () => {
  fc.assert(
    fc.property(queryArb, (query) => {
      const bare = guidanceFor({ date: query.date, races: query.races, treatments: [] });
      expect(guidanceFor(query).phase).toBe(bare.phase);
    }),
    RUNS,
  );
});

describe('post-race ceilings never fall as days pass', () => {
  for (const distance of DISTANCES) {
    for (const priority of PRIORITIES) {
      it(`${priority} ${distance}`, () => {
        fc.assert(
          fc.property(
            offsetDate(-100, 100),
            fc.array(treatmentArb, { maxLength: 6 }),
            fc.constantFrom(...THERAPISTS),
            fc.boolean(),
            (raceDate, treatments, therapistId, sore) => {
              const races = [{ id: 'r', date: raceDate, distance, priority }];
              let previous = -1;
              // From the day after the race until well after the post-race window has closed.
              for (let d = 1; d <= 25; d++) {
                const g = guidanceFor({ date: shift(raceDate, d), races, treatments, therapistId, sore });
                expect(RANK[g.ceiling]).toBeGreaterThanOrEqual(previous);
                previous = RANK[g.ceiling];
              }
            },
          ),
          { numRuns: 60 },
        );
      });
    }
  }
});

/**
 * Adding a treatment to the history never lowers the ceiling. The only rules that read
 * history are "familiar therapist" (race week, B mini-taper: unfamiliar → avoid) and
 * "no treatment this block" (taper, race week: none → avoid); a treatment can only
 * make a therapist familiar or fill the block, so precisely:
 *   1. the ceiling after adding a treatment is at least the ceiling before;
 *   2. if it changed, the ceiling before was set by one of those two history rules;
 *   3. the phase never changes;
 *   4. a treatment dated on or after the query date changes neither ceiling nor phase
 *      (it is not history yet).
 */
describe('adding a treatment never lowers the ceiling', () => {
  const HISTORY_RULES: readonly CeilingRule[] = ['unfamiliar-therapist', 'no-treatment-this-block'];

  it('only history rules can raise it, and nothing lowers it', () => {
    fc.assert(
      fc.property(queryArb, treatmentArb, (query, extra) => {
        const before = guidanceFor(query);
        const after = guidanceFor({ ...query, treatments: [...query.treatments, extra] });
        expect(RANK[after.ceiling]).toBeGreaterThanOrEqual(RANK[before.ceiling]);
        expect(after.phase).toBe(before.phase);
        if (after.ceiling !== before.ceiling) expect(HISTORY_RULES).toContain(before.ceilingRule);
        if (extra.date >= query.date) expect(after.ceiling).toBe(before.ceiling);
      }),
      { numRuns: 1500 },
    );
  });

  it('it does rise in the cases the rules describe (the property is not vacuous)', () => {
    const races = [{ id: 'm', date: '2026-04-26', distance: 'marathon' as const, priority: 'A' as const }];
    const date = '2026-04-21';
    const before = guidanceFor({ date, races, treatments: [], therapistId: 'sam' });
    const after = guidanceFor({ date, races, treatments: [{ date: '2026-02-01', therapistId: 'sam', intensity: 'deep' }], therapistId: 'sam' });
    expect([before.ceiling, before.ceilingRule, after.ceiling]).toEqual(['avoid', 'no-treatment-this-block', 'flush']);
  });
});

/** A shuffle of `items` driven by fast-check's random keys. */
const shuffled = <T>(items: readonly T[], keys: readonly number[]): T[] =>
  items.map((item, i) => [keys[i % keys.length]! + i / 1000, item] as const).sort((a, b) => a[0] - b[0]).map(([, item]) => item);

const keysArb = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 12 });

describe('settled point 3: nothing depends on the order races, treatments or plan sessions are listed in', () => {
  it('permuting races and treatments never changes the result', () => {
    fc.assert(
      fc.property(queryArb, keysArb, keysArb, (query, raceKeys, treatmentKeys) => {
        const permuted: GuidanceQuery = {
          ...query,
          races: shuffled(query.races, raceKeys).map((r) => (r.plan ? { ...r, plan: shuffled(r.plan, treatmentKeys) } : r)),
          treatments: shuffled(query.treatments, treatmentKeys),
        };
        expect(guidanceFor(permuted)).toEqual(guidanceFor(query));
      }),
      { numRuns: 2000 },
    );
  });

  it('reversing the races never changes the result either (the page’s two-A-races example shape)', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        expect(guidanceFor({ ...query, races: [...query.races].reverse() })).toEqual(guidanceFor(query));
      }),
      { numRuns: 1500 },
    );
  });
});

/** Deepest bracket nesting in a text: 1 for "a (b) c", 2 for "a (b (c))". */
function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const c of text) {
    if (c === '(' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === ')' || c === ']') depth--;
  }
  return deepest;
}

describe('settled points 8 and 9: the contract’s codes, and text that reads as sentences', () => {
  const withoutTherapist = queryArb.chain((q) => fc.boolean().map((drop) => (drop ? { ...q, therapistId: undefined } : q)));

  it('every warning code is one of the contract’s list', () => {
    fc.assert(
      fc.property(withoutTherapist, (query) => {
        for (const w of guidanceFor(query).warnings) expect(WARNING_CODES).toContain(w.code);
      }),
      { numRuns: 1500 },
    );
  });

  it('every headline, reason and warning starts with a capital, ends like a sentence, and never nests brackets', () => {
    fc.assert(
      fc.property(withoutTherapist, (query) => {
        const g = guidanceFor(query);
        const texts = [g.headline, ...g.reasons, ...g.warnings.map((w) => w.message), ...(g.due ? [g.due.message] : [])];
        for (const text of texts) {
          expect(text).toMatch(/^[A-Z]/);
          expect(text).toMatch(/[.!?]$/);
          expect(bracketDepth(text), text).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('no text appears both in reasons and in warnings', () => {
    fc.assert(
      fc.property(withoutTherapist, (query) => {
        const g = guidanceFor(query);
        const warned = new Set(g.warnings.map((w) => w.message));
        expect(g.reasons.filter((r) => warned.has(r))).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('settled point 1: S = race − 7L, and nothing of an A race reaches before S', () => {
  const aRaceArb = fc.record({
    raceDate: offsetDate(0, 120),
    distance: fc.constantFrom(...DISTANCES),
    planDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    taperDays: fc.option(fc.integer({ min: 7, max: 28 }), { nil: undefined }),
  });

  it('a date before S is off-season, and with every treatment before S the taper and race week are avoid', () => {
    fc.assert(
      fc.property(aRaceArb, fc.array(treatmentArb, { maxLength: 6 }), fc.integer({ min: 1, max: 60 }), (a, history, back) => {
        const r: RaceInput = { id: 'a', date: a.raceDate, distance: a.distance, priority: 'A' };
        if (a.planDays !== undefined) r.planStart = shift(a.raceDate, -a.planDays);
        if (a.taperDays !== undefined) r.taperDays = a.taperDays;
        const weeks = guidanceFor({ date: shift(a.raceDate, -1), races: [r], treatments: [] }).blockWeeks!;
        const start = shift(a.raceDate, -7 * weeks);
        if (a.planDays !== undefined) expect(weeks).toBe(Math.ceil(a.planDays / 7));
        expect(guidanceFor({ date: shift(start, -back), races: [r], treatments: history, therapistId: 'sam' })).toMatchObject({ phase: 'off-season', ceiling: 'deep' });
        const before = history.map((t) => ({ ...t, date: t.date < start ? t.date : shift(start, -1) }));
        for (let d = -1; d >= -7 * weeks && d >= -28; d--) {
          const g = guidanceFor({ date: shift(a.raceDate, d), races: [r], treatments: before, therapistId: 'sam' });
          if (g.phase === 'taper' || g.phase === 'race-week') expect(g.ceiling).toBe('avoid');
        }
      }),
      { numRuns: 400 },
    );
  });
});
