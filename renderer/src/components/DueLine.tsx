import { Text } from '@mantine/core';
import type { Due } from '../../../shared/guidance';
import { formatDate } from '../format';

export type DueUrgency = 'overdue' | 'due-now' | 'upcoming';

/** How pressing a booking is on a given day: past overdue, inside its window, or still ahead. */
export function dueUrgency(due: Due, today: string): DueUrgency {
  if (due.overdueFrom && today >= due.overdueFrom) return 'overdue';
  if (today >= (due.from ?? due.by) || today >= due.by) return 'due-now';
  return 'upcoming';
}

const COLOUR: Record<DueUrgency, string> = { overdue: 'red.8', 'due-now': 'orange.9', upcoming: 'teal.9' };

/**
 * The due booking as one line that cannot contradict itself: "Overdue since 10/03/2026",
 * "Due now · overdue from 10/03/2026", or the engine's own "Book … by …" when it is ahead.
 */
export function DueLine({ due, today }: { due: Due; today: string }) {
  const urgency = dueUrgency(due, today);
  const text =
    urgency === 'overdue'
      ? `Overdue since ${formatDate(due.overdueFrom)}. ${due.message}`
      : urgency === 'due-now'
        ? `Due now${due.overdueFrom ? ` · overdue from ${formatDate(due.overdueFrom)}` : ''}. ${due.message}`
        : `${due.message}${due.overdueFrom ? ` Overdue from ${formatDate(due.overdueFrom)}.` : ''}`;
  return (
    <Text size="sm" fw={600} c={COLOUR[urgency]} data-testid="guidance-due" data-urgency={urgency}>
      {text}
    </Text>
  );
}
