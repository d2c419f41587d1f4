import { describe, expect, it } from 'vitest';
import { readDate, readDistance, readDistanceCell, readDurationCell, readDuration, readKind } from '../../electron/services/plan-import/amounts';

// How plan files' words are read (docs/phase-rules.md, "Reading plan files").

const MI = 1.609344;

describe('dates: dd/MM/yyyy or ISO', () => {
  it.each([
    ['16/03/2026', '2026-03-16'],
    ['6/3/2026', '2026-03-06'],
    ['16.03.2026', '2026-03-16'],
    ['Mon 16/03/2026', '2026-03-16'],
    ['2026-03-16', '2026-03-16'],
    ['2026-03-16T07:00:00', '2026-03-16'],
    ['29/02/2028', '2028-02-29'],
  ])('%s → %s', (text, iso) => expect(readDate(text)).toBe(iso));

  it.each(['31/02/2026', '03/25/2026', '2026-13-01', 'next Monday', '16/03/26', ''])('%j cannot be read', (text) => expect(readDate(text)).toBeUndefined());
});

describe('distances', () => {
  it.each([
    ['Long run 32 km', 32, 'km'],
    ['Long run 18 mi', 18 * MI, 'mi'],
    ['8 miles easy', 8 * MI, 'mi'],
    ['1 mile warm-up', MI, 'mi'],
    ['Intervals: 10 x 400m', 4, 'km'],
    ['6x1 mile @ threshold', 6 * MI, 'mi'],
    ['2 km warm-up, 6 x 800m, 2 km cool-down', 8.8, 'km'],
    ['Town 10k', 10, 'km'],
    ['Steady 10,5 km', 10.5, 'km'],
    ['Long run - 32 km', 32, 'km'],
    ['Easy 3-5 km', 5, 'km'],
    ['Planned distance: 12.0 km', 12, 'km'],
    ['Tempo: 3 x 2 km, total 10 km', 10, 'km'],
    ['City Half Marathon', 21.0975, 'km'],
    ['London Marathon', 42.195, 'km'],
  ])('%j → %d', (text, km, unit) => {
    const d = readDistance(text)!;
    expect(d.km).toBeCloseTo(km, 9);
    expect(d.unit).toBe(unit);
  });

  it.each(['-5 km', 'Tempo −6 km'])('%j is negative', (text) => expect(readDistance(text)!.km).toBeLessThan(0));

  it.each(['Marathon pace 8 x 1 min', 'Rest day', 'Easy 45 min', 'Strength 45m'])('%j gives no distance (or only its reps)', (text) => {
    expect(readDistance(text)).toBeUndefined();
  });

  it('a bare number in a distance cell is in the plan’s unit', () => {
    expect(readDistanceCell('18', 'mi')).toEqual({ km: 18 * MI, unit: 'mi' });
    expect(readDistanceCell('18', 'km')).toEqual({ km: 18, unit: 'km' });
    expect(readDistanceCell('12 km', 'mi')).toEqual({ km: 12, unit: 'km' });
    expect(readDistanceCell('-3', 'km')).toEqual({ km: -3, unit: 'km' });
    expect(readDistanceCell('far', 'km')).toBeUndefined();
  });
});

describe('durations', () => {
  it.each([
    ['Easy 45 min', 45],
    ['1h15 steady', 75],
    ['1 hr 30 mins', 90],
    ['2 hours', 120],
    ['Planned duration: 0:50:00', 50],
    ['Duration: 1:15', 75],
  ])('%j → %i minutes', (text, minutes) => expect(readDuration(text)).toBe(minutes));

  it('"10 x 400m" and "fuel at 40" are no durations', () => {
    expect(readDuration('10 x 400m')).toBeUndefined();
    expect(readDuration('fuel at 40')).toBeUndefined();
  });

  it.each([
    ['45', 45],
    ['1:15', 75],
    ['1:15:00', 75],
    ['45:00', 45],
    ['1h15', 75],
  ])('cell %j → %i minutes', (cell, minutes) => expect(readDurationCell(cell)).toBe(minutes));
});

describe('kinds', () => {
  it.each([
    ['Run: Long Run', 'long'],
    ['Long run with last 8 km at MP', 'long'],
    ['Tempo 10 km', 'tempo'],
    ['Marathon pace 16 km', 'tempo'],
    ['Race pace 5 km', 'tempo'],
    ['Hill reps', 'intervals'],
    ['10 x 400m', 'intervals'],
    ['Easy run', 'easy'],
    ['Recovery jog', 'easy'],
    ['Bath Half race', 'race'],
    ['RACE: City Half Marathon', 'race'],
    ['Rest day', 'rest'],
    ['Strength & conditioning', 'cross'],
    ['Recovery swim', 'cross'],
    ['Bike 60 km', 'cross'],
    ['Physio appointment', 'other'],
    ['intervals', 'intervals'],
  ])('%j → %s', (text, kind) => expect(readKind(text)).toBe(kind));

  it('a session with no kind words is a run of no stated kind', () => expect(readKind('Run 8 km')).toBeUndefined());
});
