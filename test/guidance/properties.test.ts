// Properties that hold for any client, checked with fast-check over random races,
// histories, therapists and days.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guidanceFor, type CeilingRule, type GuidanceQuery, type RaceInput, type TreatmentInput } from '../../shared/guidance';
import { DISTANCES, INTENSITIES, PRIORITIES } from '../../shared/vocabulary';
import { RANK, shift } from './helpers';

const QUERY_DATE = '2026-06-15';
const THERAPISTS = ['sam', 'jo', 'kim'] as const;

const offsetDate = (min: number, max: number) => fc.integer({ min, max }).map((d) => shift(QUERY_DATE, d));

const raceArb = (id: string): fc.Arbitrary<RaceInput> =>
  fc.record(
    {
      id: fc.constant(id),
      date: offsetDate(-60, 200),
      distance: fc.constantFrom(...DISTANCES),
      priority: fc.constantFrom(...PRIORITIES),
      planStart: fc.integer({ min: 1, max: 200 }).map((weeksBack) => shift(QUERY_DATE, -weeksBack)),
      taperDays: fc.integer({ min: 7, max: 28 }),
    },
    { requiredKeys: ['id', 'date', 'distance', 'priority'] },
  );

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
  },
  { requiredKeys: ['date', 'races', 'treatments'] },
);

const RUNS = { numRuns: 600 };

describe('several races', () => {
  it('the ceiling with several races is never above the ceiling of any one of them alone', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const together = RANK[guidanceFor(query).ceiling];
        for (const r of query.races) expect(together).toBeLessThanOrEqual(RANK[guidanceFor({ ...query, races: [r] }).ceiling]);
      }),
      RUNS,
    );
  });

  it('and it equals the lowest of them (plus soreness): no rule couples races', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const alone = query.races.map((r) => RANK[guidanceFor({ ...query, races: [r] }).ceiling]);
        expect(RANK[guidanceFor(query).ceiling]).toBe(Math.min(...alone));
      }),
      RUNS,
    );
  });

  it('the order races are listed in changes nothing', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const a = guidanceFor(query);
        const b = guidanceFor({ ...query, races: [...query.races].reverse() });
        expect([b.phase, b.ceiling, b.raceId, b.phaseRaceId, b.headline, b.due]).toEqual([a.phase, a.ceiling, a.raceId, a.phaseRaceId, a.headline, a.due]);
      }),
      { numRuns: 1500 },
    );
  });

  it('raceId names a race whose own ceiling alone equals the result', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const g = guidanceFor(query);
        if (g.raceId === undefined) return;
        const r = query.races.find((x) => x.id === g.raceId)!;
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
