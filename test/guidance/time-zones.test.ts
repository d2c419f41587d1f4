// This file runs once per time-zone project (vitest.config.mts). The engine works on
// calendar days, so every result must be identical in London, Sydney and New York,
// including across each zone's 2026 clock changes.

import { describe, expect, it } from 'vitest';
import { guidanceFor, type GuidanceQuery, type PlanSessionInput } from '../../shared/guidance';
import { ask, race, shift, treated } from './helpers';

/** UTC offset (minutes, as getTimezoneOffset gives it) in January and July 2026. */
const OFFSETS: Record<string, [january: number, july: number]> = {
  'Europe/London': [0, -60],
  'Australia/Sydney': [-660, -600],
  'America/New_York': [300, 240],
};

it('the project time zone really is in force in this worker', () => {
  const zone = process.env.TZ ?? '';
  expect(Object.keys(OFFSETS)).toContain(zone);
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
  expect([new Date(2026, 0, 1).getTimezoneOffset(), new Date(2026, 6, 1).getTimezoneOffset()]).toEqual(OFFSETS[zone]);
});

describe('races on the Sundays of the 2026 clock changes keep their boundaries', () => {
  // Europe/London: 29/03 (spring) and 25/10 (autumn); Sydney: 05/04 and 04/10; New York: 08/03 and 01/11.
  it.each(['2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04', '2026-03-08', '2026-11-01'])('A marathon on %s', (raceDate) => {
    const races = [race('m', raceDate, 'marathon', 'A')];
    const treatments = [treated(shift(raceDate, -200)), treated(shift(raceDate, -112))]; // familiar; treated on S
    const at = (d: number) => {
      const g = ask({ date: shift(raceDate, d), races, treatments });
      return `${g.phase}/${g.ceiling}`;
    };
    expect([-113, -112, -57, -56, -15, -14, -11, -10, -8, -7, -2, -1, 0, 1, 3, 4, 7, 8, 13, 14].map(at)).toEqual([
      'off-season/deep',
      'base/deep',
      'base/deep',
      'peak/deep',
      'peak/deep',
      'taper/moderate',
      'taper/moderate',
      'taper/light',
      'taper/light',
      'race-week/flush',
      'race-week/flush',
      'race-week/avoid',
      'race-day/flush',
      'post-race/flush',
      'post-race/flush',
      'post-race/light',
      'post-race/light',
      'post-race/moderate',
      'post-race/moderate',
      'off-season/deep',
    ]);
  });

  it('a B 10k on the London spring change and a C half on the autumn change', () => {
    const races = [race('b', '2026-03-29', '10k', 'B'), race('c', '2026-10-25', 'half', 'C')];
    const at = (date: string) => ask({ date, races, treatments: [treated('2026-01-10')] }).ceiling;
    expect(['2026-03-23', '2026-03-24', '2026-03-26', '2026-03-27', '2026-03-29', '2026-03-30', '2026-03-31', '2026-04-04'].map(at)).toEqual(
      ['deep', 'light', 'light', 'flush', 'flush', 'flush', 'light', 'deep'],
    );
    expect(['2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27', '2026-10-29', '2026-10-31', '2026-11-01'].map(at)).toEqual(
      ['deep', 'moderate', 'flush', 'flush', 'light', 'moderate', 'moderate', 'deep'],
    );
  });
});

/** A weekly plan for the autumn ultra: long runs on Saturdays growing to 40 km, two midweek runs. */
function autumnPlan(): PlanSessionInput[] {
  const sessions: PlanSessionInput[] = [];
  for (let week = 0; week < 18; week++) {
    const saturday = shift('2026-06-20', 7 * week);
    sessions.push(
      { date: saturday, distanceKm: 16 + ((week * 7) % 25), kind: 'long', unit: week % 2 === 0 ? 'km' : 'mi' },
      { date: shift(saturday, 3), distanceKm: 10, kind: 'easy' },
      { date: shift(saturday, 5), durationMin: 50, kind: 'tempo' },
    );
  }
  return sessions;
}

/** FNV-1a over the guidance for every day from 01/01/2026 to 31/12/2026 for a busy client. */
function yearDigest(): { digest: string; bestDayDays: number } {
  const query: Omit<GuidanceQuery, 'date'> = {
    races: [
      race('spring', '2026-03-29', 'marathon', 'A'),
      race('tune', '2026-03-08', 'half', 'B'),
      race('run', '2026-06-14', '10k', 'C'),
      race('autumn', '2026-10-25', 'ultra', 'A', { planStart: '2026-06-20', taperDays: 18, plan: autumnPlan() }),
      race('late', '2026-11-01', '5k', 'B'),
    ],
    treatments: [treated('2025-11-02'), treated('2026-01-05', 'jo'), treated('2026-02-14'), treated('2026-04-20'), treated('2026-07-01', 'jo'), treated('2026-09-30')],
    therapistId: 'sam',
  };
  let hash = 0x811c9dc5;
  let bestDayDays = 0;
  for (let date = '2026-01-01'; date <= '2026-12-31'; date = shift(date, 1)) {
    const g = guidanceFor({ ...query, date });
    const line = [date, g.phase, g.ceiling, g.raceId, g.daysToRace, g.weekOfBlock, g.due?.kind, g.due?.by, g.due?.bestDays?.join(), g.due?.message, g.warnings.map((w) => w.code).join()].join('|');
    for (let i = 0; i < line.length; i++) hash = Math.imul(hash ^ line.charCodeAt(i), 0x01000193) >>> 0;
    if (g.due?.bestDays) bestDayDays++;
  }
  return { digest: hash.toString(16), bestDayDays };
}

it('a whole year of guidance is identical in every time zone', () => {
  const { digest, bestDayDays } = yearDigest();
  expect(digest).toBe(YEAR_DIGEST);
  expect(bestDayDays).toBeGreaterThan(20); // the plan's best days are part of what is compared
});

// Computed once (with the plan-aware engine of issue 12); any zone-dependent arithmetic would
// change it in some project.
const YEAR_DIGEST = '61f86473';
