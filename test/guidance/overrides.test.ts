// A race's own plan start (L = whole weeks to the race, rounded up) and taper length (7..28).

import { describe, expect, it } from 'vitest';
import { planRace } from '../../shared/guidance';
import { ask, race, shift, treated } from './helpers';

const RACE = '2026-03-29';

describe('plan start', () => {
  it.each([
    [70, 10],
    [71, 11],
    [76, 11],
    [77, 11],
    [100, 15],
    [7, 1], // one week: shorter than the 14-day taper, and never stretched (settled point 1)
    [1, 1],
  ] as const)('%i days before the race → L = %i weeks', (days, L) => {
    const plan = planRace(race('r', RACE, 'marathon', 'A', { planStart: shift(RACE, -days) }));
    expect(plan.block!.weeks).toBe(L);
    expect(plan.block!.start).toBe(plan.raceDay - 7 * L);
  });

  it('S = race − 7L; week 1 starts on S, base runs to the end of week ceil(L/2), then peak', () => {
    const races = [race('r', RACE, 'marathon', 'A', { planStart: shift(RACE, -100) })]; // L 15, S = d-105, base weeks 1-8
    const treatments = [treated(shift(RACE, -130)), treated(shift(RACE, -105))];
    const at = (d: number) => ask({ date: shift(RACE, d), races, treatments });
    expect(at(-106).phase).toBe('off-season');
    expect(at(-105)).toMatchObject({ phase: 'base', weekOfBlock: 1, blockWeeks: 15 });
    expect(at(-50)).toMatchObject({ phase: 'base', weekOfBlock: 8 });
    expect(at(-49)).toMatchObject({ phase: 'peak', weekOfBlock: 9 });
  });

  it('a plan start on or after the race is ignored, with a warning', () => {
    const g = ask({ date: shift(RACE, -30), races: [race('r', RACE, 'marathon', 'A', { planStart: RACE })] });
    expect(planRace(race('r', RACE, 'marathon', 'A', { planStart: RACE })).block!.weeks).toBe(16);
    expect(g.warnings.map((w) => w.code)).toContain('race-details-adjusted');
  });
});

describe('taper length', () => {
  const treatments = [treated(shift(RACE, -150)), treated(shift(RACE, -84))]; // familiar; treated on S
  const at = (taperDays: number, d: number) => ask({ date: shift(RACE, d), races: [race('r', RACE, 'half', 'A', { taperDays })], treatments });

  it('T = 28: taper from d=-28 (moderate), peak the day before', () => {
    expect(at(28, -29)).toMatchObject({ phase: 'peak', ceiling: 'deep' });
    expect(at(28, -28)).toMatchObject({ phase: 'taper', ceiling: 'moderate' });
    expect(at(28, -11)).toMatchObject({ phase: 'taper', ceiling: 'moderate' });
  });

  it('T = 7: no taper days at all; peak runs to d=-8, race week from d=-7', () => {
    expect(at(7, -8)).toMatchObject({ phase: 'peak', ceiling: 'deep' });
    expect(at(7, -7)).toMatchObject({ phase: 'race-week', ceiling: 'flush' });
  });

  it('T = 9: the whole taper is past the 10-day cut-off (light), peak at d=-10', () => {
    expect(at(9, -10)).toMatchObject({ phase: 'peak', ceiling: 'deep' });
    expect(at(9, -9)).toMatchObject({ phase: 'taper', ceiling: 'light' });
  });

  it.each([5, 6, 29, 30, 12.4, Number.NaN])('T = %d is not a whole number from 7 to 28: ignored, the default 14 applies, with a warning', (given) => {
    expect(planRace(race('r', RACE, 'half', 'A', { taperDays: given })).block!.taperDays).toBe(14);
    expect(at(given, -40).warnings.map((w) => w.code)).toContain('race-details-adjusted');
    expect(at(given, -14)).toMatchObject({ phase: 'taper', ceiling: 'moderate' });
    expect(at(given, -15)).toMatchObject({ phase: 'peak', ceiling: 'deep' });
  });

  it('overrides on B and C races are ignored (they have no block)', () => {
    expect(planRace(race('r', RACE, 'half', 'B', { taperDays: 20, planStart: shift(RACE, -50) })).block).toBeUndefined();
    expect(ask({ date: shift(RACE, -15), races: [race('r', RACE, 'half', 'B', { taperDays: 20 })] }).phase).toBe('off-season');
  });
});
