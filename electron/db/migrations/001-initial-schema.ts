import type { Migration } from './index';

// The whole mission's schema from the start. Dates are calendar dates (YYYY-MM-DD);
// appointment times are clinic-local wall-clock times (YYYY-MM-DDTHH:mm), never instants.
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE therapists (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) STRICT;

      -- Room for sign-in: a user acts in one role; a therapist user is linked to a therapist.
      CREATE TABLE users (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'therapist', 'reception')),
        therapist_id  INTEGER REFERENCES therapists(id),
        pin_hash      TEXT,
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) STRICT;

      CREATE TABLE clients (
        id                       INTEGER PRIMARY KEY,
        first_name               TEXT NOT NULL,
        last_name                TEXT NOT NULL,
        date_of_birth            TEXT,
        phone                    TEXT NOT NULL DEFAULT '',
        email                    TEXT NOT NULL DEFAULT '',
        emergency_contact_name   TEXT NOT NULL DEFAULT '',
        emergency_contact_phone  TEXT NOT NULL DEFAULT '',
        gp                       TEXT NOT NULL DEFAULT '',
        medical_alerts           TEXT NOT NULL DEFAULT '',
        hotspots                 TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(hotspots)),
        usual_therapist_id       INTEGER REFERENCES therapists(id),
        consent_treatment        INTEGER NOT NULL DEFAULT 0 CHECK (consent_treatment IN (0, 1)),
        consent_data             INTEGER NOT NULL DEFAULT 0 CHECK (consent_data IN (0, 1)),
        consent_date             TEXT,
        notes                    TEXT NOT NULL DEFAULT '',
        archived_at              TEXT,
        created_at               TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
        updated_at               TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) STRICT;
      CREATE INDEX clients_by_name ON clients (last_name COLLATE NOCASE, first_name COLLATE NOCASE);

      CREATE TABLE races (
        id           INTEGER PRIMARY KEY,
        client_id    INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
        date         TEXT NOT NULL,
        distance     TEXT NOT NULL CHECK (distance IN ('5k', '10k', 'half', 'marathon', 'ultra', 'ultra-long')),
        distance_km  REAL CHECK (distance_km IS NULL OR distance_km > 0),
        priority     TEXT NOT NULL DEFAULT 'A' CHECK (priority IN ('A', 'B', 'C')),
        plan_start   TEXT,
        taper_days   INTEGER CHECK (taper_days IS NULL OR taper_days BETWEEN 7 AND 28),
        goal_time    TEXT NOT NULL DEFAULT '',
        notes        TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) STRICT;
      CREATE INDEX races_by_client ON races (client_id, date);
      CREATE INDEX races_by_date ON races (date);

      CREATE TABLE appointments (
        id            INTEGER PRIMARY KEY,
        client_id     INTEGER NOT NULL REFERENCES clients(id),
        therapist_id  INTEGER NOT NULL REFERENCES therapists(id),
        starts_at     TEXT NOT NULL,
        duration_min  INTEGER NOT NULL CHECK (duration_min BETWEEN 5 AND 480),
        status        TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'attended', 'cancelled', 'no-show')),
        notes         TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) STRICT;
      CREATE INDEX appointments_by_therapist ON appointments (therapist_id, starts_at);
      CREATE INDEX appointments_by_client ON appointments (client_id, starts_at);

      -- A treatment keeps the guidance in force when it was logged (phase, ceiling, headline),
      -- so history shows what was advised even after the client's races change.
      CREATE TABLE treatments (
        id                INTEGER PRIMARY KEY,
        client_id         INTEGER NOT NULL REFERENCES clients(id),
        therapist_id      INTEGER NOT NULL REFERENCES therapists(id),
        appointment_id    INTEGER REFERENCES appointments(id),
        date              TEXT NOT NULL,
        intensity         TEXT NOT NULL CHECK (intensity IN ('avoid', 'flush', 'light', 'moderate', 'deep')),
        sore              INTEGER NOT NULL DEFAULT 0 CHECK (sore IN (0, 1)),
        phase             TEXT NOT NULL CHECK (phase IN ('off-season', 'base', 'peak', 'taper', 'race-week', 'race-day', 'post-race')),
        ceiling           TEXT NOT NULL CHECK (ceiling IN ('avoid', 'flush', 'light', 'moderate', 'deep')),
        guidance_headline TEXT NOT NULL DEFAULT '',
        override_reason   TEXT,
        areas             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(areas)),
        techniques        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(techniques)),
        subjective        TEXT NOT NULL DEFAULT '',
        objective         TEXT NOT NULL DEFAULT '',
        assessment        TEXT NOT NULL DEFAULT '',
        plan              TEXT NOT NULL DEFAULT '',
        pain_before       INTEGER CHECK (pain_before IS NULL OR pain_before BETWEEN 0 AND 10),
        pain_after        INTEGER CHECK (pain_after IS NULL OR pain_after BETWEEN 0 AND 10),
        advice            TEXT NOT NULL DEFAULT '',
        next_booking      TEXT,
        created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) STRICT;
      CREATE INDEX treatments_by_client ON treatments (client_id, date);
    `);
  },
};
