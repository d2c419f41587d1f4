import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate } from '../../electron/db/database';
import { MIGRATIONS } from '../../electron/db/migrations/index';
import { openSqlite } from '../../electron/db/native';
import { scratchSpace } from './support/scratch';

// Two connections opening an old database at the same moment (two processes): each migration
// step runs once, because the version is read inside the step's BEGIN IMMEDIATE transaction.

const SCRIPT = path.join(__dirname, 'support', 'migrate-process.ts');
const { tempDir, later } = scratchSpace();

function startMigrating(file: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, file], { cwd: path.resolve(__dirname, '../..') });
  later(() => child.kill('SIGKILL'));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    waiters.splice(0).forEach((w) => w());
  });
  const next = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        const found = lines.find((l) => l.startsWith(prefix));
        if (found) resolve(found);
        else waiters.push(look);
      };
      child.once('exit', (code) => reject(new Error(`exited (${code}) before "${prefix}": ${stderr}`)));
      look();
    });
  return { child, next };
}

describe('two connections migrating an old database at once', () => {
  it('run each step once and both end at the latest version, the data whole', async () => {
    const file = path.join(tempDir('fettle-migrate-race-'), 'fettle.sqlite');
    const old = openSqlite(file);
    old.pragma('journal_mode = WAL');
    migrate(old, MIGRATIONS.slice(0, 3));
    old.exec("INSERT INTO clients (first_name, last_name, sort_name) VALUES ('Ada', 'Okafor', 'okafor ada')");
    old.exec('CREATE TABLE steps_run (version INTEGER NOT NULL, pid INTEGER NOT NULL)');
    old.close();

    const a = startMigrating(file);
    const b = startMigrating(file);
    await Promise.all([a.next('ready'), b.next('ready')]);
    a.child.stdin.write('go\n');
    b.child.stdin.write('go\n');
    expect(await Promise.all([a.next('done'), b.next('done')])).toEqual([`done ${LATEST_VERSION}`, `done ${LATEST_VERSION}`]);

    const db = openSqlite(file, { readonly: true });
    const ran = db.prepare('SELECT version FROM steps_run ORDER BY rowid').pluck().all();
    expect(ran).toEqual(MIGRATIONS.slice(3).map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT first_name FROM clients').pluck().all()).toEqual(['Ada']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);
});
