import { Alert, Badge, Button, Checkbox, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  IMPORT_FIELD_LABELS, IMPORT_FIELDS, IMPORT_PRESET_LABELS, IMPORT_PRESETS,
  type ClientImportPreviewResult, type ImportField, type ImportLineMessage, type ImportMapping, type ImportPreset, type ImportRow,
} from '../../../shared/api/client-import';
import { useAction } from '../api';
import { JobProgress } from '../components/JobProgress';
import { PageTitle } from '../components/PageTitle';
import { useJobProgress } from '../components/useJobProgress';
import { formatDate } from '../format';
import { Email } from './ClientsPage';

// Import clients (and their races) from a spreadsheet: choose the file, check or change which
// column holds what, see every line with its problems, leave lines out, then import all at once.
// Nothing is written until Import; main checks every line again then.

const PAGE = 50;
const NOT_IMPORTED = 'none';
const FIELD_OPTIONS = [{ value: NOT_IMPORTED, label: 'Not imported' }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: IMPORT_FIELD_LABELS[f] }))];
const PRESET_OPTIONS = IMPORT_PRESETS.map((p) => ({ value: p, label: IMPORT_PRESET_LABELS[p] }));
const SOURCE_WORDS: Record<ClientImportPreviewResult['mappingSource'], string> = {
  given: 'Mapped by hand',
  preset: 'Ready-made mapping',
  remembered: 'Remembered from the last import',
  guessed: 'Guessed from the headings',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const lineKey = (e: Pick<ImportLineMessage, 'source' | 'line'>) => `${e.source}:${e.line}`;
const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p;

interface Request {
  file: string;
  racesFile?: string | null;
  mapping?: ImportMapping | null;
  preset?: ImportPreset | null;
}

export function ClientImportPage() {
  const [request, setRequest] = useState<Request | null>(null);
  /** Lines left out, as `clients:4` or `races:7`. */
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(new Set());
  const choose = useAction('files:choose');
  const preview = useAction('clientImport:preview', { showsOwnErrors: true });
  const commit = useAction('clientImport:commit', { showsOwnErrors: true });
  const previewJob = useJobProgress(preview.isPending);
  const commitJob = useJobProgress(commit.isPending);

  const ask = (next: Request) => {
    setRequest(next);
    setLeftOut(new Set());
    commit.reset();
    preview.mutate({ ...next, job: previewJob.start() });
  };
  const chooseFile = (then: (path: string) => void) => choose.mutate({ purpose: 'import-open' }, { onSuccess: ({ path }) => path && then(path) });

  const p = preview.data;
  const done = commit.data;
  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>Import clients</PageTitle>
        <Button component={Link} to="/clients" variant="default">Back to clients</Button>
      </Group>
      <Text size="sm" maw={760}>
        Bring in clients, and their races, from a spreadsheet saved as CSV or .xlsx, another system’s patient export, or a Fettle export’s
        clients.csv. Dates may be written dd/mm/yyyy or yyyy-mm-dd. Nothing is saved until you choose Import, and then every line is saved or none is.
      </Text>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-file-title">
        <Title order={2} size="h4" id="import-file-title" mb="xs">File</Title>
        <Group>
          <Button onClick={() => chooseFile((file) => ask({ file }))} loading={choose.isPending} disabled={commit.isPending}>
            {request ? 'Choose another file…' : 'Choose file…'}
          </Button>
          {p && <Text size="sm" data-testid="import-file">{p.fileName} <Text span c="dimmed" size="sm">({p.format === 'xlsx' ? 'Excel workbook' : `CSV, ${p.encoding}`})</Text></Text>}
          {!p && request && !preview.isPending && <Text size="sm">{fileName(request.file)}</Text>}
        </Group>
        {preview.isPending && <JobProgress progress={previewJob.progress} label="Reading the file" />}
        {preview.error && <Alert color="red" role="alert" mt="sm" title="This file cannot be imported">{preview.error.message}</Alert>}
      </Paper>

      {/* Once imported, only the result stays: the lines are in the clinic now. */}
      {p && request && !preview.isPending && !done && (
        <>
          <MappingSection preview={p} disabled={commit.isPending}
            onMapping={(mapping) => ask({ file: p.file, racesFile: p.racesFile, mapping })}
            onPreset={(preset) => ask({ file: p.file, preset })}
            onRacesFile={(racesFile) => (racesFile === 'choose' ? chooseFile((f) => ask({ file: p.file, racesFile: f, mapping: p.mapping })) : ask({ file: p.file, racesFile: null, mapping: p.mapping }))} />
          {p.mappingProblem ? (
            <Alert color="red" role="alert" title="Map the name columns first">{p.mappingProblem}</Alert>
          ) : (
            <Lines preview={p} leftOut={leftOut} setLeftOut={setLeftOut} />
          )}
          {!p.mappingProblem && (
            <ImportBar preview={p} leftOut={leftOut} pending={commit.isPending}
              onImport={() => commit.mutate({
                file: p.file, racesFile: p.racesFile, mapping: p.mapping,
                exclude: [...leftOut].filter((k) => k.startsWith('clients:')).map((k) => Number(k.slice(8))),
                excludeRaces: [...leftOut].filter((k) => k.startsWith('races:')).map((k) => Number(k.slice(6))),
                job: commitJob.start(),
              })} />
          )}
          {commit.isPending && <JobProgress progress={commitJob.progress} label="Import progress" />}
          {commit.error && <Alert color="red" role="alert" title="Nothing was imported">{commit.error.message}</Alert>}
        </>
      )}

      {done && (
        <Alert color="teal" title="Imported" role="status" data-testid="import-result">
          <Text size="sm" mb="xs">
            {plural(done.clients, 'client')} and {plural(done.races, 'race')} imported{done.leftOut > 0 ? `; ${plural(done.leftOut, 'line')} left out` : ''}.
          </Text>
          <Group>
            <Button component={Link} to="/clients" size="xs">Open the client list</Button>
            <Button size="xs" variant="default" onClick={() => { setRequest(null); preview.reset(); commit.reset(); }}>Import another file</Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}

/** Which column holds what: a ready-made mapping, or a choice for each column. */
function MappingSection({ preview: p, disabled, onMapping, onPreset, onRacesFile }: {
  preview: ClientImportPreviewResult;
  disabled: boolean;
  onMapping: (mapping: ImportMapping) => void;
  onPreset: (preset: ImportPreset) => void;
  /** null: leave the races out; 'choose': ask for another races file. */
  onRacesFile: (racesFile: null | 'choose') => void;
}) {
  const fieldOf = (column: number) => (Object.entries(p.mapping) as [ImportField, number][]).find(([, i]) => i === column)?.[0] ?? NOT_IMPORTED;
  const assign = (column: number, field: string | null) => {
    const next: ImportMapping = Object.fromEntries(Object.entries(p.mapping).filter(([f, i]) => i !== column && f !== field));
    if (field && field !== NOT_IMPORTED) next[field as ImportField] = column;
    onMapping(next);
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-mapping-title">
      <Group justify="space-between" align="end" mb="sm">
        <Title order={2} size="h4" id="import-mapping-title">Which column holds what</Title>
        <Badge variant="light" color={p.mappingSource === 'remembered' ? 'teal' : 'gray'}>{SOURCE_WORDS[p.mappingSource]}</Badge>
      </Group>
      <Select label="Ready-made mapping" data={PRESET_OPTIONS} value={p.preset} placeholder="Made by hand" allowDeselect={false} w={320} mb="md"
        disabled={disabled} onChange={(v) => v && onPreset(v)} />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {p.columns.map((column, i) => (
          <Select key={`${i}-${column}`} size="xs" label={`“${column}” holds`} data={FIELD_OPTIONS} value={fieldOf(i)} allowDeselect={false}
            disabled={disabled} onChange={(v) => assign(i, v)} data-testid={`column-${i}`} />
        ))}
      </SimpleGrid>
      {p.mapping.sourceId !== undefined && (
        <Group mt="md" gap="sm">
          <Text size="sm">
            {p.racesFile ? <>Races from <strong>{fileName(p.racesFile)}</strong>, matched by the client number.</> : 'No races file: only the clients are imported.'}
          </Text>
          <Button size="xs" variant="default" disabled={disabled} onClick={() => onRacesFile('choose')}>{p.racesFile ? 'Choose another races file…' : 'Choose races.csv…'}</Button>
          {p.racesFile && <Button size="xs" variant="default" disabled={disabled} onClick={() => onRacesFile(null)}>Leave races out</Button>}
        </Group>
      )}
    </Paper>
  );
}

/** Every line of the file with its problems, paged; lines with errors can be left out. */
function Lines({ preview: p, leftOut, setLeftOut }: { preview: ClientImportPreviewResult; leftOut: ReadonlySet<string>; setLeftOut: (s: ReadonlySet<string>) => void }) {
  const [show, setShow] = useState<'all' | 'errors'>('all');
  const [page, setPage] = useState(0);
  const shown = useMemo(() => (show === 'errors' ? p.rows.filter((r) => r.problems.length > 0) : p.rows), [p.rows, show]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const from = Math.min(page, pages - 1) * PAGE;
  const toggle = (key: string, out: boolean) => {
    const next = new Set(leftOut);
    if (out) next.add(key);
    else next.delete(key);
    setLeftOut(next);
  };
  const errorKeys = p.errors.map(lineKey);
  const allOut = errorKeys.length > 0 && errorKeys.every((k) => leftOut.has(k));
  const raceErrors = p.errors.filter((e) => e.source === 'races');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-lines-title">
      <Title order={2} size="h4" id="import-lines-title" mb="xs">Preview</Title>
      <Text size="sm" mb="sm" data-testid="import-summary">
        {plural(p.rows.length, 'line')} read: {plural(p.counts.clients, 'client')} and {plural(p.counts.races, 'race')} ready to import
        {p.errors.length > 0 ? `; ${plural(p.errors.length, 'line')} with errors` : ''}.
      </Text>
      {p.errors.length > 0 && (
        <Alert color="red" role="alert" title={`${plural(p.errors.length, 'line')} cannot be imported as written`} mb="sm">
          <Stack gap={6}>
            <Text size="sm">Fix them in the file and choose it again, or leave them out: nothing is imported while a line with an error is in.</Text>
            <Switch label={`Leave out every line with an error (${p.errors.length.toLocaleString('en-GB')})`} checked={allOut}
              onChange={(e) => {
                const next = new Set(leftOut);
                for (const k of errorKeys) if (e.currentTarget.checked) next.add(k); else next.delete(k);
                setLeftOut(next);
              }} />
            <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 160, overflowY: 'auto', fontSize: 14 }} aria-label="Lines with errors" data-testid="import-errors">
              {p.errors.slice(0, 100).map((e) => <li key={lineKey(e)} style={{ textDecoration: leftOut.has(lineKey(e)) ? 'line-through' : undefined }}>{e.message}</li>)}
              {p.errors.length > 100 && <li>And {plural(p.errors.length - 100, 'more line')}: see the table below.</li>}
            </ul>
            {raceErrors.length > 0 && (
              <Stack gap={2}>
                {raceErrors.slice(0, 100).map((e) => (
                  <Checkbox key={lineKey(e)} size="xs" label={`Leave out ${fileName(p.racesFile ?? 'races.csv')} line ${e.line}`} checked={leftOut.has(lineKey(e))}
                    onChange={(ev) => toggle(lineKey(e), ev.currentTarget.checked)} />
                ))}
              </Stack>
            )}
          </Stack>
        </Alert>
      )}
      {p.notes.length > 0 && (
        <details style={{ marginBottom: 8 }}>
          <summary style={{ fontSize: 14, cursor: 'pointer' }}>{plural(p.notes.length, 'line')} left out on purpose</summary>
          <ul style={{ fontSize: 14 }}>{p.notes.map((n) => <li key={lineKey(n)}>{n.message}</li>)}</ul>
        </details>
      )}
      <Group justify="space-between" mb="xs">
        <SegmentedControl size="xs" value={show} onChange={(v) => { setShow(v); setPage(0); }} aria-label="Lines to show"
          data={[{ value: 'all', label: 'All lines' }, { value: 'errors', label: `Lines with errors (${p.rows.filter((r) => r.problems.length > 0).length})` }]} />
        <Group gap="xs">
          <Text size="sm" aria-live="polite">Lines {shown.length === 0 ? 0 : from + 1}–{Math.min(from + PAGE, shown.length)} of {shown.length.toLocaleString('en-GB')}</Text>
          <Button size="xs" variant="default" disabled={from === 0} onClick={() => setPage(Math.max(0, page - 1))}>Previous</Button>
          <Button size="xs" variant="default" disabled={from + PAGE >= shown.length} onClick={() => setPage(page + 1)}>Next</Button>
        </Group>
      </Group>
      <Table striped={false} withTableBorder verticalSpacing={6} aria-label="Lines of the file" data-testid="import-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>Line</Table.Th>
            <Table.Th w={100}>Leave out</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th w={110}>Born</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th w={130}>Phone</Table.Th>
            <Table.Th w={60}>Races</Table.Th>
            <Table.Th>Problems</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.slice(from, from + PAGE).map((row) => (
            <LineRow key={row.line} row={row} out={leftOut.has(`clients:${row.line}`)} onOut={(out) => toggle(`clients:${row.line}`, out)} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function LineRow({ row, out, onOut }: { row: ImportRow; out: boolean; onOut: (out: boolean) => void }) {
  const bad = row.problems.length > 0;
  const name = [row.lastName, row.firstName].filter(Boolean).join(', ') || '(no name)';
  return (
    <Table.Tr data-line={row.line} style={{ background: bad && !out ? 'var(--mantine-color-red-0)' : undefined, opacity: out ? 0.6 : 1 }}>
      <Table.Td>{row.line}</Table.Td>
      <Table.Td><Checkbox aria-label={`Leave out line ${row.line}`} checked={out} onChange={(e) => onOut(e.currentTarget.checked)} /></Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{name}</Table.Td>
      <Table.Td>{formatDate(row.dateOfBirth)}</Table.Td>
      <Table.Td><Email address={row.email} /></Table.Td>
      <Table.Td>{row.phone}</Table.Td>
      <Table.Td>{row.races || ''}</Table.Td>
      <Table.Td>
        {out ? <Text size="sm" c="dimmed">Left out</Text> : bad ? <Text size="sm" c="red.9">{row.problems.join('; ')}.</Text> : <Text size="sm" c="teal.9">Ready</Text>}
      </Table.Td>
    </Table.Tr>
  );
}

/** The Import button: says what will be written, and why it cannot be yet. */
function ImportBar({ preview: p, leftOut, pending, onImport }: { preview: ClientImportPreviewResult; leftOut: ReadonlySet<string>; pending: boolean; onImport: () => void }) {
  const blocking = p.errors.filter((e) => !leftOut.has(lineKey(e))).length;
  const ready = p.rows.filter((r) => r.problems.length === 0 && !leftOut.has(`clients:${r.line}`));
  const races = ready.reduce((n, r) => n + r.races, 0);
  return (
    <Group justify="flex-end" gap="md">
      {blocking > 0 && <Text size="sm" c="red.9">{plural(blocking, 'line')} with errors still in: fix or leave them out to import.</Text>}
      <Button onClick={onImport} loading={pending} disabled={blocking > 0 || ready.length === 0}>
        Import {plural(ready.length, 'client')} and {plural(races, 'race')}
      </Button>
    </Group>
  );
}
