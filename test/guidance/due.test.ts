// Booking due dates, for recall lists and the booking screen.

import { describe, expect, it } from 'vitest';
import type { Distance } from '../../shared/vocabulary';
import { ask, race, shift, treated } from './helpers';

const RACE = '2026-10-25';

describe('base, no treatment yet this block: baseline assessment due by the end of week ceil(L/4)', () => {
  it.each([
    ['5k', 8, 2],
    ['10k', 8, 2],
    ['half', 12, 3],
    ['marathon', 16, 4],
    ['ultra', 20, 5],
    ['ultra-long', 20, 5],
  ] as const)('%s (L=%i): by the last day of week %i', (distance: Distance, L, week) => {
    const start = shift(RACE, -7 * L);
    const by = shift(start, 7 * week - 1);
    const g = ask({ date: start, races: [race('r', RACE, distance, 'A')], treatments: [treated(shift(start, -1))] });
    expect(g.due).toMatchObject({ kind: 'baseline-assessment', by, overdueFrom: shift(by, 1), raceId: 'r' });
    expect(g.due!.message).toBe(`Baseline assessment due by ${by.slice(8)}/${by.slice(5, 7)}/${by.slice(0, 4)}.`);
  });

  it('a treatment in the block (even today) means the baseline is done', () => {
    const start = shift(RACE, -112);
    const races = [race('r', RACE, 'marathon', 'A')];
    expect(ask({ date: shift(start, 3), races, treatments: [treated(shift(start, 3))] }).due).toBeUndefined();
    expect(ask({ date: shift(start, 3), races, treatments: [treated(start)] }).due).toBeUndefined();
  });

  it('still due (overdue) later in base when nothing was logged', () => {
    const start = shift(RACE, -112);
    const g = ask({ date: shift(start, 40), races: [race('r', RACE, 'marathon', 'A')] });
    expect(g.due).toMatchObject({ kind: 'baseline-assessment', by: shift(start, 27), overdueFrom: shift(start, 28) });
  });
});

describe('peak: next due 14 days after the last treatment, overdue after 21 days', () => {
  const races = [race('r', RACE, 'marathon', 'A')];
  it('from the last treatment on or before the date', () => {
    const last = shift(RACE, -50);
    const g = ask({ date: shift(RACE, -40), races, treatments: [treated(shift(RACE, -70)), treated(last), treated(shift(RACE, -20))] });
    expect(g.due).toMatchObject({ kind: 'peak-session', by: shift(last, 14), overdueFrom: shift(last, 22) });
  });

  it('no treatment on file: due now', () => {
    const date = shift(RACE, -40);
    expect(ask({ date, races }).due).toMatchObject({ kind: 'peak-session', by: date });
  });
});

describe('taper: "book the taper session by" d=-10', () => {
  const races = [race('r', RACE, 'marathon', 'A')]; // T 14
  const blockTreatment = treated(shift(RACE, -60));

  it('at least one treatment this block and none from -T to -10 → due by d=-10', () => {
    const g = ask({ date: shift(RACE, -14), races, treatments: [blockTreatment] });
    expect(g.due).toMatchObject({ kind: 'taper-session', by: shift(RACE, -10), raceId: 'r' });
    expect(g.due!.message).toBe('Book the taper session by 15/10/2026.');
    expect(ask({ date: shift(RACE, -10), races, treatments: [blockTreatment] }).due?.kind).toBe('taper-session');
  });

  it('no longer due after d=-10', () => {
    expect(ask({ date: shift(RACE, -9), races, treatments: [blockTreatment] }).due).toBeUndefined();
  });

  it.each([-14, -12, -10])('a treatment at d=%i (inside -T..-10) means it is done', (d) => {
    expect(ask({ date: shift(RACE, -10), races, treatments: [blockTreatment, treated(shift(RACE, d))] }).due).toBeUndefined();
  });

  it('a booked appointment inside -T..-10 means it is booked; one outside does not', () => {
    const at = (d: number) => ask({ date: shift(RACE, -13), races, treatments: [blockTreatment], appointments: [{ date: shift(RACE, d) }] }).due;
    expect(at(-11)).toBeUndefined();
    expect(at(-9)?.kind).toBe('taper-session');
    expect(at(-15)?.kind).toBe('taper-session');
  });

  it('no treatment this block: nothing to book (the ceiling is avoid)', () => {
    const g = ask({ date: shift(RACE, -14), races, treatments: [treated(shift(RACE, -200))] });
    expect(g.ceiling).toBe('avoid');
    expect(g.due).toBeUndefined();
  });
});

describe('post-race', () => {
  it.each(['marathon', 'ultra', 'ultra-long'] as const)('%s: recovery flush due d1-3, then deeper work from the first unlimited day', (distance) => {
    const races = [race('r', RACE, distance, 'A')];
    const open = { marathon: 14, ultra: 16, 'ultra-long': 17 }[distance];
    for (const d of [1, 3]) {
      expect(ask({ date: shift(RACE, d), races }).due).toMatchObject({ kind: 'recovery-flush', from: shift(RACE, 1), by: shift(RACE, 3), overdueFrom: shift(RACE, 4) });
    }
    expect(ask({ date: shift(RACE, 4), races }).due).toMatchObject({ kind: 'deeper-work', by: shift(RACE, open), from: shift(RACE, open) });
  });

  it('a flush already given after the race: deeper work next', () => {
    const races = [race('r', RACE, 'marathon', 'A')];
    expect(ask({ date: shift(RACE, 2), races, treatments: [treated(shift(RACE, 1), 'sam', 'flush')] }).due?.kind).toBe('deeper-work');
  });

  it.each([
    ['5k', 3],
    ['10k', 6],
    ['half', 11],
  ] as const)('%s: no recovery flush due; deeper work from d%i', (distance, open) => {
    expect(ask({ date: shift(RACE, 1), races: [race('r', RACE, distance, 'A')] }).due).toMatchObject({ kind: 'deeper-work', by: shift(RACE, open) });
  });

  it('the due date follows the race that set the ceiling: a B marathon inside an A peak', () => {
    const goal = race('goal', '2027-01-31', 'ultra', 'A');
    const tune = race('tune', RACE, 'marathon', 'B');
    const g = ask({ date: shift(RACE, 2), races: [goal, tune], treatments: [treated('2026-10-01')] });
    expect(g).toMatchObject({ phase: 'base', raceId: 'tune' });
    expect(g.due).toMatchObject({ kind: 'recovery-flush', raceId: 'tune' });
  });
});

it('off-season: nothing due', () => {
  expect(ask({ date: '2026-01-01', races: [race('r', RACE, 'marathon', 'A')] }).due).toBeUndefined();
});
