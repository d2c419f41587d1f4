import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { databasePath } from '../../electron/db/database';
import { LOCK_FILE } from '../../electron/db/folder-lock';
import { checkDatabaseFile } from '../../electron/db/file-check';
import { LATEST_VERSION } from '../../electron/db/migrations/index';
import { storageFault } from '../../electron/db/refusal';
import type * as Native from '../../electron/db/native';
import { ClinicStorage } from '../../electron/db/storage';
import { sha256 } from './files';
import { scratchSpace } from './support/scratch';

// Starting on a read-only folder or a full disk. Tests run as root, where permissions do not
// bite, so the operating system's answers are put in: EROFS and ENOSPC from the file calls, and
// SQLite's own codes for a full disk (SQLITE_FULL, or an I/O error such as SQLITE_IOERR_SHMSIZE
// when the -shm cannot grow). A full disk is never called damage.

/** SQLite failing to open `file` with `code`, as it does on a full or read-only disk. */
const sqliteFault = vi.hoisted(() => ({ file: '', code: '' }));
vi.mock('../../electron/db/native', async (importOriginal) => {
  const real = await importOriginal<typeof Native>();
  return {
    ...real,
    openSqlite: (file: string | Buffer, options?: Parameters<typeof real.openSqlite>[1]) => {
      if (sqliteFault.code && file === sqliteFault.file) throw Object.assign(new Error('disk I/O error'), { code: sqliteFault.code });
      return real.openSqlite(file, options);
    },
  };
});

const { tempDir } = scratchSpace();
const opened: ClinicStorage[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  sqliteFault.code = '';
  for (const s of opened.splice(0)) s.close();
});

function open(dataDir: string): ClinicStorage {
  const storage = ClinicStorage.open(dataDir);
  opened.push(storage);
  return storage;
}

/** A clinic that was used and closed: its database is on disk. */
function existingClinic(): string {
  const dataDir = tempDir('fettle-faults-');
  const storage = ClinicStorage.open(dataDir);
  storage.db.exec("INSERT INTO clients (first_name, last_name, sort_name) VALUES ('Ada', 'Okafor', 'okafor ada')");
  storage.close();
  return dataDir;
}

const errno = (code: 'EROFS' | 'ENOSPC') => Object.assign(new Error(`${code}: injected`), { code });

/** Fails fs.openSync for paths that `matches` with `code`; other calls go through. */
function failOpen(matches: (file: string) => boolean, code: 'EROFS' | 'ENOSPC'): void {
  const real = fs.openSync;
  vi.spyOn(fs, 'openSync').mockImplementation((file, flags, mode) => {
    if (matches(String(file)) && flags !== 'r') throw errno(code);
    return real(file, flags, mode);
  });
}

const READ_ONLY = (dir: string) =>
  `Fettle cannot write to ${dir}: it is read-only (its permissions, or a locked or read-only drive). Nothing was saved. Make it writable for your user account, or choose another data folder.`;
const DISK_FULL = (dir: string) =>
  `The disk holding ${dir} is full, so Fettle cannot save. Nothing already saved is lost. Free some space (empty the bin, move large files elsewhere), then try again.`;

describe('a data folder on a read-only drive', () => {
  it("is refused as 'read-only' with its message, the database untouched, and opens once it can be written", () => {
    const dataDir = existingClinic();
    const before = sha256(databasePath(dataDir));
    failOpen((f) => f.startsWith(dataDir), 'EROFS');
    const storage = open(dataDir);
    expect(storage.isOpen).toBe(false);
    expect(storage.refusal).toMatchObject({ reason: 'read-only', message: READ_ONLY(dataDir) });
    expect(() => storage.db).toThrow(READ_ONLY(dataDir));
    expect(sha256(databasePath(dataDir))).toBe(before);

    vi.restoreAllMocks();
    expect(storage.reopen()).toBeNull();
    expect(storage.db.prepare('SELECT first_name FROM clients').pluck().all()).toEqual(['Ada']);
  });

});

describe('a new clinic on a read-only drive or a full disk', () => {
  it.each([
    ['EROFS', 'read-only', READ_ONLY],
    ['ENOSPC', 'disk-full', DISK_FULL],
  ] as const)('%s: refused as %s with its message, nothing half-made left behind', (code, reason, message) => {
    const dataDir = tempDir('fettle-faults-');
    failOpen((f) => f.startsWith(databasePath(dataDir)), code);
    const storage = open(dataDir);
    expect(storage.refusal).toMatchObject({ reason, message: message(dataDir) });
    expect(fs.readdirSync(dataDir).filter((f) => f !== LOCK_FILE)).toEqual([]);
  });
});

describe('a full disk at start-up', () => {
  it("is refused as 'disk-full' when not even the folder's lock can be written, and opens at once when space is freed", () => {
    const dataDir = existingClinic();
    const realWrite = fs.writeSync;
    vi.spyOn(fs, 'writeSync').mockImplementation((fd: number, data: string) => {
      if (typeof data === 'string' && data.includes('"pid"')) throw errno('ENOSPC');
      return realWrite(fd, data);
    });
    const storage = open(dataDir);
    expect(storage.refusal).toMatchObject({ reason: 'disk-full', message: DISK_FULL(dataDir) });

    // "Try again" once space is freed opens the clinic: no half-written lock is left to look like another copy.
    vi.restoreAllMocks();
    expect(storage.reopen()).toBeNull();
    expect(storage.isOpen).toBe(true);
  });

  it.each(['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC'])(
    "SQLite reporting %s on a full disk: 'disk-full', never 'damaged', the database untouched",
    (code) => {
      const dataDir = existingClinic();
      const before = sha256(databasePath(dataDir));
      vi.spyOn(fs, 'statfsSync').mockReturnValue({ type: 0, bsize: 4096, blocks: 1000, bfree: 0, bavail: 0, files: 100, ffree: 0 });
      Object.assign(sqliteFault, { file: databasePath(dataDir), code });
      const storage = open(dataDir);
      expect(storage.refusal).toMatchObject({ reason: 'disk-full', message: DISK_FULL(dataDir) });
      expect(sha256(databasePath(dataDir))).toBe(before);
    },
  );

  it("a clinic left with a -wal (a crash) on a full disk: the start-up check's read says 'disk-full', not 'damaged'", () => {
    const dataDir = existingClinic();
    const file = databasePath(dataDir);
    fs.writeFileSync(`${file}-wal`, Buffer.alloc(32)); // a -wal beside it, so the check reads the file in place
    vi.spyOn(fs, 'statfsSync').mockReturnValue({ type: 0, bsize: 4096, blocks: 1000, bfree: 0, bavail: 0, files: 100, ffree: 0 });
    Object.assign(sqliteFault, { file, code: 'SQLITE_IOERR_SHMSIZE' });
    expect(() => checkDatabaseFile(file, { latestVersion: LATEST_VERSION, integrity: 'quick' })).toThrow(DISK_FULL(dataDir));
    expect(open(dataDir).refusal?.reason).toBe('disk-full');
  });
});

describe('I/O errors on a disk with room', () => {
  it('are still a damaged file (or a cut-short one), so the way out is the newest backup', () => {
    const fault = (code: string) => storageFault(Object.assign(new Error('x'), { code }), '/clinic/fettle.sqlite')?.reason;
    vi.spyOn(fs, 'statfsSync').mockReturnValue({ type: 0, bsize: 4096, blocks: 1e6, bfree: 5e5, bavail: 5e5, files: 100, ffree: 50 });
    expect(fault('SQLITE_IOERR_READ')).toBe('damaged');
    expect(fault('SQLITE_IOERR_WRITE')).toBe('damaged');
    expect(fault('SQLITE_IOERR_SHORT_READ')).toBe('truncated');
    vi.spyOn(fs, 'statfsSync').mockReturnValue({ type: 0, bsize: 4096, blocks: 1e6, bfree: 0, bavail: 0, files: 100, ffree: 0 });
    expect(fault('SQLITE_IOERR_SHORT_READ')).toBe('truncated');
    expect(fault('SQLITE_IOERR_READ')).toBe('disk-full');
  });
});
