import type { Therapist } from '../../../shared/api/types';
import type { Db } from '../native';
import { statement } from '../sql';

interface Row { id: number; name: string; active: number }

const toTherapist = (r: Row): Therapist => ({ id: r.id, name: r.name, active: r.active === 1 });

const SELECT = 'SELECT id, name, active FROM therapists';

export function listTherapists(db: Db): Therapist[] {
  return (statement(db, `${SELECT} ORDER BY active DESC, name COLLATE NOCASE`).all() as Row[]).map(toTherapist);
}

export function getTherapist(db: Db, id: number): Therapist | undefined {
  const row = statement(db, `${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  return row && toTherapist(row);
}

export function insertTherapist(db: Db, name: string): Therapist {
  const { lastInsertRowid } = statement(db, 'INSERT INTO therapists (name) VALUES (?)').run(name);
  return getTherapist(db, Number(lastInsertRowid))!;
}

export function updateTherapist(db: Db, id: number, changes: { name?: string | undefined; active?: boolean | undefined }): void {
  statement(db, 'UPDATE therapists SET name = coalesce(@name, name), active = coalesce(@active, active) WHERE id = @id').run({
    id,
    name: changes.name ?? null,
    active: changes.active === undefined ? null : Number(changes.active),
  });
}
