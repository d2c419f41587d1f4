import type { Migration } from './index';

// Instant search needs one folded column per client ("McDonald", "Mc Donald" and "mcdonald"
// all fold alike), and the list a folded sort name ("Álvarez" files under A, not after Z).
// Existing rows are backfilled.
//
// Frozen: the folding below is a copy of shared/search.ts as it was when this step was written,
// so this step gives the same result whatever later versions of the search code do. (A later
// change to the folding needs its own migration to rewrite the keys.)

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function searchKey(c: { first_name: string; last_name: string; phone: string; email: string }): string {
  const words = `${c.first_name} ${c.last_name}`.split(/\s+/).map(fold).filter(Boolean);
  return [...words, words.join(''), c.phone.replace(/\D+/g, ''), fold(c.email)].filter(Boolean).join(' ');
}

const sortName = (c: { first_name: string; last_name: string }) => `${fold(c.last_name)} ${fold(c.first_name)}`;

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
    for (const row of rows) update.run(searchKey(row), sortName(row), row.id);
    db.exec(`CREATE INDEX clients_by_sort_name ON clients (sort_name, id)`);
  },
};
