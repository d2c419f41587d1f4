import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath } from '../../electron/db/database';
import { LOCK_FILE } from '../../electron/db/folder-lock';
import { ClinicStorage } from '../../electron/db/storage';
import { makeDataDir } from '../support/clinic';

// Fettle's storage across processes: killed mid-write, and two copies on one data folder.

const SCRIPT = path.join(__dirname, 'support', 'clinic-process.ts');

interface Child {
  process: ChildProcessWithoutNullStreams;
  /** The first line: the storage's state once opened. */
  opened: Promise<{ pid: number; refusal: { reason: string; message: string } | null }>;
  /** Client ids whose commit the child reported. */
  committed: number[];
  exited: Promise<NodeJS.Signals | number | null>;
}

function start(mode: 'hold' | 'write', dataDir: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, mode, dataDir], { cwd: path.resolve(__dirname, '../..') });
  const committed: number[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const opened = new Promise<Child['opened'] extends Promise<infer T> ? T : never>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before opening: ${stderr}`)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('committed ')) committed.push(Number(line.slice(10)));
      else resolve(JSON.parse(line) as never);
    });
  });
  return { process: child, opened, committed, exited };
}

const dirs: string[] = [];
const children: Child[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.process.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const dataDir = () => {
  const dir = makeDataDir('fettle-processes-');
  dirs.push(dir);
  return dir;
};

describe('a writer killed with SIGKILL at random moments', () => {
  it('loses no committed row and leaves a sound database, 20 times over', async () => {
    const dir = dataDir();
    let total = 0;
    for (let round = 0; round < 20; round++) {
      const writer = start('write', dir);
      children.push(writer);
      const { refusal } = await writer.opened;
      // The lock the previous (killed) writer left is stale: its process is gone.
      expect(refusal).toBeNull();
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 300));
      writer.process.kill('SIGKILL');
      expect(await writer.exited).toBe('SIGKILL');
      total += writer.committed.length;

      const storage = ClinicStorage.open(dir);
      try {
        expect(storage.refusal).toBeNull();
        const db = storage.db;
        const ids = new Set(db.prepare('SELECT id FROM clients').pluck().all() as number[]);
        const lost = writer.committed.filter((id) => !ids.has(id));
        expect(lost, `round ${round}: committed and then lost`).toEqual([]);
        // Each transaction wrote a client and their race: none is half there.
        expect(db.prepare('SELECT count(*) FROM clients c WHERE NOT EXISTS (SELECT 1 FROM races r WHERE r.client_id = c.id)').pluck().get()).toBe(0);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        storage.close();
      }
    }
    expect(total).toBeGreaterThan(20);
  }, 300_000);
});

describe('two copies of Fettle on one data folder', () => {
  it('tells the second the folder is in use by another copy, and lets it in once the first has gone', async () => {
    const dir = dataDir();
    const first = start('hold', dir);
    children.push(first);
    const { pid, refusal } = await first.opened;
    expect(refusal).toBeNull();

    const second = start('hold', dir);
    children.push(second);
    expect((await second.opened).refusal).toEqual({
      reason: 'in-use',
      message: expect.stringMatching(new RegExp(`^This data folder is in use by another copy of Fettle \\(process ${pid} since \\d\\d:\\d\\d\\)\\. Close that copy, then try again`)),
    });
    // In this process too, and without touching the database.
    const here = ClinicStorage.open(dir);
    expect(here.refusal?.reason).toBe('in-use');

    // The first copy crashes: its lock is stale, and "Try again" gets in.
    first.process.kill('SIGKILL');
    await first.exited;
    expect(here.reopen()).toBeNull();
    expect(here.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
    here.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  }, 60_000);

  it('a copy that quits normally leaves no lock behind', async () => {
    const dir = dataDir();
    const copy = start('hold', dir);
    children.push(copy);
    expect((await copy.opened).refusal).toBeNull();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    copy.process.stdin.write('quit\n');
    expect(await copy.exited).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(databasePath(dir))]);
  }, 60_000);
});
