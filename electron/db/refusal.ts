import fs from 'node:fs';
import path from 'node:path';
import type { StorageRefusal } from '../../shared/api/storage';

/**
 * Fettle will not (or cannot) use a database file or data folder. `reason` is for the UI to
 * switch on (each has its own way out); the message says what is wrong and what to do.
 */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly reason: StorageRefusal,
    message: string,
  ) {
    super(message);
  }
}

const UNCHANGED = 'Fettle has not changed it.';

/** The message for each refusal of a file, naming the file. */
export const refuse = {
  emptyFile: (file: string) =>
    new StorageError('empty-file', `${file} is empty (0 bytes), so it holds no clinic records. ${UNCHANGED} Restore your newest backup, or move the empty file aside to start a new clinic.`),
  truncated: (file: string) =>
    new StorageError('truncated', `${file} is cut short: it is smaller than the database inside it says, so records are missing (a copy that did not finish, or a full disk). ${UNCHANGED} Restore your newest backup.`),
  notADatabase: (file: string) =>
    new StorageError('not-a-database', `${file} is not a database file. ${UNCHANGED} Check that you chose the right file, or restore your newest backup.`),
  otherApplication: (file: string) =>
    new StorageError('other-application', `${file} is another program's database, not a Fettle clinic. ${UNCHANGED} Choose another data folder or file, or move this one aside.`),
  foreignClientsTable: (file: string) =>
    new StorageError('foreign-clients-table', `${file} has a "clients" table, but it is another program's database, not a Fettle clinic. ${UNCHANGED} Choose another data folder or file, or move this one aside.`),
  newerVersion: (version: number, latest: number) =>
    new StorageError(
      'newer-version',
      `This clinic database was last used by a newer version of Fettle (data version ${version}; this copy understands up to ${latest}). It has not been changed. Install the latest Fettle to open it.`,
    ),
  damaged: (file: string, detail: string) =>
    new StorageError('damaged', `Fettle found damage inside ${file} (${detail}). ${UNCHANGED} Restore your newest backup.`),
  noAccess: (file: string) =>
    new StorageError('no-access', `Fettle is not allowed to read ${file}. Check the file's permissions for your user account, or choose another file or data folder.`),
  missing: (file: string) => new StorageError('missing', `${file} does not exist. Choose the file again.`),
  readOnly: (where: string) =>
    new StorageError('read-only', `Fettle cannot write to ${where}: it is read-only (its permissions, or a locked or read-only drive). Nothing was saved. Make it writable for your user account, or choose another data folder.`),
  diskFull: (where: string) =>
    new StorageError('disk-full', `The disk holding ${where} is full, so Fettle cannot save. Nothing already saved is lost. Free some space (empty the bin, move large files elsewhere), then try again.`),
  locked: () =>
    new StorageError('locked', 'Another program is holding the clinic database locked (perhaps a backup, sync or database tool). Close it, then try again.'),
};

const SQLITE = /^SQLITE_([A-Z]+)/;

/** Below this much free space a disk counts as full: SQLite grows its -shm 32 KB and its files a page at a time. */
const FULL_BELOW_BYTES = 1024 * 1024;

/** True when the disk holding `folder` has (almost) no space left for this user. */
function diskIsFull(folder: string): boolean {
  try {
    const { bavail, bsize } = fs.statfsSync(folder);
    return bavail * bsize < FULL_BELOW_BYTES;
  } catch {
    return false;
  }
}

/**
 * The refusal a storage fault amounts to, or undefined for anything else (a bug, a constraint).
 * `file` is the database (or backup) the fault happened on; messages name its folder.
 */
export function storageFault(error: unknown, file: string): StorageError | undefined {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const folder = path.dirname(file);
  const sqlite = SQLITE.exec(code)?.[1];
  switch (sqlite ?? code) {
    case 'FULL':
    case 'ENOSPC':
    case 'EDQUOT':
      return refuse.diskFull(folder);
    case 'READONLY':
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
    case 'PERM':
    case 'CANTOPEN':
      return refuse.readOnly(folder);
    case 'BUSY':
    case 'LOCKED':
      return refuse.locked();
    case 'CORRUPT':
      return refuse.damaged(file, 'SQLite reports the database is malformed');
    case 'NOTADB':
      return refuse.notADatabase(file);
    case 'IOERR':
      if (code === 'SQLITE_IOERR_SHORT_READ') return refuse.truncated(file);
      // A full disk often surfaces as an I/O error, not SQLITE_FULL (growing the -shm at open:
      // SQLITE_IOERR_SHMSIZE; an fsync): that is the disk's state, and the file is sound.
      if (diskIsFull(folder)) return refuse.diskFull(folder);
      // Otherwise a damaged file, a failing disk or a vanished drive.
      return refuse.damaged(file, `the disk reported an error reading or writing it: ${code}`);
    default:
      return undefined;
  }
}
