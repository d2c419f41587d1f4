// The clinic's storage as the UI sees it: why a database could not be opened (or restored from),
// and the backups. Plain, structured-clone-safe values.

/** Why Fettle refused a database file or folder: one reason per way out the UI offers. */
export const STORAGE_REFUSALS = [
  /** 0 bytes: holds nothing (Fettle never leaves one itself). */
  'empty-file',
  /** A SQLite file shorter than its own header says: a copy that did not finish. */
  'truncated',
  /** Not a SQLite file at all. */
  'not-a-database',
  /** A SQLite file of another program. */
  'other-application',
  /** A SQLite file of another program that has a `clients` table of its own. */
  'foreign-clients-table',
  /** Written by a newer Fettle. */
  'newer-version',
  /** Fettle's, but the integrity check finds damage. */
  'damaged',
  /** The data folder is held by another copy of Fettle. */
  'in-use',
  /** The folder or file cannot be written (permissions, read-only drive). */
  'read-only',
  /** The disk is full. */
  'disk-full',
  /** Another program holds the database locked. */
  'locked',
  /** The file cannot even be read (permissions). */
  'no-access',
  /** The chosen file does not exist. */
  'missing',
] as const;
export type StorageRefusal = (typeof STORAGE_REFUSALS)[number];

/** One backup file in the backup folder. Only verified backups are ever given a backup's name. */
export interface BackupEntry {
  /** Full path. */
  file: string;
  /** File name, e.g. `fettle-2026-03-02-104233.sqlite`. */
  name: string;
  /** When it was taken (ISO instant, from its name). */
  takenAt: string;
  sizeBytes: number;
  /** `before-restore`: the safety copy taken just before a restore replaced the data. */
  kind: 'backup' | 'before-restore';
}

/** What the data folder's database is doing: open, or refused with its reason and way out. */
export type StorageStatus =
  | { state: 'open'; dataDir: string; file: string }
  | {
      state: 'refused';
      reason: StorageRefusal;
      /** Says what is wrong and what to do; shown as-is. */
      message: string;
      dataDir: string;
      file: string;
      /** Where Fettle looked for backups (the clinic's chosen folder when it could be read, else the default). */
      backupFolder: string;
      /** The newest backup there, to offer "Restore the newest backup". */
      newestBackup: BackupEntry | null;
    };

export interface BackupStatus {
  folder: string;
  /** True when backups go to `<data folder>/backups` (no folder chosen). */
  isDefaultFolder: boolean;
  /** False when the chosen folder is missing (an unplugged drive) or cannot be written. */
  folderAvailable: boolean;
  /** The newest backup in the folder. */
  lastGood: BackupEntry | null;
  /** For Settings and Today: no backup yet, none for over 7 days, or the folder is missing. */
  warning: { kind: 'never' | 'overdue' | 'folder-unavailable'; message: string } | null;
  /** A backup being written now; poll status for its progress. */
  running: { percent: number; startedAt: string } | null;
}

/** What a backup file holds, shown before restoring it. */
export interface BackupSummary {
  file: string;
  name: string;
  sizeBytes: number;
  /** Its data version (older ones are brought up to date after restoring). */
  version: number;
  /** From its name when it is one of Fettle's backups; else null. */
  takenAt: string | null;
  counts: { clients: number; races: number; treatments: number; appointments: number };
  /** The latest time any client, race, treatment or appointment in it was saved (ISO instant). */
  newestRecordAt: string | null;
}

export type BackupInspection =
  | { usable: true; summary: BackupSummary }
  | { usable: false; reason: StorageRefusal; message: string };

export interface RestoreResult {
  restored: BackupSummary;
  /** The current data, backed up just before it was replaced (null when it could not be opened). */
  safetyBackup: BackupEntry | null;
  /** Where a current database that could not be opened was moved aside, kept as it was. */
  setAside: string | null;
}

/** What the system's file dialog is asked to pick (`files:choose`), or where to save (`…-save`). */
export const PATH_PURPOSES = ['backup-folder', 'backup-file', 'data-folder', 'export-save', 'record-json-save', 'record-pdf-save', 'import-open', 'audit-save', 'daysheet-save'] as const;
export type PathPurpose = (typeof PATH_PURPOSES)[number];
