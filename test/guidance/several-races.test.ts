// Several races per runner: every race's windows are evaluated, the lowest ceiling wins and
// names its race (raceId), the phase follows the engine contract's order.

import { describe, expect, it } from 'vitest';
import { ask, race, shift, treated } from './helpers';

const A_DAY = '2026-10-25'; // goal marathon: block 2026-07-05 .. 2026-10-24, taper from 2026-10-11
const goal = race('goal', A_DAY, 'marathon', 'A', { name: 'Autumn Marathon' });
const history = [treated('2026-06-01'), treated('2026-07-05')]; // Sam: familiar, and treated in the block

describe('1. the lowest ceiling wins; its race sets the headline; the others are context', () => {
  it('B 10k in 4 days inside the goal race peak: light from the B race, phase still peak', () => {
    const tuneUp = race('tune', shift(A_DAY, -30), '10k', 'B', { name: 'Riverside 10k' });
    const g = ask({ date: shift(A_DAY, -34), races: [goal, tuneUp], treatments: history });
    expect(g).toMatchObject({ phase: 'peak', ceiling: 'light', raceId: 'tune', daysToRace: -4, phaseRaceId: 'goal', window: 'mini-taper-light' });
    expect(g.headline).toContain('Riverside 10k');
    expect(g.reasons.some((r) => r.includes('Autumn Marathon') && r.includes('peak'))).toBe(true);
  });

  it('a B race post-race window inside an A block gives phase peak with the B race ceiling and raceId (the contract example)', () => {
    const tuneUp = race('tune', shift(A_DAY, -40), 'half', 'B');
    const g = ask({ date: shift(A_DAY, -37), races: [goal, tuneUp], treatments: history });
    expect(g).toMatchObject({ phase: 'peak', ceiling: 'light', raceId: 'tune', daysToRace: 3, phaseRaceId: 'goal', weekOfBlock: 11 });
  });

  it('when the A race is lower, it sets the ceiling and the B race is listed as context', () => {
    const trainingRun = race('run', shift(A_DAY, -15), 'half', 'C', { name: 'Park Half' });
    // d=-12 for the goal race (taper, moderate); d=3 after the C half (light, d2-3).
    const g = ask({ date: shift(A_DAY, -12), races: [trainingRun, goal], treatments: history });
    expect(g).toMatchObject({ phase: 'taper', ceiling: 'light', raceId: 'run' });
    const g2 = ask({ date: shift(A_DAY, -11), races: [trainingRun, goal], treatments: history });
    expect(g2).toMatchObject({ phase: 'taper', ceiling: 'moderate', raceId: 'goal' }); // C half: moderate d4-6, tie → phase race
    expect(g2.reasons.some((r) => r.startsWith('Also Park Half'))).toBe(true);
  });

  it('races far from the date add nothing', () => {
    const later = race('later', '2027-06-01', '5k', 'B');
    const g = ask({ date: shift(A_DAY, -40), races: [goal, later], treatments: history });
    expect(g).toMatchObject({ phase: 'peak', ceiling: 'deep', raceId: 'goal' });
  });
});

describe('2. block phases come only from the next A race whose block holds the date', () => {
  const spring10k = race('tenk', '2026-08-30', '10k', 'A'); // 8 weeks before the marathon; block from 2026-07-05
  it('both blocks hold the date: phase, week and block length from the nearer A race', () => {
    const g = ask({ date: shift('2026-08-30', -20), races: [goal, spring10k], treatments: history });
    expect(g).toMatchObject({ phase: 'peak', phaseRaceId: 'tenk', weekOfBlock: 6, blockWeeks: 8, ceiling: 'deep' });
  });

  it('after the nearer A race: its post-race window gives the phase, the other block still lowers nothing', () => {
    const g = ask({ date: '2026-09-02', races: [goal, spring10k], treatments: history });
    expect(g).toMatchObject({ phase: 'post-race', phaseRaceId: 'tenk', ceiling: 'light', raceId: 'tenk', daysToRace: 3 });
    expect(g.weekOfBlock).toBeUndefined();
  });

  it('once the post-race window closes, the later A race block gives the phase', () => {
    const g = ask({ date: '2026-09-05', races: [goal, spring10k], treatments: history }); // 10k: no limit from d6
    expect(g).toMatchObject({ phase: 'peak', phaseRaceId: 'goal', ceiling: 'deep' });
  });

  it('a past A race gives no block phase', () => {
    const g = ask({ date: shift(A_DAY, 30), races: [goal], treatments: history });
    expect(g.phase).toBe('off-season');
  });

  it('a later A race in its taper still lowers the ceiling (conservative), the phase stays with the next A race', () => {
    const tenk = race('tenk', '2026-10-20', '10k', 'A'); // T 10
    const ultra = race('ultra', '2026-10-25', 'ultra', 'A'); // T 21
    const g = ask({ date: '2026-10-05', races: [ultra, tenk], treatments: history });
    expect(g).toMatchObject({ phase: 'peak', phaseRaceId: 'tenk', ceiling: 'moderate', raceId: 'ultra', daysToRace: -20 });
  });
});

describe('phase resolution order', () => {
  it('an A race day beats another A race block', () => {
    const first = race('first', '2026-08-30', 'half', 'A');
    const g = ask({ date: '2026-08-30', races: [goal, first], treatments: history });
    expect(g).toMatchObject({ phase: 'race-day', phaseRaceId: 'first', ceiling: 'flush', raceId: 'first' });
  });

  it('B and C windows give the phase only outside every A block and A post-race window', () => {
    const b = race('b', '2026-03-01', 'half', 'B');
    const c = race('c', '2026-05-10', '10k', 'C');
    const treatments = [treated('2025-12-01')];
    expect(ask({ date: '2026-02-25', races: [goal, b, c], treatments })).toMatchObject({ phase: 'race-week', ceiling: 'light', raceId: 'b', phaseRaceId: 'b' });
    expect(ask({ date: '2026-02-28', races: [goal, b, c], treatments })).toMatchObject({ phase: 'race-week', ceiling: 'flush', raceId: 'b' });
    expect(ask({ date: '2026-03-01', races: [goal, b, c], treatments })).toMatchObject({ phase: 'race-day', ceiling: 'flush', raceId: 'b' });
    expect(ask({ date: '2026-03-04', races: [goal, b, c], treatments })).toMatchObject({ phase: 'post-race', ceiling: 'light', raceId: 'b' });
    // A C race's eve changes no phase (settled point 5): off-season here, at most moderate.
    expect(ask({ date: '2026-05-09', races: [goal, b, c], treatments })).toMatchObject({ phase: 'off-season', ceiling: 'moderate', raceId: 'c' });
    expect(ask({ date: '2026-05-11', races: [goal, b, c], treatments })).toMatchObject({ phase: 'post-race', ceiling: 'flush', raceId: 'c' });
  });

  it('off-season when no window holds the date; the next race is named', () => {
    const g = ask({ date: '2026-01-10', races: [goal] });
    expect(g).toMatchObject({ phase: 'off-season', ceiling: 'deep', ceilingRule: 'off-season' });
    expect(g.raceId).toBeUndefined();
    expect(g.reasons.at(-1)).toBe('Next race: Autumn Marathon (25/10/2026), in 288 days.');
  });
});

describe('3. B race mini-taper, then the full post-race table', () => {
  it('a B marathon: light d-5..-3, flush d-2..-1 and race day, post-race flush d1-3 as for an A marathon', () => {
    const b = race('b', '2026-04-12', 'marathon', 'B');
    const at = (d: number) => ask({ date: shift('2026-04-12', d), races: [b], treatments: [treated('2026-03-01')] }).ceiling;
    expect([-6, -5, -3, -2, -1, 0, 1, 3, 4, 7, 8, 13, 14].map(at)).toEqual(
      ['deep', 'light', 'light', 'flush', 'flush', 'flush', 'flush', 'flush', 'light', 'light', 'moderate', 'moderate', 'deep'],
    );
  });

  it('a B mini-taper counts as race week, so it too needs a familiar therapist (conservative)', () => {
    const b = race('b', '2026-04-12', '10k', 'B');
    const g = ask({ date: '2026-04-08', races: [b], treatments: [treated('2026-03-01', 'jo')] });
    expect(g).toMatchObject({ phase: 'race-week', ceiling: 'avoid', ceilingRule: 'unfamiliar-therapist', raceId: 'b' });
  });
});

describe('4. C race: no taper, d=-1 at most moderate, race day flush, halved post-race windows', () => {
  it('a C race inside an A peak: deep until the day before, then moderate, flush, and the halved windows', () => {
    const c = race('c', shift(A_DAY, -42), '10k', 'C');
    const at = (d: number) => ask({ date: shift(A_DAY, -42 + d), races: [goal, c], treatments: history });
    expect([-2, -1, 0, 1, 2, 3, 4].map((d) => at(d).ceiling)).toEqual(['deep', 'moderate', 'flush', 'flush', 'light', 'moderate', 'deep']);
    expect(at(-1)).toMatchObject({ phase: 'peak', raceId: 'c' });
    expect(at(4)).toMatchObject({ phase: 'peak', raceId: 'goal' });
  });

  it('a C race the day before an A taper day keeps the A taper ceiling when that is lower', () => {
    const c = race('c', shift(A_DAY, -9), '5k', 'C'); // d=-1 of the C race is d=-10 of the A race (light)
    const g = ask({ date: shift(A_DAY, -10), races: [goal, c], treatments: history });
    expect(g).toMatchObject({ phase: 'taper', ceiling: 'light', raceId: 'goal' });
  });
});

describe('5. warnings for the coach', () => {
  const codes = (g: { warnings: { code: string }[] }) => g.warnings.map((w) => w.code);

  it.each([
    ['B', -14, true], // first taper day
    ['B', -15, false], // last peak day
    ['C', -1, true], // race week is part of T
    ['C', 1, false], // after the A race
  ] as const)('%s race at d=%i of the A race: tune-up inside taper warning %s', (priority, d, warned) => {
    const tune = race('tune', shift(A_DAY, d), '10k', priority);
    const g = ask({ date: shift(A_DAY, -60), races: [goal, tune], treatments: history });
    expect(codes(g).includes('tune-up-inside-taper')).toBe(warned);
    if (warned) {
      expect(g.warnings.find((w) => w.code === 'tune-up-inside-taper')!.message).toMatch(/^Tune-up inside taper: check with the coach/);
    }
  });

  it('the tune-up warning shows on every day up to the A race, not after it', () => {
    const tune = race('tune', shift(A_DAY, -10), '10k', 'B');
    expect(codes(ask({ date: A_DAY, races: [goal, tune], treatments: history }))).toContain('tune-up-inside-taper');
    expect(codes(ask({ date: shift(A_DAY, 1), races: [goal, tune], treatments: history }))).not.toContain('tune-up-inside-taper');
  });

  it.each([
    [41, true],
    [42, false],
  ] as const)('two A races %i days apart: "less than 6 weeks" warning %s', (gap, warned) => {
    const second = race('second', shift(A_DAY, gap), 'half', 'A');
    const g = ask({ date: shift(A_DAY, -30), races: [goal, second], treatments: history });
    expect(codes(g).includes('a-races-close')).toBe(warned);
    expect(codes(ask({ date: shift(A_DAY, gap + 1), races: [goal, second] })).includes('a-races-close')).toBe(false);
  });
});
