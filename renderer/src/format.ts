import { format, isValid, parse, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale';
import { formatDate as formatIsoDate } from '../../shared/guidance';

// The one place dates are formatted for people and read back from them: en-GB, day first,
// Monday weeks, whatever the laptop's locale.

/** dd/MM/yyyy, the same form the guidance text uses; empty for a missing date. */
export const formatDate = (iso: string | null | undefined): string => (iso ? formatIsoDate(iso) : '');

/** "Monday 02/03/2026". */
export const formatLongDate = (iso: string): string => format(parseISO(iso), 'EEEE dd/MM/yyyy', { locale: enGB });

/** "Mon 02/03", as the diary's week heads its days. */
export const formatShortDate = (iso: string): string => format(parseISO(iso), 'EEE dd/MM', { locale: enGB });

/** `YYYY-MM-DDTHH:mm` wall-clock time → "Tue 24/11/2026, 14:30". */
export const formatDateTime = (local: string): string => format(parseISO(local), 'EEE dd/MM/yyyy, HH:mm', { locale: enGB });

export const fullName = (c: { firstName: string; lastName: string }): string => `${c.firstName} ${c.lastName}`;

const TYPED_FORMATS = ['d/M/yyyy', 'd.M.yyyy', 'd-M-yyyy', 'yyyy-MM-dd'];

/**
 * A date as a person types it (12/08/1976, 1/2/2026, 2026-02-01) → ISO `YYYY-MM-DD`; null when
 * it is not a real calendar date with a four-digit year. Day first, always.
 */
export function parseUserDate(text: string): string | null {
  const trimmed = text.trim();
  if (!/^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})$/.test(trimmed)) return null;
  for (const pattern of TYPED_FORMATS) {
    const date = parse(trimmed, pattern, new Date(2000, 0, 1));
    if (isValid(date)) return format(date, 'yyyy-MM-dd');
  }
  return null;
}
