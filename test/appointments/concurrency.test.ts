import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/result';
import { openFrontDesk, type FrontDesk } from './front-desk';

// Two front desks in two processes book the same slots at the same moment on one database
// file. BEGIN IMMEDIATE makes the second wait for the first and then see its appointment.

const DESK = path.join(__dirname, 'support', 'desk-process.ts');
const SLOTS = 12;

let desk: FrontDesk;
afterEach(() => desk.clinic.close());

interface Desk {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  /** Books the n-th slot; resolves with the result. */
  book(n: number): Promise<Result<unknown>>;
}

function startDesk(dataDir: string, inputs: unknown[]): Desk {
  const child = spawn(process.execPath, ['--import', 'tsx', DESK, dataDir, JSON.stringify(inputs)], { cwd: path.resolve(__dirname, '../..') });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('exit', (code) => {
    if (code) waiting?.reject(new Error(`desk process exited ${code}: ${stderr}`));
  });
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  let waiting: { resolve(r: Result<unknown>): void; reject(e: Error): void } | undefined;
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') onReady();
    else waiting?.resolve(JSON.parse(line) as Result<unknown>);
  });
  return {
    child,
    ready,
    book: (n) =>
      new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        child.stdin.write(`${n}\n`);
      }),
  };
}

describe('two desks booking at once', () => {
  it('lets exactly one booking of each slot through; the other desk gets the clash message', async () => {
    desk = await openFrontDesk();
    const typeId = desk.type('Assessment').id;
    const slots = Array.from({ length: SLOTS }, (_, i) => `2026-03-${String(3 + Math.floor(i / 6)).padStart(2, '0')}T${String(9 + (i % 6)).padStart(2, '0')}:00`);
    // A long history each, so that reading the guidance inside the booking transaction takes
    // a few milliseconds and the two desks' transactions overlap in time.
    const history = desk.clinic.db.prepare(
      `INSERT INTO treatments (client_id, therapist_id, date, intensity, phase, ceiling) VALUES (?, ?, date('2026-03-01', ?), 'moderate', 'base', 'deep')`,
    );
    desk.clinic.db.transaction(() => {
      for (const client of [desk.ada, desk.ben]) for (let i = 0; i < 4000; i++) history.run(client.id, desk.sam.id, `-${i % 700} days`);
    })();
    const inputs = (clientId: number) => slots.map((startsAt) => ({ clientId, therapistId: desk.sam.id, typeId, startsAt }));

    const desks = [startDesk(desk.clinic.dataDir, inputs(desk.ada.id)), startDesk(desk.clinic.dataDir, inputs(desk.ben.id))];
    await Promise.all(desks.map((d) => d.ready));
    const adaResults: Result<unknown>[] = [];
    const benResults: Result<unknown>[] = [];
    try {
      for (let i = 0; i < SLOTS; i++) {
        // Both desks are told to book slot i at the same moment.
        const [a, b] = await Promise.all(desks.map((d) => d.book(i)));
        adaResults.push(a!);
        benResults.push(b!);
      }
    } finally {
      for (const d of desks) d.child.stdin.end();
    }

    const names = { [desk.ada.id]: 'Ada Okafor', [desk.ben.id]: 'Ben Smith' };
    slots.forEach((startsAt, i) => {
      const pair = [adaResults[i]!, benResults[i]!];
      const won = pair.filter((r) => r.ok);
      const lost = pair.filter((r) => !r.ok);
      expect(won, startsAt).toHaveLength(1);
      const winner = (won[0] as { value: { clientId: number } }).value.clientId;
      const time = `${startsAt.slice(11)}–${String(Number(startsAt.slice(11, 13)) + 1).padStart(2, '0')}:00`;
      expect(lost[0]).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining(`Sam Reid already has ${names[winner]} ${time}`) });
    });
    const rows = desk.clinic.db.prepare('SELECT starts_at, count(*) AS n FROM appointments GROUP BY starts_at').all();
    expect(rows).toEqual(slots.map((starts_at) => ({ starts_at, n: 1 })));
  }, 60_000);
});
