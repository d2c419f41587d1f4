import { openSqlite, type Db } from '../../db/native';
import { statement } from '../../db/sql';

// One consistent moment of the clinic's database for a long read: a second, read-only connection
// to the same file holding one read transaction. In WAL mode that transaction sees the database
// as it was when it began, whatever the app saves meanwhile (the export yields to the event loop
// between chunks, so saves do happen), and it never sees half of a write.

export interface Snapshot {
  db: Db;
  /** Ends the read transaction and closes the connection. */
  close(): void;
}

export function openSnapshot(db: Db): Snapshot {
  if (db.memory) throw new Error('An export needs the clinic database on disk.');
  const reader = openSqlite(db.name, { readonly: true, fileMustExist: true });
  try {
    reader.exec('BEGIN');
    // A deferred transaction takes its snapshot at the first read: take it now.
    statement(reader, 'SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    reader.close();
    throw error;
  }
  return {
    db: reader,
    close() {
      try {
        if (reader.inTransaction) reader.exec('COMMIT');
      } finally {
        reader.close();
      }
    },
  };
}
