import type { DaySheet } from '../../shared/api/types';
import { ClinicError, type ServiceContext } from './context';
import { writeWhole } from './export';
import { dayColumns } from './diary';

/**
 * A day's appointments per therapist for printing: client, time, type, phase, ceiling and
 * medical alerts. Built from the diary's own rows, which never read a note field, so the
 * sheet can be left on the front desk.
 */
export function daySheet(ctx: ServiceContext, date: string): DaySheet {
  return { date, therapists: dayColumns(ctx, date) };
}

/**
 * Saves the day sheet the window is showing as an A4 PDF where the person chooses (the file is
 * whole or absent). The page itself is the PDF's source, so what is saved is what was read on
 * screen, laid out by its print styles; `file` is null when the person cancels the dialog.
 */
export async function saveDaySheetPdf(
  choose: (() => Promise<string | null>) | undefined,
  print: (() => Promise<Uint8Array>) | undefined,
): Promise<{ file: string | null }> {
  if (!choose || !print) throw new ClinicError('unavailable', 'Saving as PDF needs the Fettle window; use Print instead.');
  const file = await choose();
  if (!file) return { file: null };
  writeWhole(file, await print());
  return { file };
}
