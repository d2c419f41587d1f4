import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useCall } from '../api';
import { LIST_UNMOUNTED } from '../components/forms';
import { formatDate } from '../format';

interface Props {
  value: number | null;
  /** The chosen client's name, when the form opened with one. */
  initialName?: string | undefined;
  onChange: (id: number | null, name: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  autoFocus?: boolean;
}

/** A client found by name, phone or email (the client list's own search), archived ones left out. */
export function ClientSelect({ value, initialName, onChange, onBlur, error, autoFocus }: Props) {
  const [search, setSearch] = useState(initialName ?? '');
  const [chosen, setChosen] = useState<{ id: number; name: string } | null>(value !== null && initialName ? { id: value, name: initialName } : null);
  const [query] = useDebouncedValue(search, 120);
  // Once a client is chosen the box shows their name: no need to search for it again.
  // Nothing is asked until something is typed: the form opens without waiting on a search.
  const searching = query.trim() !== '' && !(chosen && search === chosen.name);
  const results = useCall('clients:search', { query, limit: 20 }, { placeholderData: keepPreviousData, enabled: searching });
  const rows = useMemo(() => (searching ? results.data?.rows ?? [] : []), [searching, results.data]);
  const details = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const data = useMemo(() => {
    const options = rows.map((r) => ({ value: r.id, label: `${r.firstName} ${r.lastName}` }));
    if (chosen && !options.some((o) => o.value === chosen.id)) options.unshift({ value: chosen.id, label: chosen.name });
    return options;
  }, [rows, chosen]);
  return (
    <Select<number>
      label="Client"
      withAsterisk
      placeholder="Type a name, phone or email"
      searchable
      comboboxProps={LIST_UNMOUNTED}
      // The list opens as the name is typed: opening it on focus would cost the form's first frame.
      openOnFocus={false}
      data-autofocus={autoFocus || undefined}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      // The server has already matched the query (names, phone, email, accents folded).
      filter={({ options }) => options}
      value={value}
      onChange={(id, option) => {
        setChosen(id === null ? null : { id, name: option?.label ?? '' });
        onChange(id, option?.label ?? '');
      }}
      onBlur={onBlur}
      allowDeselect={false}
      nothingFoundMessage={!searching ? 'Type a name, phone or email' : results.isFetching ? 'Searching…' : results.error ? `Search failed: ${results.error.message}` : 'No client matches'}
      error={error}
      renderOption={({ option }) => {
        const row = details.get(option.value);
        return (
          <Group gap={8} wrap="nowrap">
            <Text size="sm">{option.label}</Text>
            {row && (
              <Text size="xs" c="dimmed">
                {[row.phone, row.dateOfBirth ? `born ${formatDate(row.dateOfBirth)}` : ''].filter(Boolean).join(' · ')}
              </Text>
            )}
          </Group>
        );
      }}
    />
  );
}
