// The rules that read the treatment history on file, and the soreness override.

import { describe, expect, it } from 'vitest';
import { guidanceFor } from '../../shared/guidance';
import { PHASES } from '../../shared/vocabulary';
import { RANK, ask, dmy, race, shift, treated } from './helpers';

const RACE = '2026-04-26'; // marathon: L 16, T 14, block start 2026-01-04
const BLOCK_START = '2026-01-04';
const marathon = [race('m', RACE, 'marathon', 'A', { name: 'Brighton Marathon' })];
const inBlock = treated(shift(BLOCK_START, 10), 'jo'); // Jo treated in the block; Sam is the one asked about
const raceWeekDay = shift(RACE, -5);

describe('familiar therapist: at least one treatment of this client in the 365 days before the date', () => {
  it.each([
    ['365 days before', -365, 'flush'],
    ['1 day before', -1, 'flush'],
    ['366 days before (too long ago)', -366, 'avoid'],
    ['on the date itself (not before it)', 0, 'avoid'],
    ['after the date (history on file, not yet happened)', 1, 'avoid'],
  ] as const)('Sam treated %s → race week ceiling %s', (_label, offset, ceiling) => {
    const g = ask({ date: raceWeekDay, races: marathon, treatments: [inBlock, treated(shift(raceWeekDay, offset), 'sam')] });
    expect(g.ceiling).toBe(ceiling);
    expect(g.raceId).toBe('m');
    expect(g.ceilingRule).toBe(ceiling === 'avoid' ? 'unfamiliar-therapist' : 'window');
  });

  it('a treatment by another therapist does not make Sam familiar', () => {
    const g = ask({ date: raceWeekDay, races: marathon, treatments: [inBlock] });
    expect(g.ceiling).toBe('avoid');
    expect(g.headline).toContain('Sam has not treated this client in the past year');
  });

  it('familiar: the headline names the therapist and the date they last treated the client', () => {
    const g = ask({ date: raceWeekDay, races: marathon, treatments: [inBlock, treated('2026-03-12', 'sam')], clientName: 'Ana' });
    expect(g.headline).toBe(`Brighton Marathon in 5 days (${dmy(RACE)}): gentle flush only, and only with Sam, who treated Ana on 12/03/2026.`);
  });

  it('no therapist given: assumed unfamiliar (race week → avoid), and the guidance says so', () => {
    const g = guidanceFor({ date: raceWeekDay, races: marathon, treatments: [inBlock, treated('2026-03-12', 'sam')] });
    expect(g.ceiling).toBe('avoid');
    expect(g.ceilingRule).toBe('unfamiliar-therapist');
    expect(g.headline).toContain('no therapist is chosen');
    expect(g.warnings.map((w) => w.code)).toContain('no-therapist-chosen');
  });

  it('no therapist given outside the taper and race week: nothing to say', () => {
    const g = guidanceFor({ date: shift(RACE, -40), races: marathon, treatments: [inBlock] });
    expect(g.ceiling).toBe('deep');
    expect(g.warnings).toEqual([]);
  });
});

describe('taper with an unfamiliar therapist: keep the ceiling, add a warning', () => {
  it.each([-14, -11, -10, -8])('d=%i: ceiling kept, "unfamiliar therapist in the taper: not recommended"', (d) => {
    const unfamiliar = ask({ date: shift(RACE, d), races: marathon, treatments: [inBlock] });
    const familiar = ask({ date: shift(RACE, d), races: marathon, treatments: [inBlock, treated(BLOCK_START, 'sam')] });
    expect(unfamiliar.ceiling).toBe(familiar.ceiling);
    expect(unfamiliar.ceiling).toBe(d <= -11 ? 'moderate' : 'light');
    const warning = unfamiliar.warnings.find((w) => w.code === 'unfamiliar-therapist-taper');
    expect(warning?.message.toLowerCase()).toContain('unfamiliar therapist in the taper: not recommended');
    expect(familiar.warnings.map((w) => w.code)).not.toContain('unfamiliar-therapist-taper');
  });

  it('no warning in peak, the day before the taper', () => {
    const g = ask({ date: shift(RACE, -15), races: marathon, treatments: [inBlock] });
    expect(g.warnings.map((w) => w.code)).not.toContain('unfamiliar-therapist-taper');
  });
});

describe('no treatment logged from the block start up to the date, in the taper or race week → avoid', () => {
  const familiarBeforeBlock = treated(shift(BLOCK_START, -1), 'sam'); // familiar, but before the block

  it.each([-14, -11, -10, -8, -7, -2])('d=%i with no treatment this block → avoid', (d) => {
    const g = ask({ date: shift(RACE, d), races: marathon, treatments: [familiarBeforeBlock] });
    expect(g.ceiling).toBe('avoid');
    expect(g.ceilingRule).toBe('no-treatment-this-block');
    expect(g.raceId).toBe('m');
    expect(g.headline).toBe(`Brighton Marathon ${d === -1 ? 'tomorrow' : `in ${-d} days`} (${dmy(RACE)}): avoid massage, as this client has had no massage this block; skip it rather than add a new stimulus now.`);
    expect(g.reasons[0]).toContain('no massage this block: skip it rather than add a new stimulus now');
  });

  it('a treatment on the block start day counts (first day in)', () => {
    const g = ask({ date: shift(RACE, -14), races: marathon, treatments: [treated(BLOCK_START, 'sam')] });
    expect(g.ceiling).toBe('moderate');
  });

  it('a treatment the day before the block start does not (first day out)', () => {
    expect(ask({ date: shift(RACE, -14), races: marathon, treatments: [familiarBeforeBlock] }).ceiling).toBe('avoid');
  });

  it('a treatment logged on the date itself does not count (only days before it)', () => {
    const date = shift(RACE, -12);
    expect(ask({ date, races: marathon, treatments: [familiarBeforeBlock, treated(date, 'sam')] }).ceiling).toBe('avoid');
    expect(ask({ date, races: marathon, treatments: [familiarBeforeBlock, treated(shift(date, -1), 'sam')] }).ceiling).toBe('moderate');
  });

  it('does not apply in base or peak (last peak day d=-15)', () => {
    expect(ask({ date: shift(RACE, -15), races: marathon, treatments: [] }).ceiling).toBe('deep');
    expect(ask({ date: BLOCK_START, races: marathon, treatments: [] }).ceiling).toBe('deep');
  });

  it('does not apply on race day or after', () => {
    expect(ask({ date: RACE, races: marathon, treatments: [] }).ceiling).toBe('flush');
    expect(ask({ date: shift(RACE, 1), races: marathon, treatments: [] }).ceiling).toBe('flush');
  });

  it('in race week it wins over the familiar-therapist rule in the headline', () => {
    const g = ask({ date: raceWeekDay, races: marathon, treatments: [] });
    expect(g.ceilingRule).toBe('no-treatment-this-block');
    expect(g.reasons.join(' ')).toContain('Sam has not treated this client');
  });
});

describe('soreness override: at most light in any phase', () => {
  const treatments = [treated(shift(BLOCK_START, -20), 'sam'), treated(BLOCK_START, 'sam')];
  const dayIn: Record<(typeof PHASES)[number], string> = {
    'off-season': shift(BLOCK_START, -1),
    base: BLOCK_START,
    peak: shift(RACE, -20),
    taper: shift(RACE, -12),
    'race-week': shift(RACE, -3),
    'race-day': RACE,
    'post-race': shift(RACE, 5),
  };
  it.each(PHASES)('%s', (phase) => {
    const date = dayIn[phase];
    const plain = ask({ date, races: marathon, treatments });
    const sore = ask({ date, races: marathon, treatments, sore: true });
    expect(plain.phase).toBe(phase);
    expect(sore.phase).toBe(phase);
    expect(RANK[sore.ceiling]).toBe(Math.min(RANK[plain.ceiling], RANK.light));
    expect(sore.reasons[0]).toContain('Sore or tender');
  });

  it('when soreness alone sets the ceiling, no race set it', () => {
    const g = ask({ date: shift(RACE, -20), races: marathon, treatments, sore: true });
    expect(g).toMatchObject({ ceiling: 'light', ceilingRule: 'soreness', phase: 'peak', phaseRaceId: 'm' });
    expect(g.raceId).toBeUndefined();
    expect(g.headline).toBe('Sore or tender to the touch today: light / maintenance at most, in peak training for Brighton Marathon (26/04/2026).');
  });

  it('when a race is already at or below light, the race keeps setting it', () => {
    const g = ask({ date: shift(RACE, -3), races: marathon, treatments, sore: true });
    expect(g).toMatchObject({ ceiling: 'flush', ceilingRule: 'window', raceId: 'm' });
  });
});
