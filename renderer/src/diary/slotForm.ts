import { z } from 'zod';
import { isoDate } from '../../../shared/api/schemas';

// The booking and move forms hold the date and the time apart (a date field and a time list);
// main takes them as one wall-clock `startsAt`.

export const dateAndTime = {
  date: isoDate('Date'),
  time: z.string({ error: 'Time: choose a time.' }).regex(/^\d{2}:\d{2}$/, { error: 'Time: choose a time.' }),
};

export const joinStartsAt = <T extends { date: string; time: string }>({ date, time, ...rest }: T) => ({ ...rest, startsAt: `${date}T${time}` });
