import { format, getDay, parse, startOfWeek } from 'date-fns';
import { enGB } from 'date-fns/locale';
import { dateFnsLocalizer, type Formats } from 'react-big-calendar';

// The grid speaks en-GB whatever the laptop's locale: Monday weeks, 24-hour times, day first.

export const CULTURE = 'en-GB';

export const localizer = dateFnsLocalizer({
  format,
  parse,
  startOfWeek: (date: Date) => startOfWeek(date, { weekStartsOn: 1 }),
  getDay,
  locales: { [CULTURE]: enGB },
});

const span = ({ start, end }: { start: Date; end: Date }) => `${format(start, 'HH:mm')}–${format(end, 'HH:mm')}`;

export const formats: Formats = {
  timeGutterFormat: 'HH:mm',
  eventTimeRangeFormat: span,
  eventTimeRangeStartFormat: ({ start }) => `${format(start, 'HH:mm')} –`,
  eventTimeRangeEndFormat: ({ end }) => `– ${format(end, 'HH:mm')}`,
  selectRangeFormat: span,
  dayFormat: 'EEE dd/MM',
  dayHeaderFormat: 'EEEE dd/MM/yyyy',
  dayRangeHeaderFormat: ({ start, end }) => `${format(start, 'dd/MM/yyyy')} – ${format(end, 'dd/MM/yyyy')}`,
};
