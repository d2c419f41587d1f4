import { Group, Text } from '@mantine/core';
import { PHASE_COLOUR, PHASE_LABEL } from '../../../shared/guidance';
import { PHASES } from '../../../shared/vocabulary';
import { STATUS_COLOUR, STATUS_LABEL, type ColourBy } from './status';
import type { AppointmentStatus } from '../../../shared/api/types';

const STATUSES: readonly AppointmentStatus[] = ['booked', 'arrived', 'completed', 'no-show', 'cancelled'];

/** What the colours in the grid mean, for the colouring chosen. */
export function Legend({ colourBy }: { colourBy: ColourBy }) {
  const items =
    colourBy === 'status'
      ? STATUSES.map((s) => ({ key: s, label: STATUS_LABEL[s], hex: STATUS_COLOUR[s].hex }))
      : [...PHASES.map((p) => ({ key: p, label: PHASE_LABEL[p], hex: PHASE_COLOUR[p].hex })), { key: 'cancelled', label: 'Cancelled', hex: STATUS_COLOUR.cancelled.hex }];
  return (
    <Group gap="md" component="ul" aria-label={colourBy === 'status' ? 'Colours: status' : "Colours: client's phase"} style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="diary-legend">
      {items.map((item) => (
        <Group key={item.key} gap={4} component="li" wrap="nowrap">
          <span className="diary-legend-swatch" style={{ background: item.hex }} aria-hidden />
          <Text size="xs">{item.label}</Text>
        </Group>
      ))}
      <Group gap={4} component="li" wrap="nowrap"><Text size="xs">⚠ medical alerts</Text></Group>
      <Group gap={4} component="li" wrap="nowrap"><Text size="xs">▲ type above the guidance</Text></Group>
      <Group gap={4} component="li" wrap="nowrap"><span className="diary-legend-swatch diary-closed-swatch" aria-hidden /><Text size="xs">closed / not working</Text></Group>
    </Group>
  );
}
