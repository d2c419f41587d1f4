import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/services/context';
import { fillSampleClinic } from '../../scripts/sample/clinic';
import type { ClientDetail, ClientPage } from '../../shared/api/types';
import { openTestClinic, type TestClinic } from '../support/clinic';

// The client list and the client page ask the engine the same question (today, with the usual
// therapist), so for every client of the sample clinic they show the same phase and ceiling.

const TODAY = '2026-03-02';
let clinic: TestClinic;
beforeEach(() => {
  clinic = openTestClinic({ today: TODAY });
  fillSampleClinic({ db: clinic.db, ...fixedClock(TODAY) });
});
afterEach(() => clinic.close());

describe('client list and client page', () => {
  it('agree on phase and ceiling for every sample client', async () => {
    const list = await clinic.call<ClientPage>('clients:search', { query: '', limit: 500 });
    expect(list.rows.length).toBe(60);
    const disagreements: string[] = [];
    for (const row of list.rows) {
      const page = await clinic.call<ClientDetail>('clients:get', { id: row.id });
      if (page.guidance.phase !== row.phase || page.guidance.ceiling !== row.ceiling) {
        disagreements.push(`${row.lastName}: list ${row.phase}/${row.ceiling}, page ${page.guidance.phase}/${page.guidance.ceiling}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('covers the case that used to differ: a client in race week with the usual therapist', async () => {
    const list = await clinic.call<ClientPage>('clients:search', { query: '', limit: 500 });
    const raceWeek = list.rows.filter((r) => r.phase === 'race-week');
    expect(raceWeek.length).toBeGreaterThan(0);
    expect(raceWeek.some((r) => r.ceiling === 'flush')).toBe(true);
  });
});
