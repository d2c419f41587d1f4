import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/api/dispatcher';
import type { HandlerContext } from '../../electron/api/handlers';
import { databasePath } from '../../electron/db/database';
import { ClinicStorage } from '../../electron/db/storage';
import { fixedClock } from '../../electron/services/context';
import type { Result } from '../../shared/api/result';
import type { StorageStatus } from '../../shared/api/storage';
import { makeDataDir, sessionAs } from '../support/clinic';
import { fettleFile, REFUSED_FILES, sha256, sideFiles } from './files';

// A large clinic is opened before its pages are checked, and checked in a worker thread while the
// first screen paints (electron/db/storage.ts). These tests set the size limit to 0 so a small
// file takes that path.

const opened: ClinicStorage[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

function openInBackground(dataDir: string): ClinicStorage {
  const storage = ClinicStorage.open(dataDir, { checkInWorkerFrom: 0 });
  opened.push(storage);
  return storage;
}

/** A dispatcher as main builds it: the database read from the storage on every call. */
function dispatcherOver(storage: ClinicStorage) {
  const session = sessionAs(['admin', 'therapist', 'reception']);
  return createDispatcher((): HandlerContext => ({
    get db() {
      return storage.db;
    },
    storage,
    ...fixedClock('2026-03-02'),
    session,
    version: '0.0.0-test',
    dataDir: storage.dataDir,
  }));
}

describe('the start-up check of a large clinic, in a worker', () => {
  it('opens a sound database at once and keeps it open once the check has passed', async () => {
    const dataDir = makeDataDir();
    fettleFile(databasePath(dataDir));
    const storage = openInBackground(dataDir);
    expect(storage.isOpen).toBe(true);
    await storage.checked;
    expect(storage.isOpen).toBe(true);
    const result = (await dispatcherOver(storage)('clients:create', { firstName: 'Ada', lastName: 'Okafor' }));
    expect(result.ok).toBe(true);
  });

  it.each(['other-application', 'foreign-clients-table', 'newer-version'] as const)(
    'refuses a %s file as a small one is, creating nothing beside it and changing nothing in it',
    (kind) => {
      const dataDir = makeDataDir();
      const file = databasePath(dataDir);
      REFUSED_FILES[kind](file);
      const before = sha256(file);
      const storage = openInBackground(dataDir);
      expect(storage.refusal?.reason).toBe(kind);
      expect(sideFiles(file)).toEqual([]);
      expect(sha256(file)).toBe(before);
    },
  );

  it('closes a damaged database when the check finds the damage, and refuses a write sent before it finished, writing nothing', async () => {
    const dataDir = makeDataDir();
    const file = databasePath(dataDir);
    REFUSED_FILES.damaged(file);
    const before = sha256(file);
    const storage = openInBackground(dataDir);
    // The header and schema are sound, so it opens; the zeroed page is found by the worker.
    expect(storage.isOpen).toBe(true);
    const dispatch = dispatcherOver(storage);
    const write = dispatch('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
    const answer = await write;
    expect(answer).toMatchObject({ ok: false, code: 'unavailable', message: expect.stringContaining('found damage') as unknown });
    expect(storage.isOpen).toBe(false);
    expect(storage.refusal?.reason).toBe('damaged');
    const status = (await dispatch('storage:status', {})) as Result<StorageStatus>;
    expect(status).toMatchObject({ ok: true, value: { state: 'refused', reason: 'damaged' } });
    storage.close();
    expect(sha256(file)).toBe(before);
  });

  it('checks before opening when a migration is due, whatever the size: a migration writes', () => {
    const dataDir = makeDataDir();
    const file = databasePath(dataDir);
    REFUSED_FILES.damaged(file);
    // An older data version: opening would migrate, so the damage must be found first.
    const bytes = fs.readFileSync(file);
    bytes.writeUInt32BE(bytes.readUInt32BE(60) - 1, 60);
    fs.writeFileSync(file, bytes);
    const before = sha256(file);
    const storage = openInBackground(dataDir);
    expect(storage.isOpen).toBe(false);
    expect(storage.refusal?.reason).toBe('damaged');
    storage.close();
    expect(sha256(file)).toBe(before);
  });
});

describe('calls while the check runs', () => {
  it('answers the first screen’s reads at once and holds every other call until the check settles', async () => {
    const dataDir = makeDataDir();
    fettleFile(databasePath(dataDir), 20);
    const storage = openInBackground(dataDir);
    await storage.checked;
    // A check that has not finished yet, released by hand.
    let release!: () => void;
    const pending = new Promise<void>((resolve) => (release = resolve));
    Object.defineProperty(storage, 'checked', { get: () => pending });
    const dispatch = dispatcherOver(storage);
    const answered: string[] = [];
    const send = (name: string, input: unknown) => dispatch(name, input).then(() => answered.push(name));
    const all = Promise.all([send('app:info', {}), send('session:status', {}), send('storage:status', {}), send('clients:search', { query: '' }), send('clients:create', { firstName: 'Ada', lastName: 'Okafor' })]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered.sort()).toEqual(['app:info', 'session:status', 'storage:status']);
    release();
    await all;
    expect(answered).toHaveLength(5);
  });
});
