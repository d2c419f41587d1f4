import type { Migration } from './index';

// The reception diary: appointment types (each implying an intensity), appointments with an
// end, a fuller status set and the stored acknowledgement of a guidance warning, clinic opening
// hours and therapist working hours per weekday, and recall contacts.
//
// The appointments table is rebuilt because SQLite cannot change a CHECK in place. It is not
// renamed (a rename would repoint treatments.appointment_id at the old copy): its rows go to a
// temporary copy, the table is dropped and created again under its own name. Foreign keys are
// deferred meanwhile; re-inserting the rows satisfies treatments.appointment_id before commit.
// Everything here is self-contained: this step must read the same whatever the code becomes.

const WALL_CLOCK = `GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'`;
const TIME_OF_DAY = `GLOB '[0-2][0-9]:[0-5][0-9]'`;
const INTENSITY = `IN ('avoid', 'flush', 'light', 'moderate', 'deep')`;

export const diary: Migration = {
  version: 4,
  name: 'diary: appointment types, statuses, hours, recall contacts',
  up(db) {
    db.exec(`
      CREATE TABLE appointment_types (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
        duration_min  INTEGER NOT NULL CHECK (duration_min BETWEEN 15 AND 480 AND duration_min % 15 = 0),
        intensity     TEXT NOT NULL CHECK (intensity ${INTENSITY}),
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) STRICT;
      INSERT INTO appointment_types (name, duration_min, intensity) VALUES
        ('Assessment', 60, 'moderate'),
        ('Sports massage, 45 min', 45, 'moderate'),
        ('Sports massage, 60 min', 60, 'deep'),
        ('Deep tissue', 60, 'deep'),
        ('Flush', 30, 'flush'),
        ('Post-race recovery', 30, 'flush');
    `);

    db.exec(`
      PRAGMA defer_foreign_keys = ON;
      CREATE TEMP TABLE appointments_v3 AS SELECT * FROM appointments;
      DROP TABLE appointments;

      CREATE TABLE appointments (
        id                       INTEGER PRIMARY KEY,
        client_id                INTEGER NOT NULL REFERENCES clients(id),
        therapist_id             INTEGER NOT NULL REFERENCES therapists(id),
        type_id                  INTEGER REFERENCES appointment_types(id),
        starts_at                TEXT NOT NULL CHECK (starts_at ${WALL_CLOCK}),
        duration_min             INTEGER NOT NULL CHECK (duration_min BETWEEN 5 AND 480),
        ends_at                  TEXT NOT NULL CHECK (ends_at = strftime('%Y-%m-%dT%H:%M', starts_at, '+' || duration_min || ' minutes')),
        status                   TEXT NOT NULL DEFAULT 'booked'
                                   CHECK (status IN ('booked', 'arrived', 'completed', 'cancelled', 'no-show')),
        cancel_reason            TEXT CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL AND length(trim(cancel_reason)) > 0)),
        -- A guidance warning the booker acknowledged: its text, who, and when (local wall clock).
        warning_text             TEXT,
        warning_acknowledged_by  TEXT,
        warning_acknowledged_at  TEXT,
        outside_hours_confirmed  INTEGER NOT NULL DEFAULT 0 CHECK (outside_hours_confirmed IN (0, 1)),
        notes                    TEXT NOT NULL DEFAULT '',
        created_at               TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
        updated_at               TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
        CHECK ((warning_text IS NULL) = (warning_acknowledged_at IS NULL)),
        CHECK ((warning_text IS NULL) = (warning_acknowledged_by IS NULL))
      ) STRICT;

      INSERT INTO appointments (id, client_id, therapist_id, starts_at, duration_min, ends_at, status, cancel_reason, notes, created_at, updated_at)
        SELECT id, client_id, therapist_id, substr(starts_at, 1, 16), duration_min,
               strftime('%Y-%m-%dT%H:%M', substr(starts_at, 1, 16), '+' || duration_min || ' minutes'),
               CASE status WHEN 'attended' THEN 'completed' ELSE status END,
               CASE status WHEN 'cancelled' THEN 'Not recorded' END,
               notes, created_at, created_at
        FROM temp.appointments_v3;
      DROP TABLE temp.appointments_v3;

      -- The diary week (all therapists, or one) and both clash checks read these.
      CREATE INDEX appointments_by_time ON appointments (starts_at, therapist_id);
      CREATE INDEX appointments_by_therapist ON appointments (therapist_id, starts_at, ends_at, status);
      CREATE INDEX appointments_by_client ON appointments (client_id, starts_at, ends_at, status);
    `);

    db.exec(`
      -- Opening hours per ISO weekday (1 = Monday .. 7 = Sunday); no row: closed that day.
      CREATE TABLE clinic_hours (
        weekday  INTEGER PRIMARY KEY CHECK (weekday BETWEEN 1 AND 7),
        opens    TEXT NOT NULL CHECK (opens ${TIME_OF_DAY}),
        closes   TEXT NOT NULL CHECK (closes ${TIME_OF_DAY} AND closes > opens)
      ) STRICT;
      INSERT INTO clinic_hours (weekday, opens, closes) VALUES
        (1, '08:00', '20:00'), (2, '08:00', '20:00'), (3, '08:00', '20:00'), (4, '08:00', '20:00'),
        (5, '08:00', '20:00'), (6, '09:00', '14:00');

      -- A therapist's own week. A therapist with no rows works the clinic's hours; one with rows
      -- works only those days (starts NULL: a day off).
      CREATE TABLE therapist_hours (
        therapist_id  INTEGER NOT NULL REFERENCES therapists(id),
        weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        starts        TEXT CHECK (starts ${TIME_OF_DAY}),
        ends          TEXT CHECK (ends ${TIME_OF_DAY}),
        PRIMARY KEY (therapist_id, weekday),
        CHECK ((starts IS NULL) = (ends IS NULL)),
        CHECK (starts IS NULL OR ends > starts)
      ) STRICT, WITHOUT ROWID;

      -- "Contacted" on the recall list, so two people do not ring the same client.
      CREATE TABLE recall_contacts (
        id            INTEGER PRIMARY KEY,
        client_id     INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        contacted_on  TEXT NOT NULL CHECK (contacted_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        note          TEXT NOT NULL DEFAULT '',
        contacted_by  TEXT NOT NULL CHECK (length(trim(contacted_by)) > 0),
        created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) STRICT;
      CREATE INDEX recall_contacts_latest ON recall_contacts (client_id, contacted_on, id);
    `);
  },
};
