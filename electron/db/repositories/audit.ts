import type { AuditEvent, AuditQuery } from '../../../shared/api/types';
import type { Db } from '../native';
import { statement } from '../sql';

// The audit trail is append-only: the table's triggers refuse UPDATE and DELETE, so this module
// has nothing but an insert and reads.

interface Row { id: number; at: string; user_id: number | null; user_name: string; action: string; client_id: number | null; client_name: string | null; detail: string }

const toEvent = (r: Row): AuditEvent => ({
  id: r.id, at: r.at, userId: r.user_id, userName: r.user_name, action: r.action as AuditEvent['action'],
  clientId: r.client_id, clientName: r.client_name, detail: r.detail,
});

export interface NewAuditEvent { userId: number | null; userName: string; action: AuditEvent['action']; clientId?: number | null; detail?: string }

export function appendAuditEvent(db: Db, event: NewAuditEvent): void {
  statement(db, 'INSERT INTO audit_events (user_id, user_name, action, client_id, detail) VALUES (?, ?, ?, ?, ?)').run(
    event.userId, event.userName, event.action, event.clientId ?? null, event.detail ?? '',
  );
}

/** Newest first; every filter optional. `from`/`to` are ISO instants (to exclusive). */
export function auditEvents(db: Db, q: AuditQuery & { from?: string | null; to?: string | null }, limit: number): AuditEvent[] {
  return (
    statement(
      db,
      `SELECT a.*, c.first_name || ' ' || c.last_name AS client_name FROM audit_events a LEFT JOIN clients c ON c.id = a.client_id
       WHERE (@userId IS NULL OR a.user_id = @userId) AND (@action IS NULL OR a.action = @action)
         AND (@clientId IS NULL OR a.client_id = @clientId) AND (@from IS NULL OR a.at >= @from) AND (@to IS NULL OR a.at < @to)
       ORDER BY a.at DESC, a.id DESC LIMIT @limit`,
    ).all({ userId: q.userId ?? null, action: q.action ?? null, clientId: q.clientId ?? null, from: q.from ?? null, to: q.to ?? null, limit }) as Row[]
  ).map(toEvent);
}
