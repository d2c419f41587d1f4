import { Text } from '@mantine/core';
import type { Due, DueKind } from '../../../shared/guidance';
import { formatDate } from '../format';

export type DueUrgency = 'overdue' | 'due-now' | 'upcoming';

/** How pressing a booking is on a given day: past overdue, past its due date, or still ahead. */
export function dueUrgency(due: Due, today: string): DueUrgency {
  if (due.overdueFrom && today >= due.overdueFrom) return 'overdue';
  if (due.kind !== 'deeper-work' && today >= due.by) return 'due-now';
  return 'upcoming';
}

/** What the booking is, as a noun: "The next peak session is due now". */
const WHAT: Readonly<Record<DueKind, string>> = {
  'baseline-assessment': 'The baseline assessment',
  'peak-session': 'The next peak session',
  'taper-session': 'The taper session',
  'recovery-flush': 'The recovery flush',
  'deeper-work': 'Deeper work',
};

const COLOUR: Record<DueUrgency, string> = { overdue: 'red.8', 'due-now': 'orange.9', upcoming: 'teal.9' };

/**
 * The due booking as one line that cannot contradict itself, coloured by urgency:
 * "The next peak session is overdue (since 10/03/2026).", "The next peak session is due now;
 * overdue from 10/03/2026.", or, while it is still ahead, the engine's own sentence.
 */
export function DueLine({ due, today }: { due: Due; today: string }) {
  const urgency = dueUrgency(due, today);
  const text =
    urgency === 'overdue'
      ? `${WHAT[due.kind]} is overdue (since ${formatDate(due.overdueFrom)}).`
      : urgency === 'due-now'
        ? `${WHAT[due.kind]} is due now${due.overdueFrom ? `; overdue from ${formatDate(due.overdueFrom)}` : ''}.`
        : `${due.message}${due.overdueFrom ? ` Overdue from ${formatDate(due.overdueFrom)}.` : ''}`;
  return (
    <Text size="sm" fw={600} c={COLOUR[urgency]} data-testid="guidance-due" data-urgency={urgency}>
      {text}
    </Text>
  );
}
