import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Client, ClientDetail, PlanDetail, PlanImportResult, PlanPreview, PlanSession, Race, Therapist } from '../../shared/api/types';
import type { Guidance } from '../../shared/guidance';
import { planOfRace, replacePlan } from '../../electron/db/repositories/plans';
import { ALL_ROLES, openTestClinic, type TestClinic } from '../support/clinic';

// Training plans through the real dispatcher and a real database file: the fixtures are
// written the way a spreadsheet (CSV, in miles) and TrainingPeaks (.ics) export a plan.

const FIXTURES = path.join(__dirname, '../fixtures/plans');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

let clinic: TestClinic;
afterEach(() => clinic.close());

async function clinicWithRace(today: string, race: { name: string; date: string; distance: string; priority?: string; planStart?: string }) {
  clinic = openTestClinic({ today });
  const sam = await clinic.call<Therapist>('therapists:create', { name: 'Sam Reid' });
  clinic.actAs({ roles: ALL_ROLES, therapistId: sam.id, name: 'Sam Reid' });
  const client = await clinic.call<Client>('clients:create', { firstName: 'Ana', lastName: 'Silva', usualTherapistId: sam.id });
  const created = await clinic.call<Race>('races:create', { clientId: client.id, ...race });
  return { sam, client, race: created };
}

const hardest = (plan: PlanDetail) => plan.chart.weeks.filter((w) => w.hardest).map((w) => w.week);
const sessionCount = () => (clinic.db.prepare('SELECT count(*) AS n FROM plan_sessions').get() as { n: number }).n;

describe('a spreadsheet plan in miles (CSV)', () => {
  const csv = fixture('spring-marathon-miles.csv');

  it('preview: the columns are guessed from the headers, miles from "Miles"; summaries noted; nothing written', async () => {
    const { race } = await clinicWithRace('2026-03-10', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const preview = await clinic.call<PlanPreview>('plans:preview', { raceId: race.id, format: 'csv', text: csv });
    expect(preview.columns).toEqual(['Week', 'Date', 'Day', 'Session', 'Miles', 'Notes']);
    expect(preview.mapping).toEqual({ date: 1, distance: 4, duration: null, kind: null, title: 3, description: 5 });
    expect(preview.unit).toBe('mi');
    expect(preview.block).toEqual({ start: '2026-01-04', end: '2026-04-26', weeks: 16 });
    expect(preview.errors).toEqual([]);
    expect(preview.notes).toEqual([
      { line: 37, message: 'Line 37: "Week 5 total" is a weekly summary, not a session, so it is left out.' },
      { line: 73, message: 'Line 73: "Week 10 total" is a weekly summary, not a session, so it is left out.' },
    ]);
    expect(preview.sessions).toHaveLength(112);
    expect(preview.sessions[0]).toEqual({ line: 2, date: '2026-01-04', distanceKm: 12.874752, durationMin: null, kind: 'long', title: 'Long run', unit: 'mi' });
    expect(preview.sessions.find((s) => s.line === 5)).toMatchObject({ kind: 'cross', distanceKm: null, durationMin: 45 });
    // "Shake-out … Race tomorrow!": the title decides the kind, so no tune-up is invented.
    expect(preview.suggestedRaces).toEqual([{ line: 81, date: '2026-03-22', title: 'Bath Half race', distanceKm: 21.082406, distance: 'half' }]);
    expect(sessionCount()).toBe(0);
  });

  it('import: hardest weeks 11, 13 and 14; best days after their long runs; loads shown in miles', async () => {
    const { race } = await clinicWithRace('2026-03-10', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const result = await clinic.call<PlanImportResult>('plans:import', { raceId: race.id, format: 'csv', text: csv });
    expect(result.imported).toBe(112);
    expect(result.skipped.map((s) => s.line)).toEqual([37, 73]);
    const plan = await clinic.call<PlanDetail>('plans:get', { id: race.id });
    expect(plan.sessions).toHaveLength(112);
    expect(plan.sessions[0]).toMatchObject({ date: '2026-01-04', distance: 8, unit: 'mi', source: 'csv' });
    expect(plan.chart.unit).toBe('mi');
    // Long run + 5 + 6 + 4 miles a week; week 12 the 13.1-mile Bath Half; week 16 the taper.
    expect(plan.chart.weeks.map((w) => w.load)).toEqual([23, 24, 25, 23, 26, 27, 28, 25, 29, 30, 33, 28.1, 31, 35, 27, 17]);
    expect(hardest(plan)).toEqual([11, 13, 14]);
    expect(plan.chart.weeks.filter((w) => w.hardest).map((w) => [w.longestRun?.amount, w.bestDays])).toEqual([
      ['18 mi', ['2026-03-16', '2026-03-17']],
      ['16 mi', ['2026-03-30', '2026-03-31']],
      ['20 mi', ['2026-04-06', '2026-04-07']],
    ]);
    expect(plan.chart.suggestedRaces).toEqual([{ date: '2026-03-22', title: 'Bath Half race', distanceKm: 21.082406, distance: 'half' }]);
  });

  it('the client page’s guidance books the peak session on the best days', async () => {
    const { race, client, sam } = await clinicWithRace('2026-03-10', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    await clinic.call('treatments:log', { clientId: client.id, therapistId: sam.id, date: '2026-02-28', intensity: 'deep' });
    const before = (await clinic.call<ClientDetail>('clients:get', { id: client.id })).guidance;
    expect(before.due).toMatchObject({ kind: 'peak-session', by: '2026-03-14', message: 'Next session due by 14/03/2026.' });

    await clinic.call('plans:import', { raceId: race.id, format: 'csv', text: csv });
    const after = (await clinic.call<ClientDetail>('clients:get', { id: client.id })).guidance;
    expect(after.due).toEqual({
      kind: 'peak-session',
      by: '2026-03-16',
      overdueFrom: '2026-03-22',
      raceId: String(race.id),
      bestDays: ['2026-03-16', '2026-03-17'],
      message: 'Best days: Mon 16/03 or Tue 17/03, after the 18 mi long run.',
    });
    const forTreatment = await clinic.call<Guidance>('guidance:forClient', { clientId: client.id, date: '2026-03-10', therapistId: sam.id });
    expect(forTreatment.due).toEqual(after.due);
  });
});

describe('a TrainingPeaks-style calendar (.ics)', () => {
  const ics = fixture('city-half-trainingpeaks.ics');
  const half = { name: 'City Half', date: '2026-06-14', distance: 'half' };

  it('preview: one session per event, distances from the titles and descriptions, week-long summaries noted', async () => {
    const { race } = await clinicWithRace('2026-03-02', half);
    const preview = await clinic.call<PlanPreview>('plans:preview', { raceId: race.id, format: 'ics', text: ics });
    expect(preview.errors).toEqual([]);
    expect(preview.mapping).toBeNull();
    expect(preview.notes).toEqual([
      { line: 314, message: 'Line 314: "Training week 5: 36 km" is a weekly summary, not a session, so it is left out.' },
      { line: 567, message: 'Line 567: "Training week 9: 40 km" is a weekly summary, not a session, so it is left out.' },
    ]);
    expect(preview.sessions).toHaveLength(72);
    expect(preview.sessions.slice(0, 3)).toEqual([
      { line: 8, date: '2026-03-22', distanceKm: 12, durationMin: null, kind: 'long', title: 'Long Run 12 km', unit: 'km' },
      // "Intervals: 10 x 400m", with "Planned distance: 8.0 km" (warm-up and cool-down included) in a folded description.
      { line: 18, date: '2026-03-24', distanceKm: 8, durationMin: 50, kind: 'intervals', title: 'Intervals: 10 x 400m', unit: 'km' },
      { line: 29, date: '2026-03-25', distanceKm: null, durationMin: 40, kind: 'cross', title: 'Strength & Mobility', unit: 'km' },
    ]);
    // The UTC-timed event (06:30Z) keeps its calendar day.
    expect(preview.sessions.find((s) => s.title === 'Long Run 12 km' && s.date === '2026-04-12')).toBeDefined();
    expect(preview.suggestedRaces).toEqual([{ line: 486, date: '2026-05-16', title: 'Town 10K race', distanceKm: 10, distance: '10k' }]);
  });

  it('import: hardest weeks 7 to 10 (8, 9, 10 the top three, 7 within 90 %); best days after each long run', async () => {
    const { race } = await clinicWithRace('2026-03-02', half);
    await clinic.call('plans:import', { raceId: race.id, format: 'ics', text: ics });
    const plan = await clinic.call<PlanDetail>('plans:get', { id: race.id });
    expect(plan.chart.weeks.map((w) => w.load)).toEqual([33, 34, 35, 33, 36, 37, 39, 40, 40, 42, 35, 21]);
    expect(hardest(plan)).toEqual([7, 8, 9, 10]);
    expect(plan.chart.weeks.filter((w) => w.hardest).map((w) => [w.longestRun?.date, w.longestRun?.amount, w.bestDays])).toEqual([
      ['2026-05-03', '18 km', ['2026-05-04', '2026-05-05']],
      ['2026-05-10', '14 km', ['2026-05-11', '2026-05-12']],
      ['2026-05-17', '19 km', ['2026-05-18', '2026-05-19']],
      ['2026-05-24', '21 km', ['2026-05-25', '2026-05-26']],
    ]);
    expect(new Set(plan.sessions.map((s) => s.source))).toEqual(new Set(['ics']));
  });

  it('guidance on 06/05, 16 days after the last session: the best days of week 8', async () => {
    const { race, client, sam } = await clinicWithRace('2026-05-06', half);
    await clinic.call('treatments:log', { clientId: client.id, therapistId: sam.id, date: '2026-04-20', intensity: 'deep' });
    await clinic.call('plans:import', { raceId: race.id, format: 'ics', text: ics });
    const g = await clinic.call<Guidance>('guidance:forClient', { clientId: client.id, date: '2026-05-06', therapistId: sam.id });
    expect(g.phase).toBe('peak');
    expect(g.due).toMatchObject({ by: '2026-05-11', overdueFrom: '2026-05-12', message: 'Best days: Mon 11/05 or Tue 12/05, after the 14 km long run.' });
  });
});

describe('bad files: errors with line numbers, and nothing imported until fixed or excluded', () => {
  const BAD_CSV = [
    'Date,Session,Distance',
    '05/01/2026,Easy,8 km', // line 2: fine
    '31/02/2026,Long run,20 km', // line 3: no such date
    '01/12/2025,Easy,5 km', // line 4: before the block (S = 04/01/2026)
    '06/01/2026,Tempo,-5 km', // line 5: negative
    '03/05/2026,Recovery jog,4 km', // line 6: after the race
    'soon,Long run,18 km', // line 7: not a date
  ].join('\n');

  it('preview lists each bad line with what is wrong', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const preview = await clinic.call<PlanPreview>('plans:preview', { raceId: race.id, format: 'csv', text: BAD_CSV });
    expect(preview.errors).toEqual([
      { line: 3, message: 'Line 3: the date "31/02/2026" cannot be read; write it as dd/mm/yyyy or yyyy-mm-dd.' },
      { line: 4, message: 'Line 4: 01/12/2025 is before the block for Spring Marathon starts on 04/01/2026.' },
      { line: 5, message: 'Line 5: the distance -5 km is negative.' },
      { line: 6, message: 'Line 6: 03/05/2026 is after the race on 26/04/2026.' },
      { line: 7, message: 'Line 7: the date "soon" cannot be read; write it as dd/mm/yyyy or yyyy-mm-dd.' },
    ]);
    expect(preview.sessions.map((s) => s.line)).toEqual([2]);
  });

  it('import is refused, naming the lines, and the plan on file is left as it was', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    await clinic.call('plans:import', { raceId: race.id, format: 'csv', text: 'Date,Session,Distance\n10/01/2026,Long run,16 km\n' });
    const refused = await clinic.dispatch('plans:import', { raceId: race.id, format: 'csv', text: BAD_CSV });
    expect(refused).toMatchObject({ ok: false, code: 'invalid' });
    if (refused.ok) return;
    expect(refused.message).toMatch(/^The plan has 5 lines that cannot be imported, so nothing was imported\. Line 3: .* Fix the file, or leave those lines out, and import again\.$/);
    expect(Object.keys(refused.fields ?? {})).toEqual(['lines.3', 'lines.4', 'lines.5', 'lines.6', 'lines.7']);
    expect(planOfRace(clinic.db, race.id).map((s) => [s.date, s.distanceKm])).toEqual([['2026-01-10', 16]]);
  });

  it('with the bad lines excluded, the rest imports', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const result = await clinic.call<PlanImportResult>('plans:import', { raceId: race.id, format: 'csv', text: BAD_CSV, exclude: [3, 4, 5, 6, 7] });
    expect(result.imported).toBe(1);
    expect(result.skipped.map((s) => s.message)).toContain('Line 5: left out, as asked.');
    expect(planOfRace(clinic.db, race.id)).toHaveLength(1);
  });

  it('an .ics error names the line of its BEGIN:VEVENT', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const text = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Garmin Connect//EN',
      'BEGIN:VEVENT', 'UID:a', 'DTSTART;VALUE=DATE:20260301', 'SUMMARY:Long run 26 km', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:b', 'DTSTART;VALUE=DATE:20251201', 'SUMMARY:Easy 8 km', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:c', 'DTSTART;VALUE=DATE:20260303', 'SUMMARY:Tempo -6 km', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:d', 'DTSTART;VALUE=DATE:20260231', 'SUMMARY:Easy 5 km', 'END:VEVENT', // no 31 February (ical.js alone would roll it to 3 March)
      'END:VCALENDAR',
    ].join('\r\n');
    const preview = await clinic.call<PlanPreview>('plans:preview', { raceId: race.id, format: 'ics', text });
    expect(preview.errors).toEqual([
      { line: 9, message: 'Line 9: 01/12/2025 is before the block for Spring Marathon starts on 04/01/2026.' },
      { line: 14, message: 'Line 14: the distance -6 km is negative.' },
      { line: 19, message: 'Line 19: the date "2026-02-31" cannot be read; write it as dd/mm/yyyy or yyyy-mm-dd.' },
    ]);
    expect(preview.sessions.map((s) => [s.line, s.distanceKm, s.kind])).toEqual([[4, 26, 'long']]);
  });

  it('a file that is not a calendar, or not CSV, says so', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const notIcs = await clinic.call<PlanPreview>('plans:preview', { raceId: race.id, format: 'ics', text: 'Date,Distance\n01/02/2026,5' });
    expect(notIcs.errors[0]!.message).toMatch(/^Line 1: the file could not be read as an iCalendar file/);
    const noDates = await clinic.call<PlanPreview>('plans:preview', { raceId: race.id, format: 'csv', text: 'Session,Distance\nEasy,5 km' });
    expect(noDates.errors).toEqual([{ line: 1, message: 'Line 1: no column holds the dates. Choose the date column in the mapping.' }]);
  });
});

describe('column mapping and units', () => {
  const text = ['When;What;How far;Notes', '12/01/2026;Long;10;steady', '14/01/2026;Intervals 6 x 800m;;track'].join('\n');

  it('guesses what it can; a given mapping and unit win', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const guessed = await clinic.call<PlanPreview>('plans:preview', { raceId: race.id, format: 'csv', text });
    expect(guessed.mapping).toEqual({ date: 0, distance: 2, duration: null, kind: null, title: 1, description: 3 });
    expect([guessed.unit, guessed.sessions[0]!.distanceKm]).toEqual(['km', 10]);
    const mapped = await clinic.call<PlanPreview>('plans:preview', {
      raceId: race.id, format: 'csv', text, unit: 'mi',
      mapping: { date: 0, distance: 2, duration: null, kind: null, title: 1, description: null },
    });
    expect(mapped.sessions.map((s) => [s.date, s.distanceKm, s.unit, s.kind])).toEqual([
      ['2026-01-12', 16.09344, 'mi', 'long'],
      ['2026-01-14', 4.8, 'km', 'intervals'], // an empty distance cell: read from the title, in the unit written there
    ]);
  });

  it('a file with no header row: dates, distances and titles found by what the cells hold', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const preview = await clinic.call<PlanPreview>('plans:preview', { raceId: race.id, format: 'csv', text: '2026-01-12,Long run,20 km\n2026-01-14,10 x 400m,6 km\n' });
    expect(preview.columns).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(preview.sessions.map((s) => [s.line, s.date, s.distanceKm, s.kind])).toEqual([
      [1, '2026-01-12', 20, 'long'],
      [2, '2026-01-14', 6, 'intervals'],
    ]);
  });
});

describe('a 200-session plan', () => {
  /** An ultra with a 20-week block (S = 07/06/2026): 200 sessions, some days with two. */
  function ultraCsv(badLine?: number): string {
    const rows = ['Date,Session,Distance (km)'];
    for (let i = 0; i < 200; i++) {
      const date = new Date(Date.UTC(2026, 5, 7) + Math.floor((i * 139) / 200) * 86_400_000).toISOString().slice(0, 10);
      const line = i + 2;
      rows.push(`${date},${i % 7 === 0 ? 'Long run' : 'Easy'},${line === badLine ? -3 : 5 + (i % 7 === 0 ? 20 : i % 5)}`);
    }
    return rows.join('\n');
  }

  it('imports in one transaction: all 200 sessions, or (with one bad row) none', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Mountain Ultra', date: '2026-10-25', distance: 'ultra' });
    const result = await clinic.call<PlanImportResult>('plans:import', { raceId: race.id, format: 'csv', text: ultraCsv() });
    expect(result.imported).toBe(200);
    expect(sessionCount()).toBe(200);
    const before = planOfRace(clinic.db, race.id);

    const refused = await clinic.dispatch('plans:import', { raceId: race.id, format: 'csv', text: ultraCsv(151) });
    expect(refused).toMatchObject({ ok: false, fields: { 'lines.151': 'Line 151: the distance -3 km is negative.' } });
    expect(planOfRace(clinic.db, race.id)).toEqual(before);
  });

  it('a row the database refuses half-way rolls the whole replacement back', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Mountain Ultra', date: '2026-10-25', distance: 'ultra' });
    await clinic.call('plans:import', { raceId: race.id, format: 'csv', text: ultraCsv() });
    const before = planOfRace(clinic.db, race.id);
    const sessions = before.map((s) => ({ ...s, distanceKm: (s.distanceKm ?? 0) + 1 }));
    sessions[150] = { ...sessions[150]!, distanceKm: -1 }; // the CHECK refuses it after 150 inserts
    expect(() => replacePlan(clinic.db, race.id, sessions, 'csv')).toThrow(/CHECK constraint/);
    expect(planOfRace(clinic.db, race.id)).toEqual(before);
  });
});

describe('sessions by hand', () => {
  it('adds in miles (stored in km, shown as written), edits, removes', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const added = await clinic.call<PlanSession>('plans:addSession', { raceId: race.id, date: '2026-03-15', distance: 18, unit: 'mi', kind: 'long', title: 'Long run' });
    expect(added).toMatchObject({ raceId: race.id, distanceKm: 28.968192, distance: 18, unit: 'mi', kind: 'long', source: 'hand' });
    const edited = await clinic.call<PlanSession>('plans:updateSession', { id: added.id, date: '2026-03-14', distance: 30, unit: 'km', kind: 'long', title: 'Long run' });
    expect(edited).toMatchObject({ date: '2026-03-14', distanceKm: 30, distance: 30, unit: 'km' });
    const timed = await clinic.call<PlanSession>('plans:addSession', { raceId: race.id, date: '2026-03-17', durationMin: 45, kind: 'easy' });
    expect(timed).toMatchObject({ distanceKm: null, durationMin: 45 });
    expect((await clinic.call<PlanDetail>('plans:get', { id: race.id })).sessions.map((s) => s.date)).toEqual(['2026-03-14', '2026-03-17']);
    expect(await clinic.call('plans:removeSession', { id: added.id })).toEqual({ id: added.id });
    expect(planOfRace(clinic.db, race.id).map((s) => s.id)).toEqual([timed.id]);
  });

  it.each([
    ['a date before the block', { date: '2025-12-01', distance: 5 }, 'date', /^Date: The plan for Spring Marathon runs from 04\/01\/2026 to the race on 26\/04\/2026/],
    ['a date after the race', { date: '2026-04-27', distance: 5 }, 'date', /choose a date in that span/],
    ['a negative distance', { date: '2026-03-01', distance: -5 }, 'distance', /^Distance: must be more than 0\.$/],
    ['a run with neither distance nor duration', { date: '2026-03-01', kind: 'easy' }, 'distance', /^Distance: Give a distance or a duration for a run\.$/],
  ])('refuses %s, next to the field', async (_what, fields, field, message) => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const refused = await clinic.dispatch('plans:addSession', { raceId: race.id, ...fields });
    expect(refused).toMatchObject({ ok: false, code: 'invalid' });
    if (!refused.ok) {
      expect(refused.message).toMatch(message);
      expect(Object.keys(refused.fields ?? {})).toContain(field);
    }
    expect(sessionCount()).toBe(0);
  });

  it.each([
    ['a date before the block', { date: '2026-01-03', distance: 30 }, 'date', /^Date: The plan for Spring Marathon runs from 04\/01\/2026 to the race on 26\/04\/2026: choose a date in that span\.$/],
    ['a date after the race', { date: '2026-05-01', distance: 30 }, 'date', /choose a date in that span/],
    ['a negative distance', { date: '2026-03-15', distance: -30 }, 'distance', /^Distance: must be more than 0\.$/],
    ['a negative duration', { date: '2026-03-15', durationMin: -60 }, 'durationMin', /^Duration: must be more than 0 minutes\.$/],
    ['a run left with neither distance nor duration', { date: '2026-03-15', kind: 'long' }, 'distance', /^Distance: Give a distance or a duration for a run\.$/],
  ])('an edit with %s is refused next to the field, and the session stays as it was', async (_what, fields, field, message) => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const session = await clinic.call<PlanSession>('plans:addSession', { raceId: race.id, date: '2026-03-15', distance: 18, unit: 'mi', kind: 'long', title: 'Long run' });
    const before = planOfRace(clinic.db, race.id);
    const refused = await clinic.dispatch('plans:updateSession', { id: session.id, unit: 'km', title: 'Long run', ...fields });
    expect(refused).toMatchObject({ ok: false, code: 'invalid' });
    if (!refused.ok) {
      expect(refused.message).toMatch(message);
      expect(Object.keys(refused.fields ?? {})).toEqual([field]);
    }
    expect(planOfRace(clinic.db, race.id)).toEqual(before);
  });

  it('an edit of a session that is gone is not found, and adds nothing', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const session = await clinic.call<PlanSession>('plans:addSession', { raceId: race.id, date: '2026-03-15', distance: 30, kind: 'long' });
    await clinic.call('plans:removeSession', { id: session.id });
    expect(await clinic.dispatch('plans:updateSession', { id: session.id, date: '2026-03-15', distance: 32 })).toMatchObject({ ok: false, code: 'not-found' });
    expect(sessionCount()).toBe(0);
  });

  it('a rest day needs no distance; an unknown session or race is not found', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    await clinic.call('plans:addSession', { raceId: race.id, date: '2026-03-02', kind: 'rest', title: 'Rest' });
    expect(await clinic.dispatch('plans:removeSession', { id: 999 })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await clinic.dispatch('plans:get', { id: 999 })).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('a race with no plan: an empty chart over its block', async () => {
    const { race } = await clinicWithRace('2026-03-02', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    const plan = await clinic.call<PlanDetail>('plans:get', { id: race.id });
    expect(plan.sessions).toEqual([]);
    expect(plan.block).toEqual({ start: '2026-01-04', end: '2026-04-26', weeks: 16 });
    expect(plan.chart.weeks).toHaveLength(16);
    expect(plan.chart.weeks.every((w) => w.load === 0 && !w.hardest)).toBe(true);
  });
});

describe('the recall list with a plan', () => {
  it('keeps an overdue peak client whose next best day is still ahead', async () => {
    const { race, client, sam } = await clinicWithRace('2026-03-06', { name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
    await clinic.call('treatments:log', { clientId: client.id, therapistId: sam.id, date: '2026-02-10', intensity: 'deep' });
    await clinic.call('plans:import', { raceId: race.id, format: 'csv', text: fixture('spring-marathon-miles.csv') });
    const due = (await clinic.call<ClientDetail>('clients:get', { id: client.id })).guidance.due!;
    expect(due.by > '2026-03-06').toBe(true); // the next best day lies ahead...
    expect(due.overdueFrom).toBe('2026-03-04'); // ...but the session is overdue already
    const recall = await clinic.call<{ clientId: number; overdue: boolean }[]>('recall:list');
    expect(recall).toEqual([expect.objectContaining({ clientId: client.id, overdue: true })]);
  });
});
