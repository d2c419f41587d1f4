import { Paper, Text, Title } from '@mantine/core';

/** The appointment calendar for several therapists is its own piece of work; this area holds its place. */
export function CalendarPage() {
  return (
    <>
      <Title order={2} mb="md">
        Calendar
      </Title>
      <Paper withBorder p="lg" radius="md">
        <Text c="dimmed">The appointment calendar is not in this version yet. Upcoming appointments show on each client’s page.</Text>
      </Paper>
    </>
  );
}
