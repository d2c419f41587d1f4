import type { Migration } from './index';

// The phase engine's answers kept beside the data they come from, so the diary and the recall
// list of a chain (a million appointments, 100,000 clients) need not run the engine for every
// row on every read:
// - appointment_guidance: each appointment's phase and ceiling on its day with its therapist.
// - recall_due: for each client whose races can hold a given day, what the booking rules say is
//   due on that day (the recall list's rows, and the clients with nothing due).
// - guidance_queue: clients whose kept answers are gone and are still to be worked out again.
// A change to a client's races, treatments or plan sessions, or to an appointment's day or
// therapist, drops that client's kept answers and queues the client, in triggers, so no insert,
// update or delete, whatever code makes it, can leave a stale answer behind. (SQLite fires no
// delete trigger for INSERT OR REPLACE without recursive_triggers: Fettle never replaces rows of
// these tables.) Readers work out whatever is missing themselves; keeping the tables filled is
// upkeep the app does while idle.
//
// Self-contained: this step must read the same whatever the code becomes.

/** The statements that drop a client's kept answers and queue the client (none for a race already gone). */
const forget = (client: string) => `
  INSERT OR IGNORE INTO guidance_queue (client_id) SELECT ${client} WHERE ${client} IS NOT NULL;
  DELETE FROM appointment_guidance WHERE client_id = ${client};
  DELETE FROM recall_due WHERE client_id = ${client};`;

const raceOf = (race: string) => `(SELECT client_id FROM races WHERE id = ${race})`;

export const keptGuidance: Migration = {
  version: 10,
  name: 'kept phase and recall answers',
  up(db) {
    db.exec(`
      -- rules: the version of the engine's rules an answer was worked out by; answers under other
      -- rules are not read, and are overwritten as the upkeep works them out again.
      CREATE TABLE appointment_guidance (
        appointment_id INTEGER PRIMARY KEY REFERENCES appointments(id) ON DELETE CASCADE,
        client_id      INTEGER NOT NULL,
        phase          TEXT NOT NULL,
        ceiling        TEXT NOT NULL,
        rules          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX appointment_guidance_by_client ON appointment_guidance (client_id);

      CREATE TABLE recall_due (
        client_id INTEGER PRIMARY KEY,
        on_date   TEXT NOT NULL,
        -- The recall entry's engine-given fields as JSON, or NULL when nothing is due that day.
        entry     TEXT CHECK (entry IS NULL OR json_valid(entry)),
        rules     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX recall_due_listed ON recall_due (on_date, client_id) WHERE entry IS NOT NULL;

      CREATE TABLE guidance_queue (client_id INTEGER PRIMARY KEY) STRICT;

      CREATE TRIGGER races_forget_guidance_insert AFTER INSERT ON races BEGIN ${forget('NEW.client_id')} END;
      CREATE TRIGGER races_forget_guidance_update AFTER UPDATE ON races BEGIN ${forget('OLD.client_id')} ${forget('NEW.client_id')} END;
      CREATE TRIGGER races_forget_guidance_delete AFTER DELETE ON races BEGIN ${forget('OLD.client_id')} END;

      CREATE TRIGGER treatments_forget_guidance_insert AFTER INSERT ON treatments BEGIN ${forget('NEW.client_id')} END;
      CREATE TRIGGER treatments_forget_guidance_update AFTER UPDATE OF client_id, date, therapist_id, intensity ON treatments
        BEGIN ${forget('OLD.client_id')} ${forget('NEW.client_id')} END;
      CREATE TRIGGER treatments_forget_guidance_delete AFTER DELETE ON treatments BEGIN ${forget('OLD.client_id')} END;

      CREATE TRIGGER plan_sessions_forget_guidance_insert AFTER INSERT ON plan_sessions BEGIN ${forget(raceOf('NEW.race_id'))} END;
      CREATE TRIGGER plan_sessions_forget_guidance_update AFTER UPDATE ON plan_sessions
        BEGIN ${forget(raceOf('OLD.race_id'))} ${forget(raceOf('NEW.race_id'))} END;
      CREATE TRIGGER plan_sessions_forget_guidance_delete AFTER DELETE ON plan_sessions BEGIN ${forget(raceOf('OLD.race_id'))} END;

      -- A new appointment has no kept answer yet; a moved one's no longer holds.
      CREATE TRIGGER appointments_queue_guidance_insert AFTER INSERT ON appointments
        BEGIN INSERT OR IGNORE INTO guidance_queue (client_id) VALUES (NEW.client_id); END;
      CREATE TRIGGER appointments_forget_guidance_update AFTER UPDATE OF client_id, therapist_id, starts_at ON appointments BEGIN
        DELETE FROM appointment_guidance WHERE appointment_id = NEW.id;
        INSERT OR IGNORE INTO guidance_queue (client_id) VALUES (NEW.client_id);
      END;

      -- Every client with an appointment is worked out once, by the upkeep, after this step.
      INSERT INTO guidance_queue (client_id) SELECT DISTINCT client_id FROM appointments;
    `);
  },
};
