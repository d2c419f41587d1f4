// docs/phase-rules.md, "Settled points": one describe per point, with the page's examples.

import { describe, expect, it } from 'vitest';
import { WARNING_CODES, blockSegments, guidanceFor, planRace, type Guidance } from '../../shared/guidance';
import { ask, race, shift, treated } from './helpers';

const codes = (g: Guidance) => g.warnings.map((w) => w.code);

describe('1. block start is always S = race − 7L, even when the block is shorter than the taper', () => {
  // Marathon 2027-04-25, plan start 2027-04-19: L = 1, S = 2027-04-18; the 14-day taper is not stretched.
  const marathon = race('m', '2027-04-25', 'marathon', 'A', { planStart: '2027-04-19' });
  const treatments = [treated('2027-04-15', 't1')];

  it('L = 1 and S = 18/04/2027', () => {
    const block = planRace(marathon).block!;
    expect([block.weeks, block.start, block.taperStart]).toEqual([1, planRace(marathon).raceDay - 7, planRace(marathon).raceDay - 7]);
  });

  it('the page example: treated on 15/04 by t1, date 21/04 with t1 → race week, avoid: no massage this block', () => {
    const g = guidanceFor({ date: '2027-04-21', races: [marathon], treatments, therapistId: 't1' });
    expect(g).toMatchObject({ phase: 'race-week', ceiling: 'avoid', ceilingRule: 'no-treatment-this-block', raceId: 'm', weekOfBlock: 1, blockWeeks: 1 });
    expect(g.headline).toContain('has had no massage this block');
  });

  it('nothing of the race holds a date before S: 17/04 is off-season, 18/04 race week', () => {
    const at = (date: string) => guidanceFor({ date, races: [marathon], treatments, therapistId: 't1' });
    expect(at('2027-04-17')).toMatchObject({ phase: 'off-season', ceiling: 'deep' });
    expect(at('2027-04-18')).toMatchObject({ phase: 'race-week', ceiling: 'avoid' });
  });

  it('no adjustment warning: the short block is what the plan start says', () => {
    expect(codes(guidanceFor({ date: '2027-04-21', races: [marathon], treatments, therapistId: 't1' }))).not.toContain('race-details-adjusted');
  });

  it('the timeline begins at S too', () => {
    const segments = blockSegments(marathon, { familiarTherapist: true });
    expect(segments[0]).toMatchObject({ kind: 'race-week', start: '2027-04-18', end: '2027-04-23' });
  });

  it('a plan start 10 days out: L = 2, S = race − 14; the taper begins at S, with no peak or base', () => {
    const r = race('m', '2027-04-25', 'marathon', 'A', { planStart: '2027-04-15' });
    expect(blockSegments(r, { familiarTherapist: true }).map((s) => [s.kind, s.start])).toEqual([
      ['taper', '2027-04-11'],
      ['taper-cutoff', '2027-04-15'],
      ['race-week', '2027-04-18'],
      ['race-eve', '2027-04-24'],
      ['race-day', '2027-04-25'],
      ['post-race-flush', '2027-04-26'],
      ['post-race-light', '2027-04-29'],
      ['post-race-moderate', '2027-05-03'],
    ]);
  });
});

describe('2. bad overrides are ignored, never stretched, with a race-details-adjusted warning', () => {
  const RACE = '2027-04-25';
  it.each([RACE, shift(RACE, 3)])('a plan start on or after the race (%s): the default 16 weeks', (planStart) => {
    const r = race('m', RACE, 'marathon', 'A', { planStart });
    expect(planRace(r).block!.weeks).toBe(16);
    const g = ask({ date: shift(RACE, -100), races: [r] });
    expect(g).toMatchObject({ phase: 'base', weekOfBlock: 2, blockWeeks: 16 });
    const warning = g.warnings.find((w) => w.code === 'race-details-adjusted')!;
    expect(warning.message).toMatch(/^The marathon on 25\/04\/2027: the plan start \d\d\/\d\d\/2027 is not before the race, so the default 16-week block is used\.$/);
  });

  it.each([0, 6, 29, 14.5, -3])('a taper of %d days: the default 14 days applies', (taperDays) => {
    const r = race('m', RACE, 'marathon', 'A', { taperDays });
    expect(planRace(r).block!.taperDays).toBe(14);
    expect(ask({ date: shift(RACE, -15), races: [r] }).phase).toBe('peak');
    expect(ask({ date: shift(RACE, -14), races: [r], treatments: [treated(shift(RACE, -60))] }).phase).toBe('taper');
    expect(codes(ask({ date: shift(RACE, -15), races: [r] }))).toContain('race-details-adjusted');
  });

  it.each([7, 28])('a taper of %i days is used as given, with no warning', (taperDays) => {
    const r = race('m', RACE, 'marathon', 'A', { taperDays });
    expect(planRace(r).block!.taperDays).toBe(taperDays);
    expect(codes(ask({ date: shift(RACE, -30), races: [r] }))).not.toContain('race-details-adjusted');
  });
});

describe('3. nothing depends on the order races or treatments are listed in', () => {
  // The page example: a 10k A race on 2027-04-18 and a marathon A race on 2027-05-16, 4 weeks apart.
  const tenK = race('tenk', '2027-04-18', '10k', 'A');
  const marathon = race('mara', '2027-05-16', 'marathon', 'A');

  it('date 30/04/2027: the a-races-close warning whichever race is listed first', () => {
    for (const races of [[tenK, marathon], [marathon, tenK]]) {
      expect(codes(ask({ date: '2027-04-30', races }))).toContain('a-races-close');
    }
  });

  it('given from the earlier race’s block start (21/02/2027) to the later race’s day, in both orders', () => {
    for (const races of [[tenK, marathon], [marathon, tenK]]) {
      const warned = (date: string) => codes(ask({ date, races })).includes('a-races-close');
      expect(['2027-02-20', '2027-02-21', '2027-04-18', '2027-05-16', '2027-05-17'].map(warned)).toEqual([false, true, true, true, false]);
    }
  });

  it('the whole result is the same in both orders, as are treatments listed backwards', () => {
    const treatments = [treated('2027-03-01', 'sam'), treated('2027-04-10', 'jo'), treated('2027-04-20', 'sam')];
    for (const date of ['2027-04-12', '2027-04-17', '2027-04-30', '2027-05-10']) {
      const a = ask({ date, races: [tenK, marathon], treatments });
      expect(ask({ date, races: [marathon, tenK], treatments: [...treatments].reverse() })).toEqual(a);
    }
  });

  it('the warning names the earlier race first', () => {
    const g = ask({ date: '2027-04-30', races: [marathon, tenK] });
    expect(g.warnings.find((w) => w.code === 'a-races-close')!.message).toBe(
      'Two goal races less than 6 weeks apart, the 10k on 18/04/2027 and the marathon on 16/05/2027: check with the coach.',
    );
  });
});

describe('4. B race mini-taper: avoid without a familiar therapist; advice names the window’s own ceiling', () => {
  const B_DAY = '2027-06-13';
  const b = race('b', B_DAY, 'half', 'B', { name: 'Riverside Half' });

  it.each([-5, -4, -3, -2, -1])('d=%i with no therapist chosen, or one not familiar: avoid', (d) => {
    const date = shift(B_DAY, d);
    expect(guidanceFor({ date, races: [b], treatments: [treated('2027-05-01', 'jo')] })).toMatchObject({ ceiling: 'avoid', ceilingRule: 'unfamiliar-therapist' });
    expect(ask({ date, races: [b], treatments: [treated('2027-05-01', 'jo')] })).toMatchObject({ ceiling: 'avoid', ceilingRule: 'unfamiliar-therapist' });
  });

  it('with a familiar therapist: light from −5 to −3, flush on −2 and −1', () => {
    const at = (d: number) => ask({ date: shift(B_DAY, d), races: [b], treatments: [treated('2027-05-01', 'sam')] }).ceiling;
    expect([-6, -5, -3, -2, -1].map(at)).toEqual(['deep', 'light', 'light', 'flush', 'flush']);
  });

  it('the booking advice and headline name light from −5 to −3, even when the ceiling is avoid', () => {
    const g = guidanceFor({ date: shift(B_DAY, -4), races: [b], treatments: [] });
    expect(g.ceiling).toBe('avoid');
    expect(g.headline).toContain('light maintenance is OK only with a therapist who has treated this client in the past year');
    expect(g.reasons).toContain('Booking: light maintenance at most, only with a therapist the client knows, or nothing.');
    expect(g.reasons.join(' ')).not.toContain('only a short flush');
  });

  it('and a flush on −2 and −1', () => {
    const g = guidanceFor({ date: shift(B_DAY, -2), races: [b], treatments: [] });
    expect(g.headline).toContain('a gentle flush is OK only with a therapist');
    expect(g.reasons).toContain('Booking: only a short flush with a therapist the client knows, or nothing.');
  });
});

describe('5. a C race’s eve changes no phase; at most moderate, "training race tomorrow"', () => {
  const C_DAY = '2027-03-14';
  const c = race('c', C_DAY, '10k', 'C');
  const goal = race('goal', '2027-05-16', 'marathon', 'A'); // block from 24/01/2027: 13/03 is base, week 7

  it('in an A block: the block phase stays, the ceiling is moderate and set by the C race', () => {
    const g = ask({ date: shift(C_DAY, -1), races: [goal, c], treatments: [treated('2027-02-01')] });
    expect(g).toMatchObject({ phase: 'base', phaseRaceId: 'goal', ceiling: 'moderate', raceId: 'c', window: 'race-eve', weekOfBlock: 7 });
    expect(g.reasons.join(' ')).toContain('training race tomorrow');
  });

  it('outside any block: off-season, moderate', () => {
    const g = ask({ date: shift(C_DAY, -1), races: [c] });
    expect(g).toMatchObject({ phase: 'off-season', ceiling: 'moderate', raceId: 'c' });
    expect(g.headline).toBe('Training race tomorrow (14/03/2027): moderate at most, no deep tissue.');
    expect(g.reasons[0]).toBe('The 10k on 14/03/2027 is a training race tomorrow: moderate at most the day before.');
  });

  it('race day and post-race of a C race give race-day and post-race as before', () => {
    expect(ask({ date: C_DAY, races: [c] })).toMatchObject({ phase: 'race-day', ceiling: 'flush' });
    expect(ask({ date: shift(C_DAY, 1), races: [c] })).toMatchObject({ phase: 'post-race', ceiling: 'flush' });
    expect(ask({ date: C_DAY, races: [goal, c], treatments: [treated('2027-02-01')] })).toMatchObject({ phase: 'base', ceiling: 'flush', raceId: 'c' });
  });
});

describe('6. history means before the date', () => {
  const RACE = '2027-04-25'; // marathon, S = 2027-01-03
  const marathon = [race('m', RACE, 'marathon', 'A')];
  const date = shift(RACE, -5);

  it('a treatment on the date is that day’s session: "no massage before today in this block"', () => {
    const g = ask({ date, races: marathon, treatments: [treated('2026-12-01'), treated(date)] });
    expect(g).toMatchObject({ ceiling: 'avoid', ceilingRule: 'no-treatment-this-block' });
    expect(g.headline).toBe('Race in 5 days (25/04/2027): avoid massage, as this client has had no massage before today in this block; skip it rather than add a new stimulus now.');
    expect([g.headline, ...g.reasons].join(' ')).not.toMatch(/no massage this block/);
  });

  it('without one: "no massage this block"', () => {
    const g = ask({ date, races: marathon, treatments: [treated('2026-12-01')] });
    expect(g.headline).toContain('has had no massage this block');
  });

  it('familiarity reads treatments strictly before the date', () => {
    const block = treated('2027-02-01', 'jo');
    expect(ask({ date, races: marathon, treatments: [block, treated(date, 'sam')] })).toMatchObject({ ceiling: 'avoid', ceilingRule: 'unfamiliar-therapist' });
    expect(ask({ date, races: marathon, treatments: [block, treated(shift(date, -1), 'sam')] })).toMatchObject({ ceiling: 'flush' });
  });
});

describe('7. two A races on the same day: the longer distance is the A race, the other counts as B', () => {
  const DAY = '2027-04-25';
  const tenK = race('tenk', DAY, '10k', 'A', { name: 'Town 10k' });
  const marathon = race('mara', DAY, 'marathon', 'A', { name: 'City Marathon' });

  it.each([
    ['10k listed first', [tenK, marathon]],
    ['marathon listed first', [marathon, tenK]],
  ])('%s: the block is the marathon’s 16 weeks', (_label, races) => {
    const g = ask({ date: shift(DAY, -80), races, treatments: [treated(shift(DAY, -100))] });
    expect(g).toMatchObject({ phase: 'base', phaseRaceId: 'mara', weekOfBlock: 5, blockWeeks: 16 });
    expect(codes(g)).not.toContain('a-races-close');
    expect(g.warnings.find((w) => w.code === 'race-details-adjusted')!.message).toBe(
      'Town 10k (25/04/2027): it is on the same day as City Marathon, the longer goal race, so it counts as a tune-up race.',
    );
  });

  it('the 10k has no block of its own: 8 weeks out is peak of the marathon, not base of a 10k', () => {
    expect(ask({ date: shift(DAY, -50), races: [tenK, marathon], treatments: [treated(shift(DAY, -100))] })).toMatchObject({ phase: 'peak', blockWeeks: 16 });
  });

  it('the timeline draws the 10k as the tune-up race it counts as, given the client’s races', () => {
    expect(blockSegments(tenK, { races: [tenK, marathon] })[0]!.kind).toBe('mini-taper-light');
    expect(blockSegments(marathon, { races: [tenK, marathon] })[0]!.kind).toBe('base');
  });

  it('equal distances: the race with the smaller id stays A, whatever the order', () => {
    const x = race('x', DAY, 'half', 'A', { taperDays: 21 });
    const y = race('y', DAY, 'half', 'A', { taperDays: 10 });
    for (const races of [[x, y], [y, x]]) {
      expect(ask({ date: shift(DAY, -21), races, treatments: [treated(shift(DAY, -50))] })).toMatchObject({ phase: 'taper', phaseRaceId: 'x' });
    }
  });
});

describe('8. warning codes are part of the contract', () => {
  it('the exported list is the page’s six codes', () => {
    expect([...WARNING_CODES].sort()).toEqual(
      ['a-races-close', 'no-therapist-chosen', 'past-taper-cutoff', 'race-details-adjusted', 'tune-up-inside-taper', 'unfamiliar-therapist-taper'].sort(),
    );
  });

  it('each code is given where the page says, and each message is a sentence', () => {
    const goal = race('goal', '2027-05-16', 'marathon', 'A', { taperDays: 40 });
    const tune = race('tune', '2027-05-08', '10k', 'B');
    const other = race('other', '2027-04-18', 'half', 'A');
    const g = guidanceFor({ date: '2027-05-06', races: [goal, tune, other], treatments: [treated('2027-03-01', 'sam')], therapistId: 'jo' });
    const noTherapist = guidanceFor({ date: '2027-05-06', races: [goal], treatments: [treated('2027-03-01', 'sam')] });
    expect(new Set([...codes(g), ...codes(noTherapist)])).toEqual(new Set(WARNING_CODES));
    for (const w of [...g.warnings, ...noTherapist.warnings]) expect(w.message).toMatch(/^[A-Z].*\.$/);
  });
});

describe('9. text: sentences, capitals, nothing said twice, no brackets inside brackets', () => {
  const RACE = '2027-04-25';
  const marathon = race('m', RACE, 'marathon', 'A', { name: 'City Marathon' });

  it('the tune-up warning starts with a capital and names both races without nesting brackets', () => {
    const g = ask({ date: shift(RACE, -20), races: [marathon, race('t', shift(RACE, -9), '10k', 'C')] });
    expect(g.warnings.find((w) => w.code === 'tune-up-inside-taper')!.message).toBe(
      'Tune-up inside taper: check with the coach, as the 10k on 16/04/2027 falls in the taper for City Marathon (25/04/2027).',
    );
  });

  it('"No therapist chosen…" is a warning, not also a reason', () => {
    const g = guidanceFor({ date: shift(RACE, -4), races: [marathon], treatments: [treated(shift(RACE, -30), 'sam')] });
    expect(codes(g)).toContain('no-therapist-chosen');
    const warningTexts = new Set(g.warnings.map((w) => w.message));
    expect(g.reasons.filter((r) => warningTexts.has(r))).toEqual([]);
  });

  it('the soreness headline has no brackets inside brackets', () => {
    const g = ask({ date: shift(RACE, -40), races: [marathon], sore: true });
    expect(g.headline).toBe('Sore or tender to the touch today: light / maintenance at most, in peak training for City Marathon (25/04/2027).');
  });

  it('in the taper with an unfamiliar therapist the headline itself says so', () => {
    const g = ask({ date: shift(RACE, -12), races: [marathon], treatments: [treated(shift(RACE, -60), 'jo')], clientName: 'Ana' });
    expect(g.ceiling).toBe('moderate');
    expect(g.headline).toBe(
      'Taper for City Marathon (25/04/2027), 12 days to go: moderate at most, no deep tissue, familiar therapist and techniques only; Sam has not treated Ana in the past year, and an unfamiliar therapist in the taper is not recommended.',
    );
    expect(codes(g)).toContain('unfamiliar-therapist-taper');
  });

  it('a race entered in lower case still starts each sentence with a capital', () => {
    const g = ask({ date: shift(RACE, -3), races: [race('m', RACE, 'marathon', 'A', { name: 'city marathon' })], treatments: [treated(shift(RACE, -30))] });
    for (const text of [g.headline, ...g.reasons]) expect(text).toMatch(/^[A-Z]/);
  });
});
