// Every row of every table in docs/phase-rules.md, for every distance, at both edges of each
// window: the first and last day in, and the day just outside on each side, each day tested
// once. The tables below are transcribed from the page by hand, not imported from the engine.

import { describe, expect, it } from 'vitest';
import { BLOCK_DEFAULTS, POST_RACE_DAYS, planRace } from '../../shared/guidance';
import { DISTANCES, type Distance, type Intensity, type Phase, type Priority } from '../../shared/vocabulary';
import { DST_RACE_DATES, ask, race, shift, treated } from './helpers';

/** Training block of an A race: default L (weeks) and T (days, race week included). */
const BLOCK_TABLE: Record<Distance, { L: number; T: number }> = {
  '5k': { L: 8, T: 10 },
  '10k': { L: 8, T: 10 },
  half: { L: 12, T: 14 },
  marathon: { L: 16, T: 14 },
  ultra: { L: 20, T: 21 },
  'ultra-long': { L: 20, T: 21 },
};

type Span = [first: number, last: number] | null;
/** Post-race windows: [first day, last day] of flush, light, moderate; first "no limit" day. */
const POST_RACE_TABLE: Record<Distance, { flush: Span; light: Span; moderate: Span; open: number }> = {
  '5k': { flush: [1, 1], light: [2, 2], moderate: null, open: 3 },
  '10k': { flush: [1, 1], light: [2, 3], moderate: [4, 5], open: 6 },
  half: { flush: [1, 2], light: [3, 5], moderate: [6, 10], open: 11 },
  marathon: { flush: [1, 3], light: [4, 7], moderate: [8, 13], open: 14 },
  ultra: { flush: [1, 4], light: [5, 9], moderate: [10, 15], open: 16 },
  'ultra-long': { flush: [1, 6], light: [7, 10], moderate: [11, 16], open: 17 },
};

/** C race: each window halved, rounded up, laid end to end from d1 (worked out by hand). */
const C_POST_RACE_TABLE: Record<Distance, { flush: Span; light: Span; moderate: Span; open: number }> = {
  '5k': { flush: [1, 1], light: [2, 2], moderate: null, open: 3 },
  '10k': { flush: [1, 1], light: [2, 2], moderate: [3, 3], open: 4 }, // the page's own example
  half: { flush: [1, 1], light: [2, 3], moderate: [4, 6], open: 7 },
  marathon: { flush: [1, 2], light: [3, 4], moderate: [5, 7], open: 8 },
  ultra: { flush: [1, 2], light: [3, 5], moderate: [6, 8], open: 9 },
  'ultra-long': { flush: [1, 3], light: [4, 5], moderate: [6, 8], open: 9 },
};

interface Row {
  name: string;
  first: number;
  last: number;
  phase: Phase;
  ceiling: Intensity;
}

const OPEN_END = 10_000;

function postRaceRows(table: (typeof POST_RACE_TABLE)[Distance]): Row[] {
  const rows: Row[] = [];
  const push = (name: string, span: Span, ceiling: Intensity) => {
    if (span) rows.push({ name, first: span[0], last: span[1], phase: 'post-race', ceiling });
  };
  push('post-race flush', table.flush, 'flush');
  push('post-race light', table.light, 'light');
  push('post-race moderate', table.moderate, 'moderate');
  rows.push({ name: 'no limit after the race (off-season)', first: table.open, last: OPEN_END, phase: 'off-season', ceiling: 'deep' });
  return rows;
}

/** The A race's windows in order, from the page's formulas with L and T for the distance. */
function aRows(distance: Distance): Row[] {
  const { L, T } = BLOCK_TABLE[distance];
  const S = -7 * L;
  const baseLast = S + 7 * Math.ceil(L / 2) - 1;
  const rows: Row[] = [
    { name: 'off-season before the block', first: -OPEN_END, last: S - 1, phase: 'off-season', ceiling: 'deep' },
    { name: `base (weeks 1-${Math.ceil(L / 2)})`, first: S, last: baseLast, phase: 'base', ceiling: 'deep' },
    { name: 'peak', first: baseLast + 1, last: -T - 1, phase: 'peak', ceiling: 'deep' },
  ];
  if (-T <= -11) rows.push({ name: 'taper, d <= -11', first: -T, last: -11, phase: 'taper', ceiling: 'moderate' });
  rows.push(
    { name: 'taper, -10 <= d <= -8', first: Math.max(-T, -10), last: -8, phase: 'taper', ceiling: 'light' },
    { name: 'race week, -7 <= d <= -2 (familiar therapist)', first: -7, last: -2, phase: 'race-week', ceiling: 'flush' },
    { name: 'd = -1', first: -1, last: -1, phase: 'race-week', ceiling: 'avoid' },
    { name: 'race day', first: 0, last: 0, phase: 'race-day', ceiling: 'flush' },
    ...postRaceRows(POST_RACE_TABLE[distance]),
  );
  return rows;
}

function bRows(distance: Distance): Row[] {
  return [
    { name: 'before the mini-taper (off-season)', first: -OPEN_END, last: -6, phase: 'off-season', ceiling: 'deep' },
    { name: 'mini-taper, -5 <= d <= -3', first: -5, last: -3, phase: 'race-week', ceiling: 'light' },
    { name: 'mini-taper, -2 <= d <= -1', first: -2, last: -1, phase: 'race-week', ceiling: 'flush' },
    { name: 'race day', first: 0, last: 0, phase: 'race-day', ceiling: 'flush' },
    ...postRaceRows(POST_RACE_TABLE[distance]),
  ];
}

function cRows(distance: Distance): Row[] {
  return [
    { name: 'before the race (off-season)', first: -OPEN_END, last: -2, phase: 'off-season', ceiling: 'deep' },
    // Settled point 5: the eve changes no phase (off-season here), the ceiling is at most moderate.
    { name: 'd = -1 (at most moderate)', first: -1, last: -1, phase: 'off-season', ceiling: 'moderate' },
    { name: 'race day', first: 0, last: 0, phase: 'race-day', ceiling: 'flush' },
    ...postRaceRows(C_POST_RACE_TABLE[distance]),
  ];
}

const ROWS: Record<Priority, (distance: Distance) => Row[]> = { A: aRows, B: bRows, C: cRows };

interface EdgeCase {
  label: string;
  d: number;
  phase: Phase;
  ceiling: Intensity;
}

/**
 * For each window: first and last day in, and the neighbouring window's day just outside.
 * The day just outside one window is the first or last day in its neighbour, and a one-day
 * window's first day is its last: each day is kept once, under every name it was reached by.
 */
function edgeCases(rows: Row[]): EdgeCase[] {
  const byDay = new Map<number, EdgeCase>();
  const add = (label: string, d: number, row: Row) => {
    const known = byDay.get(d);
    if (known) {
      expect([known.phase, known.ceiling], `d=${d} reached as ${label}`).toEqual([row.phase, row.ceiling]);
      known.label += `; ${label}`;
    } else {
      byDay.set(d, { label: `d=${d}: ${label}`, d, phase: row.phase, ceiling: row.ceiling });
    }
  };
  rows.forEach((row, i) => {
    const before = rows[i - 1];
    const after = rows[i + 1];
    if (row.first > -OPEN_END) add(`${row.name}, first day in`, row.first, row);
    if (row.last < OPEN_END) add(`${row.name}, last day in`, row.last, row);
    if (before) add(`${before.name}, just before ${row.name}`, row.first - 1, before);
    if (after) add(`${after.name}, just after ${row.name}`, row.last + 1, after);
  });
  return [...byDay.values()].sort((a, b) => a.d - b.d);
}

describe.each(DST_RACE_DATES)('race on %s', (raceDate) => {
  describe.each(DISTANCES)('%s', (distance) => {
    it('block L and taper T defaults', () => {
      const { L, T } = BLOCK_TABLE[distance];
      expect(BLOCK_DEFAULTS[distance]).toEqual({ weeks: L, taperDays: T });
      const block = planRace(race('a', raceDate, distance, 'A')).block!;
      expect(block.weeks).toBe(L);
      expect(block.taperDays).toBe(T);
      expect(block.baseWeeks).toBe(Math.ceil(L / 2));
    });

    it('post-race table lengths', () => {
      const t = POST_RACE_TABLE[distance];
      const len = (s: Span) => (s ? s[1] - s[0] + 1 : 0);
      expect(POST_RACE_DAYS[distance]).toEqual({ flush: len(t.flush), light: len(t.light), moderate: len(t.moderate) });
    });

    describe.each(['A', 'B', 'C'] as const)('%s race', (priority) => {
      const { L } = BLOCK_TABLE[distance];
      const blockStart = shift(raceDate, -7 * L);
      // Sam treated the client on the first day of the block (and a month before it), so
      // Sam is familiar and the block has a treatment: the tables show their own values.
      const treatments = [treated(shift(blockStart, -30)), treated(blockStart)];
      it.each(edgeCases(ROWS[priority](distance)))('$label', ({ d, phase, ceiling }) => {
        const g = ask({ date: shift(raceDate, d), races: [race('r', raceDate, distance, priority)], treatments });
        expect({ phase: g.phase, ceiling: g.ceiling }).toEqual({ phase, ceiling });
        if (phase !== 'off-season' || ceiling !== 'deep') {
          expect(g.raceId).toBe('r');
          expect(g.daysToRace).toBe(d);
        } else {
          expect(g.raceId).toBeUndefined();
        }
      });
    });

    it('A race: week n = floor((date - S) / 7) + 1, from week 1 on S to week L on the day before the race', () => {
      const { L } = BLOCK_TABLE[distance];
      const races = [race('r', raceDate, distance, 'A')];
      const treatments = [treated(shift(raceDate, -7 * L - 30)), treated(shift(raceDate, -7 * L))];
      const weekAt = (d: number) => ask({ date: shift(raceDate, d), races, treatments }).weekOfBlock;
      expect(weekAt(-7 * L)).toBe(1);
      expect(weekAt(-7 * L + 6)).toBe(1);
      expect(weekAt(-7 * L + 7)).toBe(2);
      expect(weekAt(-8)).toBe(L - 1);
      expect(weekAt(-7)).toBe(L);
      expect(weekAt(-1)).toBe(L);
      expect(weekAt(0)).toBeUndefined();
      expect(weekAt(-7 * L - 1)).toBeUndefined();
      expect(ask({ date: shift(raceDate, -7), races, treatments }).blockWeeks).toBe(L);
    });
  });
});

it('the 16-week marathon gives the seed split: base 1-8, peak 9-14, taper week 15, race week 16', () => {
  const raceDate = '2026-04-26';
  const races = [race('m', raceDate, 'marathon', 'A')];
  const treatments = [treated('2025-12-01'), treated('2026-01-04')];
  const phaseOfWeek = (week: number) =>
    [0, 6].map((day) => ask({ date: shift(raceDate, -112 + 7 * (week - 1) + day), races, treatments }).phase);
  for (let week = 1; week <= 8; week++) expect(phaseOfWeek(week)).toEqual(['base', 'base']);
  for (let week = 9; week <= 14; week++) expect(phaseOfWeek(week)).toEqual(['peak', 'peak']);
  expect(phaseOfWeek(15)).toEqual(['taper', 'taper']);
  expect(phaseOfWeek(16)).toEqual(['race-week', 'race-week']);
});
