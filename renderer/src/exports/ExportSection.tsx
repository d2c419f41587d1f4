import { Alert, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useAction } from '../api';
import { JobProgress } from '../components/JobProgress';
import { useJobProgress } from '../components/useJobProgress';

/** Settings → Export (Settings is for administrators): everything as one zip, with progress while it runs and what it wrote. */
export function ExportSection() {
  const exportAll = useAction('exports:clinic', { showsOwnErrors: true });
  const job = useJobProgress(exportAll.isPending);
  const result = exportAll.data;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="export-title">
      <Title order={2} size="h4" mb="sm" id="export-title">Export</Title>
      <Stack gap="sm">
        <Text size="sm">
          Everything the clinic keeps in Fettle (clients, races and training plans, appointments, treatment notes with the
          guidance shown at the time, therapists, people and settings) as one .zip file: a CSV file for each table, which any
          spreadsheet opens, fettle.json with everything in one document, and README.txt saying what every file and column is.
          The zip holds clinical records: keep it as safe as this laptop.
        </Text>
        <div>
          <Button onClick={() => exportAll.mutate({ job: job.start() })} loading={exportAll.isPending}>Export everything…</Button>
        </div>
        {exportAll.isPending && <JobProgress progress={job.progress} label="Export progress" />}
        {exportAll.isError && (
          <Alert color="red" role="alert" title="The export did not finish">
            {exportAll.error.message} Nothing was saved under the name you chose.
          </Alert>
        )}
        {exportAll.isSuccess && result === null && <Text size="sm" role="status">Export cancelled: nothing was written.</Text>}
        {result && (
          <Alert color="teal" role="status" title="Exported">
            <Text size="sm" mb="xs">
              Saved to <Text span fw={600} style={{ overflowWrap: 'anywhere' }}>{result.file}</Text>.
            </Text>
            <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="sm" w="auto" aria-label="Rows exported by table">
              <Table.Thead>
                <Table.Tr><Table.Th>File</Table.Th><Table.Th ta="right">Rows</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.tables.map((t) => (
                  <Table.Tr key={t.name}>
                    <Table.Td>{t.name}.csv</Table.Td>
                    <Table.Td ta="right">{t.rows.toLocaleString('en-GB')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
