import type { Migration } from './index';

// Races stop vanishing and gain a version:
// - `updated_at`: when the race was last saved. An edit carries the value the person saw, and a
//   stale one (someone else saved in between) is refused instead of overwriting their change.
//   ADD COLUMN cannot take a computed default, so rows written before this step take their
//   creation time, and the app sets the column on every insert and update.
// - `removed_at`: removing a race marks it; the row stays, so a mistaken removal can be traced.
// And a small key/value table for clinic settings (the backup folder the clinic chose), kept in
// the database so it travels with the clinic's data.
//
// Self-contained: this step must read the same whatever the code becomes.
export const raceHistoryAndSettings: Migration = {
  version: 5,
  name: 'race versions and soft removal; clinic settings',
  up(db) {
    db.exec(`
      ALTER TABLE races ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE races ADD COLUMN removed_at TEXT;
      UPDATE races SET updated_at = created_at;

      CREATE TABLE settings (
        key         TEXT PRIMARY KEY CHECK (length(key) > 0),
        value       TEXT NOT NULL,
        updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
