import type { Migration } from './index';

// Measured with bench/clients.bench.ts at 10,000 clients: the list query walked the sort index
// and read every table row to test search_key. Covering indexes let search and the engine's
// history read the index alone.
export const clientListIndexes: Migration = {
  version: 3,
  name: 'covering indexes for the client list',
  up(db) {
    db.exec(`
      DROP INDEX clients_by_sort_name;
      CREATE INDEX clients_list ON clients (sort_name, id, archived_at, search_key);
      DROP INDEX treatments_by_client;
      CREATE INDEX treatments_history ON treatments (client_id, date, therapist_id, intensity);
    `);
  },
};
