import { DateInput, type DateInputProps } from '@mantine/dates';
import { useRef } from 'react';
import { parseUserDate } from '../format';
import { useToday } from './forms';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** The form's value: an ISO date, '' for none, or the text typed when it is not a date. */
  value: string | null | undefined;
  onChange: (value: string) => void;
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date a person types or picks as dd/MM/yyyy with Monday weeks, whatever the laptop's locale
 * (the browser's own date input follows the OS and showed mm/dd/yyyy). The form holds ISO dates;
 * text that is not a date is handed to the form as typed, so its schema names the problem next to
 * the field and nothing typed is silently replaced.
 */
export function DateField({ value, onChange, onBlur, ...props }: Props) {
  // Mantine re-formats its text whenever its value changes; while the typed text is not a date
  // keep giving it the last good date so the text stays as the person typed it.
  const lastGood = useRef<string | null>(null);
  const today = useToday();
  if (value && ISO.test(value)) lastGood.current = value;
  else if (!value) lastGood.current = null;
  return (
    <DateInput
      {...props}
      value={lastGood.current}
      valueFormat="DD/MM/YYYY"
      // The picker opens on the clinic's today (or the date held), named controls, no greyed
      // days of the next month (too faint to read).
      defaultDate={lastGood.current ?? today}
      previousLabel="Previous"
      nextLabel="Next"
      hideOutsideDates
      placeholder={props.placeholder ?? 'dd/mm/yyyy'}
      dateParser={parseUserDate}
      fixOnBlur={false}
      clearable={props.clearable ?? true}
      popoverProps={{ withinPortal: true, ...props.popoverProps }}
      // Named "Clear" only: its field's label is right beside it, and a name repeating the
      // label would make the label point at two things.
      clearButtonProps={{ 'aria-label': 'Clear', ...props.clearButtonProps }}
      onChange={(next) => onChange(next ?? '')}
      onBlur={(event) => {
        const text = event.currentTarget.value.trim();
        if (!text) onChange('');
        else {
          const parsed = parseUserDate(text);
          onChange(parsed ?? text);
        }
        onBlur?.(event);
      }}
    />
  );
}
