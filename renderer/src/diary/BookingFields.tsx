import { Group, NumberInput, Select } from '@mantine/core';
import { memo, useState } from 'react';
import { Controller, type Control, type UseFormSetValue } from 'react-hook-form';
import type { z } from 'zod';
import { appointmentBook } from '../../../shared/api/schemas';
import type { AppointmentType, Therapist } from '../../../shared/api/types';
import { DateField } from '../components/DateField';
import { LIST_UNMOUNTED } from '../components/forms';
import { ClientSelect } from './ClientSelect';
import { dateAndTime, joinStartsAt } from './slotForm';
import { TimeSelect } from './TimeSelect';

/** The form holds the date and time apart; main takes them as one `startsAt`. */
export const bookingForm = appointmentBook.omit({ startsAt: true }).extend(dateAndTime).transform(joinStartsAt);

export type BookingFormInput = z.input<typeof bookingForm>;
export type BookingFormOutput = z.output<typeof bookingForm>;

/** Each field's message, or undefined: plain strings, so an unchanged form compares equal. */
export interface FieldMessages {
  clientId: string | undefined;
  therapistId: string | undefined;
  typeId: string | undefined;
  date: string | undefined;
  time: string | undefined;
  durationMin: string | undefined;
}

interface Props extends FieldMessages {
  control: Control<BookingFormInput, unknown, BookingFormOutput>;
  setValue: UseFormSetValue<BookingFormInput>;
  /** A client the form opened with: their name shows, and focus starts at the type. */
  clientGiven: boolean;
  clientName: string | undefined;
  /** The length of a dragged span, kept when a type is chosen. */
  spanMin: number | undefined;
  /**
   * The date the form opened on. Mantine's date box shows a new date a render late (an effect copies
   * it in): a form drawn ahead and opened on another day draws the box anew, showing it at once.
   */
  dateKey: string;
  therapists: readonly Therapist[] | undefined;
  types: readonly AppointmentType[] | undefined;
  typeChosen: boolean;
  onClientName: (name: string) => void;
}


/**
 * The booking form's fields. Memoised: the form around them draws itself again as it mounts (the
 * form library marks itself ready) and whenever main's check answers; neither changes a field.
 */
export const BookingFields = memo(function BookingFields(props: Props) {
  const { control, setValue, clientGiven, clientName, spanMin, dateKey, therapists, types, typeChosen, onClientName } = props;
  const [durationTouched, setDurationTouched] = useState(spanMin !== undefined);
  // A form drawn ahead learns its span as it opens (BookingHost).
  const [touchedFor, setTouchedFor] = useState(spanMin);
  if (touchedFor !== spanMin) {
    setTouchedFor(spanMin);
    setDurationTouched(spanMin !== undefined);
  }
  const activeTypes = (types ?? []).filter((t) => t.active);
  return (
    <>
      <Controller control={control} name="clientId" render={({ field }) => (
        <ClientSelect value={field.value ?? null} initialName={clientName} autoFocus={!clientGiven}
          onChange={(id, name) => { field.onChange(id ?? undefined); onClientName(name); }} onBlur={field.onBlur} error={props.clientId} />
      )} />
      <Controller control={control} name="therapistId" render={({ field }) => (
        <TherapistSelect therapists={therapists} value={field.value ?? null} onChange={(v) => field.onChange(v ?? undefined)} onBlur={field.onBlur} error={props.therapistId} />
      )} />
      <Controller control={control} name="typeId" render={({ field }) => (
        <Select<number> label="Type" withAsterisk comboboxProps={LIST_UNMOUNTED} placeholder="What kind of appointment?" allowDeselect={false} data-autofocus={clientGiven || undefined}
          data={activeTypes.map((t) => ({ value: t.id, label: `${t.name} (${t.durationMin} min)` }))}
          value={field.value ?? null}
          onChange={(v) => {
            field.onChange(v ?? undefined);
            const type = activeTypes.find((t) => t.id === v);
            if (type && !durationTouched) setValue('durationMin', type.durationMin);
          }}
          onBlur={field.onBlur}
          error={props.typeId} />
      )} />
      <Group grow align="start">
        <Controller control={control} name="date" render={({ field }) => (
          <DateField key={dateKey} label="Date" withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={props.date} clearable={false} />
        )} />
        <Controller control={control} name="time" render={({ field }) => (
          <TimeSelect label="Time" withAsterisk placeholder="hh:mm" openOnFocus={false} onFocus={(e) => e.currentTarget.select()}
            value={field.value || null} onChange={field.onChange} onBlur={field.onBlur} error={props.time} />
        )} />
      </Group>
      <Controller control={control} name="durationMin" render={({ field }) => (
        <NumberInput label="Duration (minutes)" step={15} min={15} max={480} allowDecimal={false} clampBehavior="none" w={180}
          description={typeChosen ? undefined : "Choosing a type fills in its length"}
          value={field.value ?? ''} onBlur={field.onBlur} error={props.durationMin}
          onChange={(v) => { setDurationTouched(true); field.onChange(typeof v === 'number' ? v : undefined); }} />
      )} />
    </>
  );
});

// A form drawn ahead is filled in as it opens (BookingHost), and its first frame must show what it
// was given. A Mantine select shows the chosen option's label a render after its value changes
// (an effect copies it into the box): these two hold the box's text themselves, in step with it.

interface SelectFieldProps<V> {
  value: V | null;
  onChange: (value: V | null) => void;
  onBlur: () => void;
  error: string | undefined;
}

function TherapistSelect({ therapists, value, onChange, onBlur, error }: SelectFieldProps<number> & { therapists: readonly Therapist[] | undefined }) {
  const data = (therapists ?? []).filter((t) => t.active).map((t) => ({ value: t.id, label: t.name }));
  // Not searchable: the box only ever shows the chosen therapist's name.
  const shown = data.find((o) => o.value === value)?.label ?? '';
  return (
    <Select<number> label="Therapist" withAsterisk comboboxProps={LIST_UNMOUNTED} placeholder="Who will treat?" allowDeselect={false}
      data={data} value={value} searchValue={shown} onChange={onChange} onBlur={onBlur} error={error} />
  );
}

