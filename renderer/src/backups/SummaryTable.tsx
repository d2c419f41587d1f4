import { Table } from '@mantine/core';
import type { BackupSummary } from '../../../shared/api/storage';
import { formatInstant } from './format';

/** What a backup holds: counts and the newest record, read before anything is restored. */
export function SummaryTable({ summary }: { summary: BackupSummary }) {
  const c = summary.counts;
  return (
    <Table>
      <Table.Tbody>
        <Table.Tr><Table.Th>File</Table.Th><Table.Td style={{ overflowWrap: 'anywhere' }}>{summary.name}</Table.Td></Table.Tr>
        {summary.takenAt && <Table.Tr><Table.Th>Taken</Table.Th><Table.Td>{formatInstant(summary.takenAt)}</Table.Td></Table.Tr>}
        <Table.Tr><Table.Th>Holds</Table.Th><Table.Td>{c.clients} clients, {c.races} races, {c.treatments} treatments, {c.appointments} appointments</Table.Td></Table.Tr>
        <Table.Tr><Table.Th>Newest record</Table.Th><Table.Td>{summary.newestRecordAt ? formatInstant(summary.newestRecordAt) : 'None'}</Table.Td></Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

