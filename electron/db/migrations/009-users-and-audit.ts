import type { Migration } from './index';

// Who sees what: people who sign in, who wrote each note, amendments to locked notes, and an
// audit trail nobody can change.
// - users: one row per person; `roles` is a JSON array of admin / therapist / reception (a sole
//   practitioner is often both therapist and admin); `therapist_id` links a therapist user to
//   their diary column. `secret_hash` is scrypt with its own salt and parameters, never the secret.
//   `failed_attempts` and `retry_after` slow guessing down across restarts.
// - treatments gain their author (the signed-in user), "author only" and the time after which the
//   note is locked; notes logged before sign-in existed have no author user and are locked.
// - treatment_amendments: a dated change to a locked note, shown under the untouched original.
// - audit_events: append-only; triggers refuse every UPDATE and DELETE, whatever code runs.
//
// Self-contained: this step must read the same whatever the code becomes.
export const usersAndAudit: Migration = {
  version: 9,
  name: 'users, locked notes and audit trail',
  up(db) {
    db.exec(`
      -- The first schema held room for sign-in (one role per user, a PIN hash); nothing ever
      -- wrote to it, so it is replaced rather than altered.
      DROP TABLE users;
      CREATE TABLE users (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
        roles           TEXT NOT NULL CHECK (json_valid(roles) AND json_array_length(roles) > 0),
        therapist_id    INTEGER REFERENCES therapists(id),
        secret_kind     TEXT NOT NULL CHECK (secret_kind IN ('password', 'pin')),
        secret_hash     TEXT NOT NULL CHECK (secret_hash LIKE 'scrypt$%'),
        active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        retry_after     TEXT,
        created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
        updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) STRICT;
      CREATE UNIQUE INDEX users_by_name ON users (lower(trim(name)));
      CREATE UNIQUE INDEX users_by_therapist ON users (therapist_id) WHERE therapist_id IS NOT NULL;

      ALTER TABLE treatments ADD COLUMN author_user_id INTEGER REFERENCES users(id);
      ALTER TABLE treatments ADD COLUMN author_only INTEGER NOT NULL DEFAULT 0 CHECK (author_only IN (0, 1));
      ALTER TABLE treatments ADD COLUMN editable_until TEXT;
      ALTER TABLE treatments ADD COLUMN updated_at TEXT;

      CREATE TABLE treatment_amendments (
        id           INTEGER PRIMARY KEY,
        treatment_id INTEGER NOT NULL REFERENCES treatments(id),
        user_id      INTEGER NOT NULL REFERENCES users(id),
        author_name  TEXT NOT NULL,
        at           TEXT NOT NULL,
        reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        text         TEXT NOT NULL CHECK (length(trim(text)) > 0)
      ) STRICT;
      CREATE INDEX amendments_by_treatment ON treatment_amendments (treatment_id, id);
      CREATE TRIGGER amendments_are_final_on_update BEFORE UPDATE ON treatment_amendments
        BEGIN SELECT RAISE(ABORT, 'An amendment cannot be changed; add another amendment.'); END;
      CREATE TRIGGER amendments_are_final_on_delete BEFORE DELETE ON treatment_amendments
        BEGIN SELECT RAISE(ABORT, 'An amendment cannot be removed; add another amendment.'); END;

      CREATE TABLE audit_events (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
        user_id   INTEGER,
        user_name TEXT NOT NULL,
        action    TEXT NOT NULL,
        client_id INTEGER,
        detail    TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX audit_by_time ON audit_events (at);
      CREATE INDEX audit_by_client ON audit_events (client_id, at) WHERE client_id IS NOT NULL;
      CREATE TRIGGER audit_is_append_only_on_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed.'); END;
      CREATE TRIGGER audit_is_append_only_on_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed.'); END;
    `);
  },
};
