import { format, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale';
import { formatDate as formatIsoDate } from '../../shared/guidance';

// The one place dates are formatted for people: en-GB, day first.

/** dd/MM/yyyy, the same form the guidance text uses; empty for a missing date. */
export const formatDate = (iso: string | null | undefined): string => (iso ? formatIsoDate(iso) : '');

export const formatLongDate = (iso: string): string => format(parseISO(iso), 'EEEE d MMMM yyyy', { locale: enGB });

export const formatShortDate = (iso: string): string => format(parseISO(iso), 'EEE d MMM', { locale: enGB });

/** `YYYY-MM-DDTHH:mm` wall-clock time → "Tue 24 Nov, 14:30". */
export const formatDateTime = (local: string): string => format(parseISO(local), 'EEE d MMM yyyy, HH:mm', { locale: enGB });

export const fullName = (c: { firstName: string; lastName: string }): string => `${c.firstName} ${c.lastName}`;
