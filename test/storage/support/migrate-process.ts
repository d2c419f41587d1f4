// One connection migrating a database, in its own process, for the "two at once" test.
//   migrate <file>: opens <file>, prints "ready", waits for a line on stdin, then brings it up to
//   date with Fettle's migrations from the version it holds, each step slowed and noting in the
//   table steps_run that this process ran it; prints "done <version>".
import fs from 'node:fs';
import { migrate } from '../../../electron/db/database';
import { MIGRATIONS } from '../../../electron/db/migrations/index';
import { openSqlite } from '../../../electron/db/native';

const file = process.argv[2]!;
const say = (line: string) => fs.writeSync(1, `${line}\n`);
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

// A long busy wait: the other process's step (slowed below) must be waited for, not refused.
const db = openSqlite(file, { timeout: 30_000 });
db.pragma('journal_mode = WAL');
const slowed = MIGRATIONS.map((m) => ({
  ...m,
  up: (d: typeof db, progress?: Parameters<typeof m.up>[1]) => {
    d.prepare('INSERT INTO steps_run (version, pid) VALUES (?, ?)').run(m.version, process.pid);
    pause(60);
    m.up(d, progress);
  },
}));
say('ready');
process.stdin.once('data', () => {
  const version = migrate(db, slowed);
  db.close();
  say(`done ${version}`);
  process.exit(0);
});
