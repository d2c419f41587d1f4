import { Badge, Button, Group, Paper, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CLIENT_PAGE } from '../../../shared/api/paging';
import type { ClientSummary } from '../../../shared/api/types';
import { call, callKey } from '../api';
import { useRoles } from '../access/session';
import { IntensityBadge, PhaseChip } from '../components/Chips';
import { LoadFailed } from '../components/Loaded';
import { PageTitle } from '../components/PageTitle';
import { formatDate, fullName } from '../format';

const ROW_HEIGHT = 56;
// minmax(0, …): a long email or race name wraps inside its own column instead of pushing the next.
const COLUMNS = ['1.85fr', '1.2fr', '2fr', '0.95fr', '1.75fr', '1fr', '1.5fr'].map((fr) => `minmax(0, ${fr})`).join(' ');
const WRAP = { overflowWrap: 'anywhere', lineHeight: 1.25, fontSize: 14 } as const;

/** An email that may wrap, but only after its @ (never mid-word). */
export const Email = ({ address }: { address: string }) => {
  const at = address.indexOf('@');
  return at < 0 ? <>{address}</> : <>{address.slice(0, at)}<wbr />{address.slice(at)}</>;
};

/** The client list: instant search over SQLite, paged, and virtualised so 10,000 clients scroll smoothly. */
export function ClientsPage() {
  const [params, setParams] = useSearchParams();
  // The typed query stays in component state: writing it to the URL on every keystroke
  // re-rendered the whole shell (measured in bench/clients.bench.ts).
  const [query, setQuery] = useState(params.get('q') ?? '');
  const includeArchived = params.get('archived') === '1';
  const navigate = useNavigate();
  // Importing is for administrators (main refuses anyone else).
  const { isAdmin: admin } = useRoles();
  const setParam = (key: string, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    }, { replace: true });

  const clients = useInfiniteQuery({
    queryKey: callKey('clients:search', { query, includeArchived }),
    queryFn: ({ pageParam }) => call('clients:search', { query, includeArchived, offset: pageParam, limit: CLIENT_PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
  const rows: ClientSummary[] = clients.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = clients.data?.pages[0]?.total ?? 0;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 5 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  // The next page is asked for once the last ten loaded rows come into reach (overscan included).
  useEffect(() => {
    if (lastIndex >= rows.length - 10 && clients.hasNextPage && !clients.isFetchingNextPage) void clients.fetchNextPage();
  }, [lastIndex, rows.length, clients]);

  const [focused, setFocused] = useState(0);
  const openClient = useCallback((id: number) => void navigate(`/clients/${id}`), [navigate]);

  return (
    <>
      <Group justify="space-between" mb="md">
        <PageTitle>Clients</PageTitle>
        <Group gap="sm">
          {admin && (
            <Button component={Link} to="/clients/import" variant="default">
              Import clients…
            </Button>
          )}
          <Button component={Link} to="/clients/new">
            New client
          </Button>
        </Group>
      </Group>
      <Group mb="sm" align="end">
        <TextInput
          label="Search"
          placeholder="Name, phone or email"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && rows[focused]) void navigate(`/clients/${rows[focused].id}`);
            if (e.key === 'ArrowDown') setFocused((f) => Math.min(f + 1, rows.length - 1));
            if (e.key === 'ArrowUp') setFocused((f) => Math.max(f - 1, 0));
          }}
          w={360}
          autoFocus
          data-autofocus
        />
        <Switch label="Show archived" checked={includeArchived} onChange={(e) => setParam('archived', e.currentTarget.checked ? '1' : '')} mb={8} />
        <Text size="sm" c="dimmed" mb={8} aria-live="polite" data-testid="client-count">
          {clients.isPending ? 'Loading…' : `${total.toLocaleString('en-GB')} ${total === 1 ? 'client' : 'clients'}`}
        </Text>
      </Group>
      {clients.error && <LoadFailed what="clients" error={clients.error} retry={() => void clients.refetch()} />}
      <Paper withBorder radius="md">
        <div role="table" aria-label="Clients" aria-rowcount={total + 1}>
          <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: COLUMNS, columnGap: 12, padding: '8px 12px', borderBottom: '1px solid var(--mantine-color-gray-3)', fontWeight: 600, fontSize: 13, color: 'var(--mantine-color-gray-7)' }}>
            {['Name', 'Phone', 'Email', 'Born', 'Next race', 'Phase', 'Today, usual therapist'].map((h) => (
              <div role="columnheader" key={h}>
                {h}
              </div>
            ))}
          </div>
          <div ref={scrollRef} style={{ height: 'calc(100vh - 250px)', minHeight: 300, overflow: 'auto' }} data-testid="client-scroll">
            {rows.length === 0 && !clients.isPending && !clients.error && (
              <Text p="lg" c="dimmed">
                {query ? `No clients match “${query}”.` : 'No clients yet. Add the first with “New client”.'}
              </Text>
            )}
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => (
                <ClientRow
                  key={rows[item.index]!.id}
                  client={rows[item.index]!}
                  index={item.index}
                  top={item.start}
                  highlighted={item.index === focused && query !== ''}
                  open={openClient}
                />
              ))}
            </div>
          </div>
        </div>
      </Paper>
    </>
  );
}

interface ClientRowProps {
  client: ClientSummary;
  index: number;
  top: number;
  highlighted: boolean;
  open: (id: number) => void;
}

/** The same client with the same details: the row need not be drawn again. */
function sameClient(a: ClientSummary, b: ClientSummary): boolean {
  return (
    a.id === b.id && a.firstName === b.firstName && a.lastName === b.lastName && a.phone === b.phone && a.email === b.email &&
    a.dateOfBirth === b.dateOfBirth && a.medicalAlerts === b.medicalAlerts && a.archived === b.archived && a.phase === b.phase &&
    a.ceiling === b.ceiling && a.nextRace?.name === b.nextRace?.name && a.nextRace?.date === b.nextRace?.date
  );
}

/**
 * One client in the list. Each keystroke draws the list twice (the typed text, then the results),
 * and the clients at the top often stay the same as the search narrows: a row is drawn again
 * only when its client, place or highlight changed (bench/clients.bench.ts, keystroke to paint).
 */
const ClientRow = memo(
  function ClientRow({ client: c, index, top, highlighted, open }: ClientRowProps) {
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        data-client-id={c.id}
        onClick={() => open(c.id)}
        style={{
          position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)`,
          display: 'grid', gridTemplateColumns: COLUMNS, columnGap: 12, alignItems: 'center', padding: '0 12px', cursor: 'pointer',
          borderBottom: '1px solid var(--mantine-color-gray-2)',
          background: highlighted ? 'var(--mantine-color-teal-0)' : undefined,
        }}
      >
        <div role="cell" style={WRAP}>
          <Link to={`/clients/${c.id}`} style={{ color: 'inherit', fontWeight: 600, textDecoration: 'none' }}>
            {c.lastName}, {c.firstName}
          </Link>
          {c.medicalAlerts && (
            <Tooltip label={c.medicalAlerts} multiline w={280}>
              <Badge color="red" variant="light" size="sm" ml={6} aria-label={`Medical alerts for ${fullName(c)}`}>
                Alert
              </Badge>
            </Tooltip>
          )}
          {c.archived && (
            <Badge color="gray" variant="light" size="sm" ml={6}>
              Archived
            </Badge>
          )}
        </div>
        <div role="cell" style={WRAP}>{c.phone}</div>
        <div role="cell" style={{ ...WRAP, overflowWrap: 'normal', wordBreak: 'normal' }}><Email address={c.email} /></div>
        <div role="cell" style={WRAP}>{formatDate(c.dateOfBirth)}</div>
        <div role="cell" style={WRAP}>
          {c.nextRace && (
            <>
              {c.nextRace.name}
              <br />
              <Text span size="xs" c="dimmed">{formatDate(c.nextRace.date)}</Text>
            </>
          )}
        </div>
        <div role="cell"><PhaseChip phase={c.phase} size="sm" /></div>
        <div role="cell"><IntensityBadge intensity={c.ceiling} size="sm" /></div>
      </div>
    );
  },
  (a, b) => a.index === b.index && a.top === b.top && a.highlighted === b.highlighted && a.open === b.open && sameClient(a.client, b.client),
);
