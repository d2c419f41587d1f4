import type { Therapist } from '../../../shared/api/types';
import type { Db } from '../native';

interface Row { id: number; name: string; active: number }
const toTherapist = (r: Row): Therapist => ({ id: r.id, name: r.name, active: r.active === 1 });

export function listTherapists(db: Db): Therapist[] {
  return (db.prepare('SELECT id, name, active FROM therapists ORDER BY active DESC, name COLLATE NOCASE').all() as Row[]).map(toTherapist);
}

export function getTherapist(db: Db, id: number): Therapist | undefined {
  const row = db.prepare('SELECT id, name, active FROM therapists WHERE id = ?').get(id) as Row | undefined;
  return row && toTherapist(row);
}

export function insertTherapist(db: Db, name: string): Therapist {
  const { lastInsertRowid } = db.prepare('INSERT INTO therapists (name) VALUES (?)').run(name);
  return getTherapist(db, Number(lastInsertRowid))!;
}

export function updateTherapist(db: Db, id: number, changes: { name?: string; active?: boolean }): void {
  db.prepare(
    'UPDATE therapists SET name = coalesce(@name, name), active = coalesce(@active, active) WHERE id = @id',
  ).run({ id, name: changes.name ?? null, active: changes.active === undefined ? null : Number(changes.active) });
}
