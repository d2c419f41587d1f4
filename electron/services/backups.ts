import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupInspection, BackupStatus, RestoreResult, StorageStatus } from '../../shared/api/storage';
import { formatDate } from '../../shared/guidance/days';
import { backupsToRemove, DamagedDatabase, listBackups, removeDatabaseFiles, stageRestore, summariseBackup, writeBackup } from '../db/backup';
import { fsyncFolder } from '../db/database';
import { StorageError, storageFault } from '../db/refusal';
import { setSetting } from '../db/repositories/settings';
import { writeTransaction } from '../db/sql';
import type { ClinicStorage } from '../db/storage';
import { ClinicError } from './context';

// The clinic's safety net: backups into a folder the clinic chooses, their rotation, the warning
// when they stop, restore with a safety backup first, and what the start-up screen needs when
// the database cannot be opened. The scheduling (start-up, daily, quit) lives in electron/main.

/** A backup older than this is worth a warning on Today and in Settings. */
export const OVERDUE_AFTER_DAYS = 7;
const DAY_MS = 86_400_000;

/** Where backups go: the folder the clinic chose, else `<data folder>/backups`. */
export function backupFolderOf(storage: ClinicStorage): { folder: string; isDefault: boolean } {
  const chosen = storage.readSetting('backup_folder');
  return chosen ? { folder: chosen, isDefault: false } : { folder: path.join(storage.dataDir, 'backups'), isDefault: true };
}

/** A chosen folder must exist already (never recreated on the laptop's own disk when a drive is unplugged) and take files. */
function isWritableFolder(folder: string): boolean {
  try {
    if (!fs.statSync(folder).isDirectory()) return false;
    fs.accessSync(folder, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function folderAvailable(folder: string, isDefault: boolean): boolean {
  return isDefault && !fs.existsSync(folder) ? isWritableFolder(path.dirname(folder)) : isWritableFolder(folder);
}

const unavailableFolder = (folder: string) =>
  `The backup folder ${folder} cannot be reached (is its drive plugged in?), so no backups are being taken. Plug the drive in, or choose another folder in Settings.`;

export function backupStatus(storage: ClinicStorage, now: Date = new Date()): BackupStatus {
  const { folder, isDefault } = backupFolderOf(storage);
  const available = folderAvailable(folder, isDefault);
  const lastGood = listBackups(folder)[0] ?? null;
  const activity = storage.activity?.kind === 'backup' ? storage.activity : null;
  let warning: BackupStatus['warning'] = null;
  if (!available) warning = { kind: 'folder-unavailable', message: unavailableFolder(folder) };
  else if (!lastGood) warning = { kind: 'never', message: 'No backup has been taken yet. Choose "Back up now" in Settings.' };
  else {
    const days = Math.floor((now.getTime() - Date.parse(lastGood.takenAt)) / DAY_MS);
    if (days > OVERDUE_AFTER_DAYS) {
      warning = { kind: 'overdue', message: `The last backup was taken on ${formatDate(localDay(new Date(lastGood.takenAt)))}, ${days} days ago. Choose "Back up now" in Settings, and check the backup folder can be reached.` };
    }
  }
  return {
    folder,
    isDefaultFolder: isDefault,
    folderAvailable: available,
    lastGood,
    warning,
    running: activity ? { percent: activity.percent, startedAt: activity.startedAt } : null,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** True when today (local) has no backup yet: the daily backup while the app is open. */
export function backupIsDue(storage: ClinicStorage, now: Date = new Date()): boolean {
  const last = listBackups(backupFolderOf(storage).folder)[0];
  return !last || localDay(new Date(last.takenAt)) !== localDay(now);
}

/**
 * Takes a verified backup now and rotates the folder (7 daily, 4 weekly, 12 monthly). A backup
 * already running is joined rather than started twice.
 */
export function runBackup(storage: ClinicStorage, now: Date = new Date()): Promise<BackupEntry> {
  const running = storage.activity;
  if (running?.kind === 'backup') return running.done as Promise<BackupEntry>;
  if (running) return Promise.reject(new ClinicError('conflict', 'A restore is under way. Wait for it to finish, then back up.'));
  if (storage.refusal) return Promise.reject(new ClinicError('unavailable', storage.refusal.message));
  const { folder, isDefault } = backupFolderOf(storage);
  if (!folderAvailable(folder, isDefault)) return Promise.reject(new ClinicError('unavailable', unavailableFolder(folder)));
  return track(storage, 'backup', now, async (onProgress) => {
    const entry = await writeInto(storage, folder, 'backup', now, onProgress);
    for (const old of backupsToRemove(listBackups(folder))) fs.rmSync(old.file, { force: true });
    return entry;
  });
}

/** Runs `work` as the storage's one activity, reporting its progress to backups:status. */
function track<T>(storage: ClinicStorage, kind: 'backup' | 'restore', now: Date, work: (onProgress: (p: { percent: number }) => void) => Promise<T>): Promise<T> {
  const activity: NonNullable<ClinicStorage['activity']> = { kind, percent: 0, startedAt: now.toISOString(), done: Promise.resolve() };
  const done = work((p) => (activity.percent = p.percent)).finally(() => {
    if (storage.activity === activity) storage.activity = null;
  });
  activity.done = done;
  storage.activity = activity;
  return done;
}

async function writeInto(storage: ClinicStorage, folder: string, kind: BackupEntry['kind'], now: Date, onProgress: (p: { percent: number }) => void): Promise<BackupEntry> {
  try {
    return await writeBackup(storage.db, folder, { kind, now, onProgress });
  } catch (error) {
    throw asBackupError(error, folder);
  }
}

/** A full or read-only backup drive is named as such; the clinic's own data is untouched. */
const asBackupError = (error: unknown, folder: string) => asClinicError(storageFault(error, path.join(folder, 'backup')) ?? error);

/** Refusals about a backup file or folder reach the UI as ordinary refusals naming the file. */
function asClinicError(error: unknown): unknown {
  if (!(error instanceof StorageError)) return error;
  const code = error.reason === 'disk-full' || error.reason === 'read-only' || error.reason === 'locked' ? 'unavailable' : 'invalid';
  return new ClinicError(code, error.message, { file: error.message });
}

export function listClinicBackups(storage: ClinicStorage): BackupEntry[] {
  return listBackups(backupFolderOf(storage).folder);
}

/** What a file holds, or why it cannot be restored. Writes nothing, anywhere. */
export function inspectBackup(file: string, storage?: ClinicStorage): BackupInspection {
  try {
    if (storage) refuseOwnDatabase(storage, file);
    return { usable: true, summary: summariseBackup(file) };
  } catch (error) {
    const refusal = storageFault(error, file);
    if (!refusal) throw error;
    return { usable: false, reason: refusal.reason, message: refusal.message };
  }
}

/**
 * The clinic's own database (or its -wal or -shm; by any path, link or copy of the path) cannot
 * be restored over itself: replacing a file with itself would lose it.
 */
function refuseOwnDatabase(storage: ClinicStorage, file: string): void {
  const chosen = fs.statSync(file, { throwIfNoEntry: false });
  if (!chosen) return;
  for (const own of ['', '-wal', '-shm'].map((side) => storage.file + side)) {
    const held = fs.statSync(own, { throwIfNoEntry: false });
    if (held && held.dev === chosen.dev && held.ino === chosen.ino) {
      throw new StorageError(
        'in-use',
        `${file} is the clinic's own database (in the data folder Fettle has open), so it cannot be restored over itself. Nothing has been changed. Choose a backup instead (they are in ${backupFolderOf(storage).folder}).`,
      );
    }
  }
}

/**
 * Replaces the clinic's data with a backup. The file is checked first (a sound Fettle database
 * of a known version, not the clinic's own) and a checked copy of it put beside the database;
 * the current data is backed up (verified) before anything is replaced, or, when it could not be
 * opened or is too damaged to back up, moved aside as it is. Then the database is closed, the
 * copy renamed over it (so the current database is never gone before its replacement is whole
 * and in place) and opened again (older backups are brought up to date by the migrations).
 */
export function restoreBackup(storage: ClinicStorage, file: string, now: Date = new Date()): Promise<RestoreResult> {
  if (storage.activity) return Promise.reject(new ClinicError('conflict', `A ${storage.activity.kind} is under way. Wait for it to finish, then restore.`));
  return track(storage, 'restore', now, async (onProgress) => {
    let restored;
    let incoming;
    try {
      refuseOwnDatabase(storage, file);
      restored = summariseBackup(file);
      incoming = stageRestore(file, storage.file, restored.version);
    } catch (error) {
      throw asClinicError(storageFault(error, file) ?? error);
    }
    const { folder, isDefault } = backupFolderOf(storage);
    const chosenFolder = isDefault ? null : folder;
    let safetyBackup: BackupEntry | null = null;
    let setAside: string | null = null;
    try {
      if (storage.isOpen) {
        // Into the clinic's folder, or the default one when that cannot be reached: never skipped.
        const into = folderAvailable(folder, isDefault) ? folder : path.join(storage.dataDir, 'backups');
        // A database whose own copy fails the check (damage quick_check does not see) cannot be
        // backed up verified: it is set aside as it is instead, below.
        safetyBackup = await writeBackup(storage.db, into, { kind: 'before-restore', now, onProgress }).catch((error: unknown) => {
          if (error instanceof DamagedDatabase) return null;
          throw asBackupError(error, into);
        });
      }
      const refusal = storage.replace(() => {
        const target = storage.file;
        if (!safetyBackup) setAside = moveAside(target, now);
        // Closed cleanly, the database's -wal was merged into it and removed; anything left of it
        // is in the safety backup, and must not be replayed onto the restored file.
        else for (const side of ['-wal', '-shm', '-journal']) fs.rmSync(target + side, { force: true });
        fs.renameSync(incoming, target);
        fsyncFolder(path.dirname(target));
      });
      if (refusal) throw new ClinicError('unavailable', `The backup was put in place but could not be opened: ${refusal.message}`);
    } finally {
      removeDatabaseFiles(incoming);
    }
    // The restored data may predate the clinic's choice of backup folder: keep the current one.
    if (chosenFolder) writeTransaction(storage.db, () => setSetting(storage.db, 'backup_folder', chosenFolder));
    return { restored, safetyBackup, setAside };
  });
}

/** The current database and its -wal and -shm, renamed together, kept exactly as they were. */
function moveAside(file: string, now: Date): string | null {
  if (!fs.existsSync(file)) return null;
  const aside = `${file}.set-aside-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  for (const suffix of ['-wal', '-shm', '']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

/** The clinic chooses where backups go (a USB drive, a synced folder); null goes back to the default. */
export function setBackupFolder(storage: ClinicStorage, folder: string | null): BackupStatus {
  if (folder !== null) {
    const resolved = path.resolve(folder);
    if (!isWritableFolder(resolved)) {
      const message = `Backup folder: ${resolved} is not a folder Fettle can write to. Choose an existing folder you can save files in.`;
      throw new ClinicError('invalid', message, { folder: message });
    }
    folder = resolved;
  }
  writeTransaction(storage.db, () => setSetting(storage.db, 'backup_folder', folder));
  return backupStatus(storage);
}

/** The data folder's state for the start-up screen: open, or refused with the reason and the newest backup to offer. */
export function storageStatus(storage: ClinicStorage): StorageStatus {
  const refusal = storage.refusal;
  if (!refusal) return { state: 'open', dataDir: storage.dataDir, file: storage.file };
  const { folder } = backupFolderOf(storage);
  return {
    state: 'refused',
    reason: refusal.reason,
    message: refusal.message,
    dataDir: storage.dataDir,
    file: storage.file,
    backupFolder: folder,
    newestBackup: listBackups(folder)[0] ?? null,
  };
}

/** Tries the data folder again (the other copy was closed, space was freed). */
export function retryStorage(storage: ClinicStorage): StorageStatus {
  storage.reopen();
  return storageStatus(storage);
}

/** Opens another data folder for this session (an empty one becomes a new clinic). */
export function useDataFolder(storage: ClinicStorage, folder: string): StorageStatus {
  if (storage.activity) throw new ClinicError('conflict', `A ${storage.activity.kind} is under way. Wait for it to finish first.`);
  storage.moveTo(path.resolve(folder));
  return storageStatus(storage);
}
