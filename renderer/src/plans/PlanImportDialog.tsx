import { Alert, Button, Checkbox, FileInput, Grid, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PlanColumnMapping, PlanPreview, Race } from '../../../shared/api/types';
import { useAction } from '../api';
import { formatDate } from '../format';

type Format = 'csv' | 'ics';
const FIELDS: { key: keyof PlanColumnMapping; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'distance', label: 'Distance' },
  { key: 'duration', label: 'Duration (minutes)' },
  { key: 'kind', label: 'Kind' },
  { key: 'title', label: 'Title' },
  { key: 'description', label: 'Description' },
];

/**
 * Import a plan from a CSV (columns mapped in a preview) or an .ics calendar. The preview writes
 * nothing; lines with errors must be fixed in the file or excluded here before anything imports.
 */
export function PlanImportDialog({ race, opened, onClose }: { race: Race; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Import a training plan for ${race.name}`} size="xl" centered>
      {opened && <ImportSteps race={race} onDone={onClose} />}
    </Modal>
  );
}

function ImportSteps({ race, onDone }: { race: Race; onDone: () => void }) {
  const [file, setFile] = useState<{ name: string; text: string; format: Format } | null>(null);
  const [fileProblem, setFileProblem] = useState('');
  const [excluded, setExcluded] = useState<number[]>([]);
  const preview = useAction('plans:preview', { showsOwnErrors: true });
  const save = useAction('plans:import', { showsOwnErrors: true, onSuccess: onDone });

  const ask = (next: { text: string; format: Format }, mapping: PlanColumnMapping | null = null, unit: 'km' | 'mi' | null = null) =>
    preview.mutate({ raceId: race.id, format: next.format, text: next.text, mapping, unit });

  const choose = async (chosen: File | null) => {
    setFileProblem('');
    setExcluded([]);
    preview.reset();
    if (!chosen) return setFile(null);
    const format: Format | null = /\.ics$/i.test(chosen.name) ? 'ics' : /\.(csv|txt)$/i.test(chosen.name) ? 'csv' : null;
    if (!format) return setFileProblem(`${chosen.name} is not a plan Fettle can read: choose a .csv file or an .ics calendar.`);
    const text = await chosen.text();
    setFile({ name: chosen.name, text, format });
    ask({ text, format });
  };

  const p = preview.data;
  const blocking = p ? p.errors.filter((e) => !excluded.includes(e.line)) : [];
  return (
    <Stack>
      <FileInput label="Plan file" placeholder="Choose a .csv or .ics file" accept=".csv,.txt,.ics,text/csv,text/calendar" clearable
        clearButtonProps={{ 'aria-label': 'Clear the chosen file' }}
        onChange={(f) => void choose(f)} error={fileProblem || undefined} />
      {preview.error && <Alert color="red" role="alert">{preview.error.message}</Alert>}
      {p && file && (
        <>
          {p.format === 'csv' && p.mapping && <MappingEditor preview={p} onChange={(mapping, unit) => ask(file, mapping, unit)} />}
          <Text size="sm" data-testid="plan-preview-summary">
            {p.sessions.length} sessions from {formatDate(p.block.start)} to {formatDate(p.block.end)} (a {p.block.weeks}-week block)
            {p.errors.length ? `; ${p.errors.length} ${p.errors.length === 1 ? 'line needs' : 'lines need'} attention` : ''}.
          </Text>
          {p.errors.length > 0 && (
            <Alert color="red" title="Lines that stop the import" role="alert">
              <Stack gap={4}>
                {p.errors.map((e) => (
                  <Checkbox key={e.line} size="xs" checked={excluded.includes(e.line)}
                    label={`Line ${e.line}: ${e.message}`}
                    onChange={(ev) => {
                      const leaveOut = ev.currentTarget.checked;
                      setExcluded((xs) => (leaveOut ? [...xs, e.line] : xs.filter((x) => x !== e.line)));
                    }} />
                ))}
                <Text size="xs">Fix these lines in the file and choose it again, or tick them to leave them out.</Text>
              </Stack>
            </Alert>
          )}
          {p.notes.length > 0 && (
            <details>
              <summary style={{ fontSize: 14, cursor: 'pointer' }}>{p.notes.length} lines left out on purpose</summary>
              <List size="xs">{p.notes.map((n) => <List.Item key={n.line}>Line {n.line}: {n.message}</List.Item>)}</List>
            </details>
          )}
          {save.error && <Alert color="red" role="alert">{save.error.message}</Alert>}
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button disabled={!p || !file || blocking.length > 0 || p.sessions.length === 0} loading={save.isPending}
          onClick={() => file && p && save.mutate({ raceId: race.id, format: file.format, text: file.text, mapping: p.mapping, unit: p.unit, exclude: excluded })}>
          {p ? `Import ${p.sessions.length - p.errors.filter((e) => excluded.includes(e.line)).length} sessions` : 'Import'}
        </Button>
      </Group>
    </Stack>
  );
}

function MappingEditor({ preview, onChange }: { preview: PlanPreview; onChange: (mapping: PlanColumnMapping, unit: 'km' | 'mi') => void }) {
  const mapping = preview.mapping!;
  const columns = preview.columns.map((c, i) => ({ value: String(i), label: c || `Column ${i + 1}` }));
  return (
    <Grid>
      {FIELDS.map((f) => (
        <Grid.Col span={4} key={f.key}>
          <Select size="xs" label={`${f.label} column`} data={columns} clearable placeholder="Not in this file"
            value={mapping[f.key] === null ? null : String(mapping[f.key])}
            onChange={(v) => onChange({ ...mapping, [f.key]: v === null ? null : Number(v) }, preview.unit)} />
        </Grid.Col>
      ))}
      <Grid.Col span={4}>
        <Select size="xs" label="Distances are in" data={[{ value: 'km', label: 'kilometres' }, { value: 'mi', label: 'miles' }]} allowDeselect={false}
          value={preview.unit} onChange={(v) => v && onChange(mapping, v)} />
      </Grid.Col>
    </Grid>
  );
}
