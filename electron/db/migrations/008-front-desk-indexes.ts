import type { Migration } from './index';

// Indexes the front desk's set-based reads need, measured with bench/diary.bench.ts (10,000
// clients, 30,000 races, 100,000 appointments):
// - races_by_plan_start: the recall list reads the races whose block can hold today; a block
//   longer than the default needs a plan start, and without this index finding those few meant
//   reading every race after the default horizon from the table (about half the recall list's time).
// - appointments_by_start replaces appointments_by_time: "who has anything booked from today"
//   is then read from the index alone, and the diary's day and week ranges still use it.
//
// Self-contained: this step must read the same whatever the code becomes.
export const frontDeskIndexes: Migration = {
  version: 8,
  name: 'front desk indexes',
  up(db) {
    db.exec(`
      CREATE INDEX races_by_plan_start ON races (plan_start) WHERE plan_start IS NOT NULL AND removed_at IS NULL;
      DROP INDEX appointments_by_time;
      CREATE INDEX appointments_by_start ON appointments (starts_at, status, client_id);
    `);
  },
};
