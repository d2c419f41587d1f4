import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databasePath, LATEST_VERSION, openDatabase } from '../../electron/db/database';
import { openSqlite } from '../../electron/db/native';
import { BLANK_CLIENT, insertClient } from '../../electron/db/repositories/clients';
import type { StorageRefusal } from '../../shared/api/storage';
import { makeDataDir } from '../support/clinic';

// Files Fettle must refuse, each written as it would be met in the wild.

export const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** -wal, -shm and -journal files beside `file`. */
export const sideFiles = (file: string) =>
  fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(path.basename(file)) && /-(wal|shm|journal)$/.test(f));

/** A Fettle database with enough clients to span many pages, closed cleanly (WAL mode, no -wal left). */
export function fettleFile(file: string, clients = 300): void {
  const dir = makeDataDir('fettle-source-');
  const db = openDatabase(dir);
  for (let i = 0; i < clients; i++) insertClient(db, { ...BLANK_CLIENT, firstName: `Runner${i}`, lastName: 'Okafor', notes: 'Tight calves. '.repeat(20) });
  db.close();
  fs.copyFileSync(databasePath(dir), file);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Another program's SQLite file, in WAL mode as many programs leave theirs (closed cleanly). */
function foreignFile(file: string, sql: string, applicationId = 0): void {
  const db = openSqlite(file);
  db.pragma('journal_mode = WAL');
  if (applicationId) db.pragma(`application_id = ${applicationId}`);
  db.exec(sql);
  db.close();
}

export const REFUSED_FILES: Record<Exclude<StorageRefusal, 'in-use' | 'read-only' | 'disk-full' | 'locked' | 'no-access' | 'missing'>, (file: string) => void> = {
  'empty-file': (file) => fs.writeFileSync(file, ''),
  truncated: (file) => {
    fettleFile(file);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
  },
  'not-a-database': (file) => fs.writeFileSync(file, crypto.randomBytes(16 * 1024)),
  'other-application': (file) =>
    foreignFile(file, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('shopping list');"),
  'foreign-clients-table': (file) =>
    foreignFile(file, "CREATE TABLE clients (id INTEGER PRIMARY KEY, company TEXT, vat_number TEXT); INSERT INTO clients (company) VALUES ('Acme Ltd');"),
  'newer-version': (file) => {
    fettleFile(file, 20);
    const db = openSqlite(file);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
  },
  damaged: (file) => {
    fettleFile(file);
    // One page in the middle zeroed, as a failing disk or an interrupted copy leaves it.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096), 0, 4096, 4096 * 10);
    fs.closeSync(fd);
  },
};

/** A second foreign kind: a SQLite file stamped with another program's application id. */
export const otherApplicationStamped = (file: string) => foreignFile(file, 'CREATE TABLE t (x);', 0x12345678);
