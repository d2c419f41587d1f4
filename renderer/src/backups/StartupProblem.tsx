import { Alert, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { StorageStatus } from '../../../shared/api/storage';
import { useAction } from '../api';
import { formatInstant } from './format';
import { RestoreDialog } from './RestoreDialog';

type Refused = Extract<StorageStatus, { state: 'refused' }>;

const TITLE: Record<Refused['reason'], string> = {
  'empty-file': 'The clinic database is empty',
  truncated: 'The clinic database is incomplete',
  'not-a-database': 'The clinic database is not a database',
  'other-application': 'This database belongs to another program',
  'foreign-clients-table': 'This database belongs to another program',
  'newer-version': 'This database is from a newer Fettle',
  damaged: 'The clinic database is damaged',
  'in-use': 'Fettle is already open on this data',
  'read-only': 'Fettle cannot write to its data folder',
  'disk-full': 'The disk is full',
  locked: 'Another program is holding the database',
  'no-access': 'Fettle is not allowed to read its data',
  missing: 'The clinic database is missing',
};

/** Reasons that another moment may cure, so "Try again" is the first way out. */
const TRANSIENT = new Set<Refused['reason']>(['in-use', 'read-only', 'disk-full', 'locked', 'no-access']);

/**
 * Shown instead of the app when the clinic's database could not be opened: what is wrong, and
 * the ways out (restore the newest good backup, restore another, open another data folder,
 * try again, quit). Never a blank window and never a silent new clinic.
 */
export function StartupProblem({ status }: { status: Refused }) {
  const retry = useAction('storage:retry');
  const choose = useAction('files:choose');
  const useFolder = useAction('storage:useFolder');
  const [restoring, setRestoring] = useState<string | null>(null);
  const afterRestore = () => void retry.mutateAsync({});
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{TITLE[status.reason]}</Title>
        <Alert color="red" role="alert" data-reason={status.reason}>{status.message}</Alert>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>Data file: {status.file}</Text>
        <Group>
          {TRANSIENT.has(status.reason) && <Button onClick={() => retry.mutate({})} loading={retry.isPending}>Try again</Button>}
          {status.newestBackup && !TRANSIENT.has(status.reason) && (
            <Button onClick={() => setRestoring(status.newestBackup!.file)}>
              Restore the newest backup ({formatInstant(status.newestBackup.takenAt)})
            </Button>
          )}
          <Button variant="default" onClick={() => choose.mutate({ purpose: 'backup-file' }, { onSuccess: ({ path }) => path && setRestoring(path) })}>
            Restore another backup…
          </Button>
          <Button variant="default" onClick={() => choose.mutate({ purpose: 'data-folder' }, { onSuccess: ({ path }) => path && useFolder.mutate({ folder: path }) })}>
            Open another data folder…
          </Button>
          <Button variant="subtle" color="gray" onClick={() => window.close()}>Quit Fettle</Button>
        </Group>
        {!status.newestBackup && <Text size="sm">No backup was found in {status.backupFolder}.</Text>}
      </Stack>
      <RestoreDialog file={restoring} onClose={() => setRestoring(null)} onRestored={afterRestore} />
    </Container>
  );
}
