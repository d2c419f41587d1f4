import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useAction, useCall } from '../api';
import { Loaded } from '../components/Loaded';
import { SummaryTable } from './SummaryTable';

/**
 * Restore, in two steps: first what the backup holds (a wrong or damaged file is refused here with
 * its own message and nothing changes), then the restore itself, after a safety backup of today's data.
 */
export function RestoreDialog({ file, onClose, onRestored }: { file: string | null; onClose: () => void; onRestored?: () => void }) {
  return (
    <Modal opened={file !== null} onClose={onClose} title="Restore from a backup" size="lg" centered>
      {file && <RestoreSteps file={file} onClose={onClose} onRestored={onRestored} />}
    </Modal>
  );
}

function RestoreSteps({ file, onClose, onRestored }: { file: string; onClose: () => void; onRestored?: (() => void) | undefined }) {
  const inspection = useCall('backups:inspect', { file });
  const restore = useAction('backups:restore', {
    onSuccess: () => {
      onClose();
      if (onRestored) onRestored();
      else window.location.hash = '#/';
    },
  });
  return (
    <Loaded query={inspection} what="the backup">
      {(i) =>
        !i.usable ? (
          <Stack>
            <Alert color="red" role="alert" title="This file cannot be restored">{i.message}</Alert>
            <Text size="sm">Nothing has been changed.</Text>
            <Group justify="flex-end"><Button variant="default" onClick={onClose}>Close</Button></Group>
          </Stack>
        ) : (
          <Stack>
            <SummaryTable summary={i.summary} />
            <Text size="sm">
              Restoring replaces the clinic&apos;s current data with this backup. Fettle first saves a safety copy of the current data,
              so this can be undone by restoring that copy.
            </Text>
            {restore.data && <Text role="status">Restored.</Text>}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} data-autofocus>Cancel</Button>
              <Button color="red" loading={restore.isPending} onClick={() => restore.mutate({ file })}>Restore this backup</Button>
            </Group>
          </Stack>
        )
      }
    </Loaded>
  );
}
