import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/services/context';
import { fillSampleClinic } from '../../scripts/sample/clinic';
import { openTestClinic, type TestClinic } from '../support/clinic';

// The Races screen groups runners by event, so in the sample clinic an event (Brighton
// Marathon, say) falls on one date a year, as a real one does: never three dates for one name.

let clinic: TestClinic | undefined;
afterEach(() => clinic?.close());

const eventsOnSeveralDates = (today: string, seed: number) => {
  clinic = openTestClinic({ today });
  fillSampleClinic({ db: clinic.db, ...fixedClock(today) }, { seed });
  const races = clinic.db.prepare('SELECT count(*) FROM races').pluck().get() as number;
  const offenders = clinic.db
    .prepare(
      `SELECT name, substr(date, 1, 4) AS year, group_concat(DISTINCT date) AS dates FROM races
       GROUP BY name, year HAVING count(DISTINCT date) <> 1 ORDER BY name, year`,
    )
    .all();
  return { races, offenders };
};

describe('sample clinic events', () => {
  it.each([
    ['2026-03-02', 2026], // the e2e's today and the default seed
    ['2026-12-20', 7], // a year's turn: the same event in two years is two events
  ])('have one date per event and year (today %s, seed %i)', (today, seed) => {
    const { races, offenders } = eventsOnSeveralDates(today, seed);
    expect(races).toBeGreaterThan(60);
    expect(offenders).toEqual([]);
  });
});
