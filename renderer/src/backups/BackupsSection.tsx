import { Alert, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { BackupEntry } from '../../../shared/api/storage';
import { useAction, useCall } from '../api';
import { Loaded } from '../components/Loaded';
import { formatInstant, formatSize } from './format';
import { RestoreDialog } from './RestoreDialog';

/** Settings → Backups: where they go, the last good one, "Back up now", and restore from any of them. */
export function BackupsSection() {
  const [running, setRunning] = useState(false);
  // While a backup runs, its progress is polled from main.
  const status = useCall('backups:status', {}, { refetchInterval: running ? 250 : false });
  const list = useCall('backups:list', {});
  const backUp = useAction('backups:run', { onSettled: () => setRunning(false) });
  const choose = useAction('files:choose');
  const setFolder = useAction('backups:setFolder');
  const [restoring, setRestoring] = useState<string | null>(null);

  const chooseFolder = () =>
    choose.mutate({ purpose: 'backup-folder' }, { onSuccess: ({ path }) => path && setFolder.mutate({ folder: path }) });
  const chooseFile = () => choose.mutate({ purpose: 'backup-file' }, { onSuccess: ({ path }) => path && setRestoring(path) });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="backups-title">
      <Title order={2} size="h4" mb="sm" id="backups-title">Backups</Title>
      <Loaded query={status} what="the backup status">
        {(s) => (
          <Stack gap="sm">
            {s.warning && <Alert color="red" role="alert" title="Backups need attention">{s.warning.message}</Alert>}
            <Text size="sm">
              Backups go to <Text span fw={600} style={{ overflowWrap: 'anywhere' }}>{s.folder}</Text>
              {s.isDefaultFolder ? ' (inside the data folder: choose a USB drive or a synced folder to keep a copy off this laptop).' : '.'}
            </Text>
            <Text size="sm" data-testid="last-backup">
              {s.lastGood ? `Last good backup: ${formatInstant(s.lastGood.takenAt)} (${formatSize(s.lastGood.sizeBytes)}).` : 'No backup yet.'}
              {' '}Fettle backs up when it starts, every day while it is open, and when it closes, keeping 7 daily, 4 weekly and 12 monthly copies.
            </Text>
            {(running || s.running) && (
              <Progress value={s.running?.percent ?? 0} aria-label="Backup progress" animated size="lg" />
            )}
            <Group>
              <Button loading={backUp.isPending} onClick={() => { setRunning(true); backUp.mutate({}); }}>Back up now</Button>
              <Button variant="default" onClick={chooseFolder} loading={choose.isPending || setFolder.isPending}>Choose backup folder…</Button>
              {!s.isDefaultFolder && <Button variant="subtle" onClick={() => setFolder.mutate({ folder: null })}>Use the default folder</Button>}
              <Button variant="default" onClick={chooseFile}>Restore from a file…</Button>
            </Group>
            {backUp.data && !backUp.isPending && <Text size="sm" c="teal.9" role="status">Backed up and verified: {backUp.data.name}.</Text>}
          </Stack>
        )}
      </Loaded>
      <Title order={3} size="h5" mt="md" mb="xs">Backups in the folder</Title>
      <Loaded query={list} what="the list of backups">
        {(entries) => (entries.length === 0 ? <Text size="sm" c="dimmed">None yet.</Text> : <BackupTable entries={entries} onRestore={setRestoring} />)}
      </Loaded>
      <RestoreDialog file={restoring} onClose={() => setRestoring(null)} />
    </Paper>
  );
}

function BackupTable({ entries, onRestore }: { entries: BackupEntry[]; onRestore: (file: string) => void }) {
  return (
    <Table aria-label="Backups">
      <Table.Thead><Table.Tr><Table.Th>Taken</Table.Th><Table.Th>Size</Table.Th><Table.Th>Kind</Table.Th><Table.Th><span className="visually-hidden">Actions</span></Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {entries.slice(0, 12).map((b) => (
          <Table.Tr key={b.file}>
            <Table.Td>{formatInstant(b.takenAt)}</Table.Td>
            <Table.Td>{formatSize(b.sizeBytes)}</Table.Td>
            <Table.Td>{b.kind === 'before-restore' ? 'Safety copy before a restore' : 'Backup'}</Table.Td>
            <Table.Td><Button size="xs" variant="default" onClick={() => onRestore(b.file)} aria-label={`Restore the backup of ${formatInstant(b.takenAt)}`}>Restore…</Button></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
