import { Center, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageTitle } from '../components/PageTitle';

/** The frame of the screens before the clinic opens: sign-in, set-up, the lock. */
export function AccessScreen({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440} maw="100%" radius="md">
        <Stack gap="md">
          <Text fw={700} size="xl" c="teal.8">Fettle</Text>
          <PageTitle>{title}</PageTitle>
          {intro && <Text size="sm">{intro}</Text>}
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
