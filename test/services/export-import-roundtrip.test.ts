import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, expect, it } from 'vitest';
import type { ClientImportPreviewResult, ClientImportResult } from '../../shared/api/client-import';
import type { Client } from '../../shared/api/types';
import { exportClinic } from '../../electron/services/export/clinic-export';
import { fixedClock } from '../../electron/services/context';
import { fillSampleClinic } from '../../scripts/sample/clinic';
import { makeDataDir, openTestClinic, type TestClinic } from '../support/clinic';

// The export's clients.csv and races.csv import back into an empty clinic and give the same
// clients and races (issue 15): the sample clinic, plus clients whose details need care in CSV
// (commas, quotes, line breaks, other scripts, hotspots, consent), an archived client and a
// removed race. Therapists are not imported, so a usual therapist does not come back.

const TODAY = '2026-03-02';
const opened: TestClinic[] = [];
let out = '';
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

function clinicAt(today: string): TestClinic {
  const clinic = openTestClinic({ today });
  opened.push(clinic);
  return clinic;
}

/** Every client as a person would compare them: their details, whether archived, and their races on file. */
function clinicContents(clinic: TestClinic): unknown[] {
  const clients = clinic.db.prepare(`
    SELECT id, first_name, last_name, date_of_birth, phone, email, emergency_contact_name, emergency_contact_phone, gp,
      medical_alerts, hotspots, consent_treatment, consent_data, consent_date, notes, archived_at IS NOT NULL AS archived
    FROM clients`).all() as ({ id: number } & Record<string, unknown>)[];
  const races = clinic.db.prepare(`
    SELECT client_id, name, date, distance, distance_km, priority, plan_start, taper_days, goal_time, notes
    FROM races WHERE removed_at IS NULL ORDER BY date, name`).all() as ({ client_id: number } & Record<string, unknown>)[];
  return clients
    .map(({ id, ...client }) => ({ ...client, races: races.filter((r) => r.client_id === id).map(({ client_id: _c, ...race }) => race) }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

it('a sample clinic exported and imported into an empty clinic has the same clients and races', async () => {
  const source = clinicAt(TODAY);
  fillSampleClinic({ db: source.db, ...fixedClock(TODAY) });
  const tricky = await source.call<Client>('clients:create', {
    firstName: 'Mo "The Rocket"', lastName: "O'Brien, Jr", dateOfBirth: '1979-12-31', notes: 'First line\nsecond line, with a comma\r\nthird "quoted" line',
    emergencyContactName: '王小明', emergencyContactPhone: '+44 20 7946 0000', hotspots: ['left calf', 'ITB, right'],
    consentTreatment: true, consentData: true, consentDate: '2025-11-03', gp: 'Dr Ng; Leeds', medicalAlerts: 'Asthma: inhaler "blue"',
  });
  const gone = await source.call<Client>('clients:create', { firstName: 'Zoë', lastName: 'Łukasiewicz-Ó Briain', email: 'zoe@example.org' });
  await source.call('races:create', { clientId: tricky.id, name: 'Parkrun, Heaton', date: '2026-03-21', distance: '5k', priority: 'C', goalTime: '19:59' });
  await source.call('races:create', { clientId: tricky.id, name: 'Lakeland 100', date: '2026-07-24', distance: 'ultra-long', distanceKm: 168, taperDays: 21, planStart: '2026-02-02' });
  const removed = await source.call<{ id: number }>('races:create', { clientId: gone.id, name: 'Cancelled 10k', date: '2026-04-05', distance: '10k' });
  await source.call('races:remove', { id: removed.id });
  await source.call('clients:archive', { id: gone.id });
  const before = clinicContents(source);
  expect(before.length).toBeGreaterThan(60);

  out = makeDataDir('fettle-roundtrip-');
  const zip = await exportClinic(source.db, path.join(out, 'export.zip'), { appVersion: '0.0.0-test', step: () => Promise.resolve() });
  const files = unzipSync(new Uint8Array(fs.readFileSync(zip.file)));
  const clientsCsv = path.join(out, 'clients.csv');
  fs.writeFileSync(clientsCsv, files['clients.csv']!);
  fs.writeFileSync(path.join(out, 'races.csv'), files['races.csv']!);

  const target = clinicAt(TODAY);
  const preview = await target.call<ClientImportPreviewResult>('clientImport:preview', { file: clientsCsv });
  expect(preview.preset).toBe('fettle');
  expect(preview.encoding).toBe('UTF-8 (with a byte-order mark)');
  expect(preview.racesFile).toBe(path.join(out, 'races.csv'));
  expect(preview.errors).toEqual([]);
  expect(preview.notes.map((n) => n.message)).toEqual([expect.stringMatching(/^races\.csv line \d+: a removed race, so it is left out\.$/)]);

  const result = await target.call<ClientImportResult>('clientImport:commit', { file: clientsCsv, racesFile: preview.racesFile, mapping: preview.mapping });
  const races = (source.db.prepare('SELECT count(*) AS n FROM races WHERE removed_at IS NULL').get() as { n: number }).n;
  expect(result).toEqual({ clients: before.length, races, leftOut: 0 });
  expect(clinicContents(target)).toEqual(before);
});
