import { format, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale';

/** An instant as the clinic reads it, in the laptop's time: "Mon 02/03/2026, 10:42". */
export const formatInstant = (iso: string): string => format(parseISO(iso), 'EEE dd/MM/yyyy, HH:mm', { locale: enGB });

export const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
