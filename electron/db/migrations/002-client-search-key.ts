import { clientSearchKey as keyFor } from '../../../shared/search';
import type { Migration } from './index';

// Instant search needs one folded, indexed-friendly column per client
// ("McDonald", "Mc Donald" and "mcdonald" all fold alike). Existing rows are backfilled.
export const clientSearchKey: Migration = {
  version: 2,
  name: 'client search key',
  up(db) {
    db.exec(`ALTER TABLE clients ADD COLUMN search_key TEXT NOT NULL DEFAULT ''`);
    const rows = db.prepare('SELECT id, first_name, last_name, phone, email FROM clients').all() as {
      id: number; first_name: string; last_name: string; phone: string; email: string;
    }[];
    const update = db.prepare('UPDATE clients SET search_key = ? WHERE id = ?');
    for (const r of rows) {
      update.run(keyFor({ firstName: r.first_name, lastName: r.last_name, phone: r.phone, email: r.email }), r.id);
    }
    db.exec(`CREATE INDEX clients_active ON clients (archived_at, last_name COLLATE NOCASE, first_name COLLATE NOCASE)`);
  },
};
