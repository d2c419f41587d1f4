import type { Migration } from './index';

// A race can carry the runner's training plan: one row per dated session, with its distance
// (always in km) or duration, its kind, its title, the unit the plan was written in (shown back
// as written, e.g. "18 mi") and where it came from (typed by hand, or a CSV or .ics import).
// The kinds are copied here, not imported: this step must read the same whatever the code becomes.
export const planSessions: Migration = {
  version: 6,
  name: 'training plan sessions per race',
  up(db) {
    db.exec(`
      CREATE TABLE plan_sessions (
        id            INTEGER PRIMARY KEY,
        race_id       INTEGER NOT NULL REFERENCES races(id) ON DELETE CASCADE,
        date          TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        distance_km   REAL CHECK (distance_km IS NULL OR distance_km > 0),
        duration_min  REAL CHECK (duration_min IS NULL OR duration_min > 0),
        kind          TEXT CHECK (kind IS NULL OR kind IN ('easy', 'long', 'tempo', 'intervals', 'race', 'rest', 'cross', 'other')),
        title         TEXT NOT NULL DEFAULT '',
        unit          TEXT NOT NULL DEFAULT 'km' CHECK (unit IN ('km', 'mi')),
        source        TEXT NOT NULL DEFAULT 'hand' CHECK (source IN ('hand', 'csv', 'ics')),
        created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) STRICT;
      CREATE INDEX plan_sessions_by_race ON plan_sessions (race_id, date);
    `);
  },
};
