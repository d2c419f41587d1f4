import { clientSearchKey as keyFor, clientSortName } from '../../../shared/search';
import type { Migration } from './index';

// Instant search needs one folded column per client ("McDonald", "Mc Donald" and "mcdonald"
// all fold alike), and the list a folded sort name ("Álvarez" files under A, not after Z).
// Existing rows are backfilled.
export const clientSearchKey: Migration = {
  version: 2,
  name: 'client search key',
  up(db) {
    db.exec(`ALTER TABLE clients ADD COLUMN search_key TEXT NOT NULL DEFAULT ''`);
    db.exec(`ALTER TABLE clients ADD COLUMN sort_name TEXT NOT NULL DEFAULT ''`);
    const rows = db.prepare('SELECT id, first_name, last_name, phone, email FROM clients').all() as {
      id: number; first_name: string; last_name: string; phone: string; email: string;
    }[];
    const update = db.prepare('UPDATE clients SET search_key = ?, sort_name = ? WHERE id = ?');
    for (const r of rows) {
      const names = { firstName: r.first_name, lastName: r.last_name };
      update.run(keyFor({ ...names, phone: r.phone, email: r.email }), clientSortName(names), r.id);
    }
    db.exec(`CREATE INDEX clients_by_sort_name ON clients (sort_name, id)`);
  },
};
