import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { AuditEvent, AuditQuery, SignedInUser } from '../../../shared/api/types';
import { addDays } from '../../../shared/guidance/days';
import type { AuditAction } from '../../../shared/vocabulary';
import { appendAuditEvent, auditEvents } from '../../db/repositories/audit';
import type { ServiceContext } from '../context';

/** Records who did what (and to which client). Part of the caller's transaction when there is one. */
export function recordAudit(
  ctx: ServiceContext,
  who: Pick<SignedInUser, 'id' | 'name'> | { id: null; name: string },
  action: AuditAction,
  about: { clientId?: number | null; detail?: string } = {},
): void {
  appendAuditEvent(ctx.db, { userId: who.id, userName: who.name, action, clientId: about.clientId ?? null, detail: about.detail ?? '' });
}

export const AUDIT_PAGE = 500;

/** The newest events matching the filters (local dates are turned into instants). */
export function listAudit(ctx: ServiceContext, query: AuditQuery, limit = AUDIT_PAGE): AuditEvent[] {
  const instant = (date: string) => new Date(`${date}T00:00`).toISOString();
  return auditEvents(ctx.db, {
    ...query,
    from: query.fromDate ? instant(query.fromDate) : null,
    to: query.toDate ? instant(addDays(query.toDate, 1)) : null,
  }, limit);
}

const AUDIT_COLUMNS = ['at', 'user', 'action', 'client', 'detail'] as const;

/** The audit trail as CSV (UTF-8, header row, RFC 4180 quoting), written whole or not at all. */
export function writeAuditCsv(events: AuditEvent[], file: string): number {
  const rows = events.map((e) => [e.at, e.userName, e.action, e.clientName ?? '', e.detail]);
  const text = stringify([[...AUDIT_COLUMNS], ...rows]);
  const partial = `${file}.part`;
  fs.writeFileSync(partial, text, 'utf8');
  fs.renameSync(partial, file);
  return events.length;
}
