import { Alert, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import type { BookingCheck } from '../../../shared/api/types';
import { GIVEN_LABEL, intensityRank } from '../../../shared/guidance';
import { useSignedIn } from '../access/session';
import { IntensityBadge, PhaseChip } from '../components/Chips';
import { formatDate, formatDateTime } from '../format';
import { Caution } from './Caution';

interface Confirmation {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
}

interface Props {
  check: BookingCheck;
  clientName: string;
  therapistName: string;
  date: string;
  /** False while only the date is chosen: clashes and hours wait for a time. */
  slotChosen: boolean;
  /** The answer is for the previous choices, while the new one loads. */
  stale: boolean;
  acknowledge: Confirmation;
  confirmOutsideHours: Confirmation;
  /** A move: the same warning was acknowledged when booked, so it is not asked again. */
  acknowledgedBefore?: { by: string; at: string } | null;
}

/**
 * What main's dry run says about the chosen slot: the client's phase, ceiling and headline on
 * that date with that therapist; warnings to acknowledge; clashes by name; hours to confirm.
 */
export function CheckPanel({ check, clientName, therapistName, date, slotChosen, stale, acknowledge, confirmOutsideHours, acknowledgedBefore }: Props) {
  const signedIn = useSignedIn();
  const { guidance, typeIntensity } = check;
  const above = typeIntensity !== null && intensityRank(typeIntensity) > intensityRank(guidance.ceiling);
  return (
    <Stack gap="sm" style={{ opacity: stale ? 0.6 : 1 }} aria-busy={stale} data-testid="booking-check">
      <Paper withBorder p="sm" radius="md" role="region" aria-label={`Guidance for ${clientName} on ${formatDate(date)}`}>
        <Text size="sm" c="dimmed" mb={4}>
          {clientName} on {formatDate(date)} with {therapistName}
        </Text>
        <Group gap="xs" mb={4}>
          <PhaseChip phase={guidance.phase} />
          <IntensityBadge intensity={guidance.ceiling} />
          {typeIntensity && (
            <Text size="sm" c={above ? 'red.8' : 'dimmed'} fw={above ? 600 : 400}>
              {above ? `${GIVEN_LABEL[typeIntensity]} is above this` : `${GIVEN_LABEL[typeIntensity]} is within this`}
            </Text>
          )}
        </Group>
        <Text fw={600} data-testid="booking-headline">{guidance.headline}</Text>
      </Paper>

      {check.warnings.length > 0 && (
        <Caution title="Warning: acknowledge to book" data-testid="booking-warnings">
          <Stack gap="xs">
            {check.warnings.map((w) => (
              // The headline is shown just above: said once.
              <Text key={w.code} size="sm" data-warning={w.code}>{w.message.replace(guidance.headline, '').trim() || w.message}</Text>
            ))}
            {acknowledgedBefore ? (
              <Text size="sm" fw={600}>Acknowledged by {acknowledgedBefore.by} on {formatDateTime(acknowledgedBefore.at.slice(0, 16))}.</Text>
            ) : (
              <>
                <Checkbox label="I have read this warning and want to book anyway" checked={acknowledge.checked}
                  onChange={(e) => acknowledge.onChange(e.currentTarget.checked)} error={acknowledge.error} />
                <Text size="xs" c="dimmed">Stored with your name, {signedIn.name}, and the time.</Text>
              </>
            )}
          </Stack>
        </Caution>
      )}

      {slotChosen && check.clashes.length > 0 && (
        <Alert color="red" variant="light" title="This slot is taken" role="alert" data-testid="booking-clashes">
          {check.clashes.map((c) => (
            <Text key={`${c.kind}-${c.appointmentId}`} size="sm">{c.message}</Text>
          ))}
        </Alert>
      )}

      {slotChosen && check.outsideHours && (
        <Caution title="Outside hours">
          <Stack gap="xs">
            <Text size="sm">{check.outsideHours}</Text>
            <Checkbox label="Book outside hours" checked={confirmOutsideHours.checked}
              onChange={(e) => confirmOutsideHours.onChange(e.currentTarget.checked)} error={confirmOutsideHours.error} />
          </Stack>
        </Caution>
      )}
    </Stack>
  );
}

type ConfirmationField = 'acknowledgeWarning' | 'confirmOutsideHours';

/** The parts of a booking or move form (react-hook-form) that answer the dry run. */
interface ConfirmationForm {
  values: { acknowledgeWarning?: boolean | undefined; confirmOutsideHours?: boolean | undefined };
  setValue(this: void, field: ConfirmationField, value: boolean): void;
  clearErrors(this: void, field: ConfirmationField): void;
  errors: Partial<Record<string, { message?: string } | undefined>>;
}

/**
 * The acknowledgement and the hours confirmation, as CheckPanel takes them (main records who
 * acknowledged: the signed-in person). A new warning needs a new acknowledgement and a new slot a new confirmation, so each
 * is cleared when the dry run's words change.
 */
export function useConfirmations(check: BookingCheck | undefined, form: ConfirmationForm): Pick<Props, 'acknowledge' | 'confirmOutsideHours'> {
  const { setValue, clearErrors } = form;
  const set = useCallback((field: ConfirmationField, value: boolean) => {
    setValue(field, value);
    clearErrors(field);
  }, [setValue, clearErrors]);
  const warningText = check?.warnings.map((w) => w.message).join(' ') ?? '';
  const outsideText = check?.outsideHours ?? '';
  useEffect(() => set('acknowledgeWarning', false), [warningText, set]);
  useEffect(() => set('confirmOutsideHours', false), [outsideText, set]);
  return {
    acknowledge: { checked: !!form.values.acknowledgeWarning, onChange: (v) => set('acknowledgeWarning', v), error: form.errors.acknowledgeWarning?.message },
    confirmOutsideHours: { checked: !!form.values.confirmOutsideHours, onChange: (v) => set('confirmOutsideHours', v), error: form.errors.confirmOutsideHours?.message },
  };
}
