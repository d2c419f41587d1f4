import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useAction } from '../api';

/**
 * The client page's "Client record…" button (the page shows it to administrators), for a subject access request: a dialog that saves
 * everything held about this client as a printable PDF or as JSON, where the person chooses,
 * and says where it went.
 */
export function ClientRecordButton({ clientId, clientName }: { clientId: number; clientName: string }) {
  const [open, setOpen] = useState(false);
  const save = useAction('exports:clientRecord', { showsOwnErrors: true });
  const close = () => {
    setOpen(false);
    save.reset();
  };
  const saved = save.data;
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>Client record…</Button>
      <Modal opened={open} onClose={close} title={`Client record: ${clientName}`} size="lg">
        <Stack gap="sm">
          <Text size="sm">
            Everything Fettle holds about {clientName}: profile, medical alerts, races and training plans, appointments,
            every treatment note with the guidance shown at the time, recall contacts and the audit trail. For a subject
            access request (answer within one month), save it as a printable PDF, and as JSON if they want the data itself.
          </Text>
          <Group>
            <Button loading={save.isPending && save.variables.format === 'pdf'} disabled={save.isPending}
              onClick={() => save.mutate({ clientId, format: 'pdf' })} data-autofocus>
              Save as PDF (printable)…
            </Button>
            <Button variant="default" loading={save.isPending && save.variables.format === 'json'} disabled={save.isPending}
              onClick={() => save.mutate({ clientId, format: 'json' })}>
              Save as JSON…
            </Button>
          </Group>
          {save.isError && <Alert color="red" role="alert" title="Not saved">{save.error.message}</Alert>}
          {save.isSuccess && saved === null && <Text size="sm" role="status">Cancelled: nothing was saved.</Text>}
          {saved && (
            <Alert color="teal" role="status" title={saved.format === 'pdf' ? 'PDF saved' : 'JSON saved'}>
              Saved to <Text span fw={600} style={{ overflowWrap: 'anywhere' }}>{saved.file}</Text>
              {' '}({saved.treatments} {saved.treatments === 1 ? 'treatment note' : 'treatment notes'}
              {saved.pages === null ? '' : `, ${saved.pages} ${saved.pages === 1 ? 'page' : 'pages'}`}).
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>Done</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
