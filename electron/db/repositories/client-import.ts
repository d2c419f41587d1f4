import type { Db } from '../native';
import { statement } from '../sql';

// What an import needs from the clients on file: who each is (names and date of birth), to refuse
// a duplicate. Every client, archived ones too.

export interface ClientIdentity {
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  archived: number;
}

export function clientIdentities(db: Db): ClientIdentity[] {
  return statement(db, 'SELECT first_name, last_name, date_of_birth, archived_at IS NOT NULL AS archived FROM clients').all() as ClientIdentity[];
}
