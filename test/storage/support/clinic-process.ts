// A copy of Fettle's storage in its own process, for the crash and two-copies tests.
//   hold <dataDir>:  opens the data folder as the app does, prints its state as one JSON line, then waits.
//   write <dataDir>: opens it, then writes forever, each transaction a client and their race,
//                    printing "committed <clientId>" only once the commit has returned.
import fs from 'node:fs';
import { ClinicStorage } from '../../../electron/db/storage';
import { insertClient, BLANK_CLIENT } from '../../../electron/db/repositories/clients';
import { insertRace } from '../../../electron/db/repositories/races';
import { writeTransaction } from '../../../electron/db/sql';

const [mode, dataDir] = process.argv.slice(2) as ['hold' | 'write', string];
// Synchronous writes: a line is out of this process before the next statement runs.
const say = (line: string) => fs.writeSync(1, `${line}\n`);

const storage = ClinicStorage.open(dataDir);
say(JSON.stringify({ pid: process.pid, refusal: storage.refusal && { reason: storage.refusal.reason, message: storage.refusal.message } }));

if (mode === 'hold') {
  process.stdin.on('data', () => {
    storage.close();
    process.exit(0);
  });
} else if (!storage.refusal) {
  const db = storage.db;
  for (let i = 0; ; i++) {
    const id = writeTransaction(db, () => {
      const client = insertClient(db, { ...BLANK_CLIENT, firstName: `Runner${i}`, lastName: `Pid${process.pid}`, notes: 'Left calf tight. '.repeat(10) });
      insertRace(db, { clientId: client.id, name: 'Brighton Marathon', date: '2026-04-12', distance: 'marathon', distanceKm: null, priority: 'A', planStart: null, taperDays: null, goalTime: '', notes: '' });
      return client.id;
    });
    say(`committed ${id}`);
  }
}
