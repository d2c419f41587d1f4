import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/**
 * Renders a read's data, or says it is loading, or says it failed (with a retry): a screen
 * never shows "nothing here" when its call failed.
 */
export function Loaded<T>({ query, what, children }: { query: UseQueryResult<T, Error>; what: string; children: (data: T) => ReactNode }) {
  if (query.isError) return <LoadFailed what={what} error={query.error} retry={() => void query.refetch()} />;
  if (query.data === undefined) {
    return (
      <Group gap="xs" role="status" aria-live="polite">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">Loading {what}…</Text>
      </Group>
    );
  }
  return <>{children(query.data)}</>;
}

export function LoadFailed({ what, error, retry }: { what: string; error: Error; retry?: () => void }) {
  return (
    <Alert color="red" title={`Could not load ${what}`} role="alert">
      <Text size="sm" mb={retry ? 'xs' : 0}>{error.message}</Text>
      {retry && <Button size="xs" variant="default" onClick={retry}>Try again</Button>}
    </Alert>
  );
}
