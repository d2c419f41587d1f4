// docs/phase-rules.md, "Training plans": weekly load, longest runs, hardest weeks, and the peak
// booking's best days. The plan below is written out by hand; loads are summed here, not by the engine.

import { describe, expect, it } from 'vitest';
import { guidanceFor, isWeeklySummary, planChart, type PlanSessionInput, type RaceInput } from '../../shared/guidance';
import { ask, race, shift, treated } from './helpers';

const RACE = '2026-04-26'; // marathon: L 16, S = Sunday 04/01/2026, peak weeks 9-14, taper from 12/04
const S = '2026-01-04';
/** Sunday long runs, week 1..16 (week 16 is race week: a short shake-out). */
const LONG = [14, 16, 18, 16, 20, 22, 24, 20, 26, 28, 32, 24, 30, 32, 19, 6];

/** Each week: Sunday long run, Tuesday easy 8 km, Thursday tempo 10 km, Saturday strength (no load). */
function marathonPlan(): PlanSessionInput[] {
  const sessions: PlanSessionInput[] = [];
  LONG.forEach((km, i) => {
    const sunday = shift(S, 7 * i);
    sessions.push(
      { date: sunday, distanceKm: km, kind: 'long', title: `Long run ${km} km`, unit: 'km' },
      { date: shift(sunday, 2), distanceKm: 8, kind: 'easy', title: 'Easy 8 km', unit: 'km' },
      { date: shift(sunday, 4), distanceKm: 10, kind: 'tempo', title: 'Tempo 10 km', unit: 'km' },
      { date: shift(sunday, 6), durationMin: 45, kind: 'cross', title: 'Strength and conditioning' },
    );
  });
  return sessions;
}

const marathon = (plan?: PlanSessionInput[]): RaceInput => race('m', RACE, 'marathon', 'A', { name: 'Spring Marathon', ...(plan ? { plan } : {}) });

describe('weekly load, longest run and hardest weeks', () => {
  const chart = planChart(marathon(marathonPlan()));

  it('one entry per block week, S + 7(n−1) to S + 7n − 1', () => {
    expect(chart.weeks).toHaveLength(16);
    expect(chart.weeks[0]).toMatchObject({ week: 1, start: S, end: '2026-01-10' });
    expect(chart.weeks[15]).toMatchObject({ week: 16, start: '2026-04-19', end: '2026-04-25' });
  });

  it('load = the week’s running km; strength carries none', () => {
    expect(chart.measure).toBe('km');
    expect(chart.unit).toBe('km');
    expect(chart.weeks.map((w) => w.load)).toEqual(LONG.map((km) => km + 18));
    expect(chart.weeks[0]!.sessions).toBe(3);
    expect(chart.maxLoad).toBe(50);
  });

  it('the longest run of each week is its long run', () => {
    expect(chart.weeks[10]!.longestRun).toEqual({
      date: '2026-03-15', title: 'Long run 32 km', kind: 'long', distanceKm: 32, durationMin: null, unit: 'km', amount: '32 km',
    });
  });

  it('hardest: the top three (weeks 11, 14: 50 km; 13: 48 km) and every week at 90 % of 50 km or more (week 10: 46 km)', () => {
    expect(chart.weeks.filter((w) => w.hardest).map((w) => w.week)).toEqual([10, 11, 13, 14]);
  });

  it('best days of a hard week: the day after and the second day after its longest run', () => {
    expect(chart.weeks[10]!.bestDays).toEqual(['2026-03-16', '2026-03-17']);
    expect(chart.weeks[0]!.bestDays).toEqual([]);
  });

  it('ties for the longest run go to the later date', () => {
    const tie = planChart(marathon([
      { date: '2026-02-01', distanceKm: 20, title: 'Sunday long' },
      { date: '2026-02-04', distanceKm: 20, title: 'Wednesday long' },
      { date: '2026-02-03', distanceKm: 12, title: 'Steady' },
    ]));
    expect(tie.weeks[4]!.longestRun?.date).toBe('2026-02-04');
  });

  it('ties for third place all count as among the three hardest', () => {
    const flat = planChart(marathon([0, 1, 2, 3, 4].map((w) => ({ date: shift(S, 7 * w), distanceKm: w === 0 ? 40 : 30 }))));
    // 40, then four weeks of 30 (75 % of 40): the three greatest are 40, 30, 30, and every 30 ties third.
    expect(flat.weeks.filter((w) => w.hardest).map((w) => w.week)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a plan with durations only is measured in minutes', () => {
    const minutes = planChart(marathon([
      { date: shift(S, 1), durationMin: 40, kind: 'easy' },
      { date: shift(S, 3), durationMin: 150, kind: 'long', title: 'Long run' },
      { date: shift(S, 5), durationMin: 60, kind: 'rest' },
    ]));
    expect([minutes.measure, minutes.unit, minutes.weeks[0]!.load]).toEqual(['min', 'min', 190]);
    expect(minutes.weeks[0]!.longestRun?.amount).toBe('2 h 30 min');
  });

  it('a plan written in miles is shown in miles and computed in km', () => {
    const miles = planChart(marathon([
      { date: shift(S, 0), distanceKm: 18 * 1.609344, unit: 'mi', kind: 'long', title: 'Long run 18 mi' },
      { date: shift(S, 2), distanceKm: 8 * 1.609344, unit: 'mi', kind: 'easy', title: '8 miles easy' },
    ]));
    expect([miles.measure, miles.unit, miles.weeks[0]!.load, miles.weeks[0]!.longestRun?.amount]).toEqual(['km', 'mi', 26, '18 mi']);
  });

  it('non-running kinds (rest, cross, other) carry no load and are never the longest run', () => {
    const mixed = planChart(marathon([
      { date: shift(S, 0), distanceKm: 60, kind: 'cross', title: 'Bike 60 km' },
      { date: shift(S, 1), durationMin: 30, distanceKm: 1, kind: 'other', title: 'Physio' },
      { date: shift(S, 2), distanceKm: 10, kind: 'easy' },
    ]));
    expect(mixed.weeks[0]).toMatchObject({ load: 10, sessions: 1 });
    expect(mixed.weeks[0]!.longestRun?.distanceKm).toBe(10);
  });

  it('a session of kind race on another day is suggested as a B race; the race itself is not', () => {
    const plan = [
      { date: '2026-03-22', distanceKm: 21.1, kind: 'race' as const, title: 'Riverside Half' },
      { date: RACE, distanceKm: 42.2, kind: 'race' as const, title: 'Spring Marathon' },
    ];
    expect(planChart(marathon(plan)).suggestedRaces).toEqual([{ date: '2026-03-22', title: 'Riverside Half', distanceKm: 21.1, distance: 'half' }]);
  });

  it('the same chart whatever order the sessions come in (dates are read a month at a time)', () => {
    const sessions = marathonPlan();
    const shuffled = sessions.map((x, i) => [(i * 37) % sessions.length, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
    expect(planChart(marathon([...sessions].reverse()))).toEqual(chart);
    expect(planChart(marathon(shuffled))).toEqual(chart);
  });

  it.each([['in date order', false], ['in any order', true]])('a date that is not YYYY-MM-DD is refused, %s', (_order, reversed) => {
    const sessions = [...marathonPlan(), { date: '2026-4-30', distanceKm: 5 }];
    expect(() => planChart(marathon(reversed ? sessions.reverse() : sessions))).toThrow(/YYYY-MM-DD/);
  });

  it.each([
    [{ days: 7, title: 'Build week' }, true],
    [{ title: 'Training week 5: 53 km' }, true],
    [{ title: 'Week 12 total' }, true],
    [{ title: 'Weekly mileage: 40 mi' }, true],
    [{ days: 1, title: 'Long run 32 km' }, false],
    [{ title: 'Week 5 long run 20 km' }, false],
  ] as const)('%j is a weekly summary: %s', (entry, summary) => {
    expect(isWeeklySummary(entry)).toBe(summary);
  });
});

describe('peak booking with a plan: the best days after a hard week’s longest run', () => {
  const plan = marathonPlan();

  it('the issue’s example: "Best days: Mon 16/03 or Tue 17/03, after the 32 km long run."', () => {
    const g = ask({ date: '2026-03-10', races: [marathon(plan)], treatments: [treated('2026-02-28')] });
    expect(g.phase).toBe('peak');
    expect(g.due).toEqual({
      kind: 'peak-session',
      by: '2026-03-16',
      overdueFrom: '2026-03-22', // last treatment + 22: unchanged by the plan
      raceId: 'm',
      bestDays: ['2026-03-16', '2026-03-17'],
      message: 'Best days: Mon 16/03 or Tue 17/03, after the 32 km long run.',
    });
  });

  it('a best day earlier than 14 days after the last treatment is passed over', () => {
    // Week 10's long run (08/03) gives 09-10/03, less than 14 days after 02/03: week 11's come first.
    const g = ask({ date: '2026-03-02', races: [marathon(plan)], treatments: [treated('2026-03-02')] });
    expect(g.due).toMatchObject({ by: '2026-03-16', bestDays: ['2026-03-16', '2026-03-17'] });
    const later = ask({ date: '2026-03-04', races: [marathon(plan)], treatments: [treated('2026-03-03')] });
    expect(later.due).toMatchObject({ by: '2026-03-17', bestDays: ['2026-03-17'], overdueFrom: '2026-03-25', message: 'Best day: Tue 17/03, after the 32 km long run.' });
  });

  it('best days are on or after the date itself', () => {
    const g = ask({ date: '2026-03-17', races: [marathon(plan)], treatments: [treated('2026-02-01')] });
    expect(g.due).toMatchObject({ by: '2026-03-17', bestDays: ['2026-03-17'], overdueFrom: '2026-02-23' });
  });

  it('no treatment yet: the first best day from the date on, with no overdue day', () => {
    const g = ask({ date: '2026-03-11', races: [marathon(plan)] });
    expect(g.due).toEqual({ kind: 'peak-session', by: '2026-03-16', raceId: 'm', bestDays: ['2026-03-16', '2026-03-17'], message: 'Best days: Mon 16/03 or Tue 17/03, after the 32 km long run.' });
  });

  it('never a best day inside the taper: after the last hard week, the rule without a plan', () => {
    const g = ask({ date: '2026-04-08', races: [marathon(plan)], treatments: [treated('2026-03-30')] });
    expect(g.due).toEqual({ kind: 'peak-session', by: '2026-04-13', overdueFrom: '2026-04-21', raceId: 'm', message: 'Next session due by 13/04/2026.' });
  });

  it('a plan in miles names the run in miles', () => {
    const milesPlan = plan.map((s) => (s.distanceKm ? { ...s, distanceKm: s.distanceKm * 1.609344 * 0.5625, unit: 'mi' as const } : s));
    const g = ask({ date: '2026-03-10', races: [marathon(milesPlan)], treatments: [treated('2026-02-28')] });
    expect(g.due?.message).toBe('Best days: Mon 16/03 or Tue 17/03, after the 18 mi long run.');
  });

  it('without a plan (or with an empty one) nothing changes', () => {
    for (let d = -130; d <= 20; d++) {
      const date = shift(RACE, d);
      const treatments = [treated('2025-12-20'), treated('2026-02-10'), treated('2026-03-20', 'jo')];
      const bare = ask({ date, races: [marathon()], treatments });
      expect(ask({ date, races: [marathon([])], treatments })).toEqual(bare);
      const planned = ask({ date, races: [marathon(plan)], treatments });
      expect({ ...planned, due: planned.due?.kind }).toEqual({ ...bare, due: bare.due?.kind });
      if (planned.phase !== 'peak') expect(planned).toEqual(bare);
    }
  });

  it('the plan of a B race is read by the chart only: the engine pairs sessions with an A block', () => {
    const b = race('b', RACE, 'marathon', 'B', { plan });
    const g = guidanceFor({ date: '2026-03-10', races: [b], treatments: [] });
    expect(g.due).toBeUndefined();
    expect(planChart(b).weeks.filter((w) => w.hardest).map((w) => w.week)).toEqual([10, 11, 13, 14]);
  });
});
