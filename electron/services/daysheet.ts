import type { DaySheet } from '../../shared/api/types';
import type { ServiceContext } from './context';
import { dayColumns } from './diary';

/**
 * A day's appointments per therapist for printing: client, time, type, phase, ceiling and
 * medical alerts. Built from the diary's own rows, which never read a note field, so the
 * sheet can be left on the front desk.
 */
export function daySheet(ctx: ServiceContext, date: string): DaySheet {
  return { date, therapists: dayColumns(ctx, date) };
}
