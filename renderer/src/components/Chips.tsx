import { Badge } from '@mantine/core';
import { GIVEN_LABEL, INTENSITY_COLOUR, INTENSITY_LABEL, PHASE_COLOUR, PHASE_LABEL } from '../../../shared/guidance';
import type { Intensity, Phase } from '../../../shared/vocabulary';

// Every screen shows phases and intensities with the same words and colours (from the engine's labels).

export function PhaseChip({ phase, size = 'md' }: { phase: Phase; size?: 'sm' | 'md' | 'lg' }) {
  const colour = PHASE_COLOUR[phase];
  return (
    <Badge size={size} variant="filled" radius="sm" tt="none" styles={{ root: { background: colour.hex, color: colour.textHex, maxWidth: 'none' }, label: { overflow: 'visible' } }} data-phase={phase}>
      {PHASE_LABEL[phase]}
    </Badge>
  );
}

export function IntensityBadge({ intensity, size = 'md' }: { intensity: Intensity; size?: 'sm' | 'md' | 'lg' }) {
  const colour = INTENSITY_COLOUR[intensity];
  return (
    <Badge size={size} variant="filled" radius="sm" tt="none" styles={{ root: { background: colour.hex, color: colour.textHex, maxWidth: 'none' }, label: { overflow: 'visible' } }} data-intensity={intensity}>
      {INTENSITY_LABEL[intensity]}
    </Badge>
  );
}

/** What was given in a session ("Deep tissue"), in the colour of that intensity. */
export function GivenBadge({ intensity, size = 'md' }: { intensity: Intensity; size?: 'sm' | 'md' | 'lg' }) {
  const colour = INTENSITY_COLOUR[intensity];
  return (
    <Badge size={size} variant="outline" radius="sm" tt="none" styles={{ root: { borderColor: colour.hex, borderWidth: 2, color: '#1a1b1e', maxWidth: 'none' }, label: { overflow: 'visible' } }} data-given={intensity}>
      {GIVEN_LABEL[intensity]}
    </Badge>
  );
}
