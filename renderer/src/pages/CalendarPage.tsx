import { Paper, Text } from '@mantine/core';
import { PageTitle } from '../components/PageTitle';

/** The appointment diary for several therapists is its own piece of work; this area holds its place. */
export function CalendarPage() {
  return (
    <>
      <PageTitle mb="md">Calendar</PageTitle>
      <Paper withBorder p="lg" radius="md">
        <Text c="dimmed">The appointment diary is not in this version yet. Upcoming appointments show on each client’s page.</Text>
      </Paper>
    </>
  );
}
