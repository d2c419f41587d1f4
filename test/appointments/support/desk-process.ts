// One front desk in its own process, for the concurrency test: opens the clinic database in
// the folder given, says "ready", then for each line "<n>" on stdin books its n-th slot through
// the real dispatcher and prints the result as one line of JSON.
import readline from 'node:readline';
import { sessionAs } from '../../support/clinic';
import { createDispatcher } from '../../../electron/api/dispatcher';
import { openDatabase } from '../../../electron/db/database';
import { fixedClock } from '../../../electron/services/context';

const [dataDir, inputsJson] = process.argv.slice(2);
const db = openDatabase(dataDir!);
const dispatch = createDispatcher(() => ({ db, ...fixedClock('2026-03-02'), session: sessionAs(['reception']), version: 'test', dataDir: dataDir! }));
const inputs = JSON.parse(inputsJson!) as unknown[];

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  void dispatch('appointments:book', inputs[Number(line)]).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
});
lines.on('close', () => db.close());
process.stdout.write('ready\n');
