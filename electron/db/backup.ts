import fs from 'node:fs';
import path from 'node:path';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import type { BackupEntry, BackupSummary } from '../../shared/api/storage';
import { fsyncFile, fsyncFolder } from './database';
import { checkDatabaseFile, makeSelfContained } from './file-check';
import { LATEST_VERSION } from './migrations/index';
import type { Db } from './native';
import { refuse, StorageError } from './refusal';

// Backups are consistent copies taken from the open database with SQLite's online backup API
// (never a copy of the live file: recent commits live in its -wal). Each is written under a
// hidden temporary name, made self-contained (rollback journal, so it needs no -wal beside it),
// checked (integrity_check, Fettle's application id, the same data version), flushed to disk and
// only then renamed to a backup's name. So every file with a backup's name is a verified backup.

const NAME = /^fettle-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(-before-restore)?\.sqlite$/;

/** Pages copied per step; between steps the main process answers the window. 1,000 pages = 4 MB. */
const PAGES_PER_STEP = 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** `fettle-2026-03-02-104233.sqlite`: the local date and time it was taken, so files sort and read naturally. */
export function backupName(at: Date, kind: BackupEntry['kind']): string {
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `fettle-${stamp}${kind === 'before-restore' ? '-before-restore' : ''}.sqlite`;
}

/** The time a backup's name says it was taken (local time), or null for any other name. */
export function takenAtOf(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi, s);
}

/** Fettle's backups in `folder`, newest first. A missing folder has none. */
export function listBackups(folder: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const takenAt = takenAtOf(name);
    if (!takenAt) continue;
    const file = path.join(folder, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    entries.push({ file, name, takenAt: takenAt.toISOString(), sizeBytes: stat.size, kind: name.includes('-before-restore') ? 'before-restore' : 'backup' });
  }
  return entries.sort((a, b) => (a.takenAt === b.takenAt ? b.name.localeCompare(a.name) : b.takenAt.localeCompare(a.takenAt)));
}

export interface BackupProgress {
  /** 0 to 100. */
  percent: number;
}

/**
 * Writes a verified backup of `db` into `folder` (created if missing) and returns it. Nothing
 * with a backup's name exists until the copy has passed its checks.
 */
export async function writeBackup(
  db: Db,
  folder: string,
  options: { kind: BackupEntry['kind']; now?: Date; onProgress?: (p: BackupProgress) => void },
): Promise<BackupEntry> {
  const name = backupName(options.now ?? new Date(), options.kind);
  const final = path.join(folder, name);
  const partial = path.join(folder, `.${name}.partial`);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  try {
    removeDatabaseFiles(partial);
    // Created private first: the backup holds the same clinical records as the database.
    fs.writeFileSync(partial, '', { mode: 0o600 });
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.({ percent: totalPages === 0 ? 100 : Math.round((100 * (totalPages - remainingPages)) / totalPages) });
        return PAGES_PER_STEP;
      },
    });
    makeSelfContained(partial);
    const version = db.pragma('user_version', { simple: true }) as number;
    let checked;
    try {
      checked = checkDatabaseFile(partial, { latestVersion: version, integrity: 'full' });
    } catch (error) {
      throw error instanceof StorageError && error.reason === 'damaged' ? failedVerification(db, folder) : error;
    }
    if (checked?.version !== version) throw failedVerification(db, folder, `the copy holds data version ${checked?.version ?? 'none'} instead of ${version}`);
    fsyncFile(partial);
    fs.renameSync(partial, final);
    fsyncFolder(folder);
    options.onProgress?.({ percent: 100 });
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  }
  const { size } = fs.statSync(final);
  return { file: final, name, takenAt: takenAtOf(name)!.toISOString(), sizeBytes: size, kind: options.kind };
}

/** The database being backed up is damaged itself: its faithful copy failed the check, and so does it. */
export class DamagedDatabase extends StorageError {}

/**
 * Why a copy failed its check. The backup API copies pages as they are, so either the database
 * is damaged itself (damage a quick_check at start-up does not see, such as an index that
 * disagrees with its table), or the copy was spoiled on its way to the backup folder (a failing
 * drive): integrity_check on the database tells which. Only on this rare path, as it reads every page.
 */
function failedVerification(db: Db, folder: string, detail?: string): StorageError {
  const problems = (db.prepare('PRAGMA integrity_check(3)').pluck().all() as string[]).flatMap((p) => p.split('\n'));
  if (problems.length !== 1 || problems[0] !== 'ok') {
    return new DamagedDatabase('damaged', refuse.damaged(db.name, `a backup of it failed its check, and so does the database: ${problems.join('; ')}`).message);
  }
  return new StorageError(
    'damaged',
    `The backup written to ${folder} did not pass its check${detail ? ` (${detail})` : ''}, so it was not kept. The clinic's own data is sound; the backup drive may be failing. Try again, or choose another backup folder in Settings.`,
  );
}

export function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

export interface Rotation { daily: number; weekly: number; monthly: number }

/** 7 daily, 4 weekly, 12 monthly: a fortnight's mistake and a year's history are both within reach. */
export const ROTATION: Rotation = { daily: 7, weekly: 4, monthly: 12 };

/**
 * The backups rotation lets go of: kept are the newest backup of each of the last `daily` days
 * that have one, of each of the last `weekly` ISO weeks, and of each of the last `monthly` months
 * (local calendar). The newest backup is always kept.
 */
export function backupsToRemove(entries: readonly BackupEntry[], rotation: Rotation = ROTATION): BackupEntry[] {
  const newestFirst = [...entries].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const keep = new Set<BackupEntry>(newestFirst.slice(0, 1));
  const keepNewestPer = (bucket: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const entry of newestFirst) {
      const key = bucket(new Date(entry.takenAt));
      if (seen.has(key)) continue;
      if (seen.size === count) break;
      seen.add(key);
      keep.add(entry);
    }
  };
  keepNewestPer((d) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`, rotation.daily);
  keepNewestPer((d) => `${getISOWeekYear(d)}-W${getISOWeek(d)}`, rotation.weekly);
  keepNewestPer((d) => `${d.getFullYear()}-${d.getMonth()}`, rotation.monthly);
  return newestFirst.filter((e) => !keep.has(e));
}

/**
 * Checks a database file (a backup, or any file a person picks) as a restore would: a sound
 * Fettle database of a version this copy understands, passing the full integrity check. Returns
 * what it holds; throws a StorageError naming what is wrong. Writes nothing, anywhere.
 */
export function summariseBackup(file: string): BackupSummary {
  const checked = checkDatabaseFile(file, { latestVersion: LATEST_VERSION, integrity: 'full', picked: true }, (db) => ({
    counts: {
      clients: count(db, 'clients'),
      races: count(db, 'races', hasColumn(db, 'races', 'removed_at') ? 'removed_at IS NULL' : '1'),
      treatments: count(db, 'treatments'),
      appointments: count(db, 'appointments'),
    },
    newestRecordAt: newestRecord(db),
  }));
  if (!checked) throw refuse.missing(file);
  const takenAt = takenAtOf(path.basename(file));
  return {
    file,
    name: path.basename(file),
    sizeBytes: checked.sizeBytes,
    version: checked.version,
    takenAt: takenAt?.toISOString() ?? null,
    ...checked.read,
  };
}

/**
 * Puts a copy of `from` (a file that passed summariseBackup) beside the clinic's database
 * `target`, as `<target>.restoring`, ready to be renamed over it; returns its path. Copied with
 * plain file reads, so nothing is created beside `from`; the commits of a -wal beside it are
 * merged in (a data folder copied while Fettle was open, or after a crash); the copy is left
 * whole on its own, private, checked (quick_check, and the data version the summary showed) and
 * flushed. Until the rename the clinic's database is untouched.
 */
export function stageRestore(from: string, target: string, version: number): string {
  const incoming = `${target}.restoring`;
  removeDatabaseFiles(incoming);
  try {
    fs.copyFileSync(from, incoming);
    fs.chmodSync(incoming, 0o600);
    if ((fs.statSync(`${from}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) {
      fs.copyFileSync(`${from}-wal`, `${incoming}-wal`);
      fs.chmodSync(`${incoming}-wal`, 0o600);
    }
    makeSelfContained(incoming);
    let checked;
    try {
      checked = checkDatabaseFile(incoming, { latestVersion: LATEST_VERSION, integrity: 'quick' });
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      throw refuse.damaged(from, `its copy in the data folder did not pass the check: ${error.message}`);
    }
    if (checked?.version !== version) throw refuse.damaged(from, `its copy holds data version ${checked?.version ?? 'none'} instead of ${version}`);
    fsyncFile(incoming);
    return incoming;
  } catch (error) {
    removeDatabaseFiles(incoming);
    throw error;
  }
}

// Read from files of any data version: only tables and columns that every version has, unless checked first.
const hasColumn = (db: Db, table: string, column: string) =>
  db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) !== undefined;

const count = (db: Db, table: string, where = '1') => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

function newestRecord(db: Db): string | null {
  const stamps = [['clients', 'updated_at'], ['races', 'created_at'], ['races', 'updated_at'], ['treatments', 'created_at'], ['appointments', 'created_at'], ['appointments', 'updated_at']]
    .filter(([table, column]) => hasColumn(db, table!, column!))
    .map(([table, column]) => (db.prepare(`SELECT max(${column}) AS at FROM ${table}`).get() as { at: string | null }).at)
    .filter((at): at is string => Boolean(at));
  return stamps.length === 0 ? null : stamps.sort().at(-1)!;
}
