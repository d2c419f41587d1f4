// Calendar-day arithmetic: exact against Date.UTC, strict about the YYYY-MM-DD form.

import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, formatDate, guidanceFor, isoDateOf } from '../../shared/guidance';

describe('day numbers', () => {
  it('match Date.UTC / 86 400 000 and round-trip for every day from 1900 to 2100', () => {
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const n = dayNumber(iso);
      if (n !== t / 86_400_000 || isoDateOf(n) !== iso) expect([iso, n, isoDateOf(n)]).toEqual([iso, t / 86_400_000, iso]);
    }
  });

  it('add and count calendar days across the 2026 clock changes (London, Sydney, New York)', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', -1)).toBe('2026-10-24');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-10-01', '2026-11-01')).toBe(31);
    expect(daysBetween('2026-04-05', '2026-10-04')).toBe(182);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
  });

  it('formats dd/MM/yyyy', () => {
    expect(formatDate('2026-03-09')).toBe('09/03/2026');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-01', '26-04-01', '2026/04/01', '2026-04-01T00:00', ''])(
    'refuses %j with a message naming the value',
    (bad) => {
      expect(() => dayNumber(bad)).toThrow(RangeError);
      expect(() => guidanceFor({ date: bad, races: [], treatments: [] })).toThrow(/YYYY-MM-DD/);
    },
  );
});
