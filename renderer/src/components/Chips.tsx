import { GIVEN_LABEL, INTENSITY_COLOUR, INTENSITY_LABEL, PHASE_COLOUR, PHASE_LABEL } from '../../../shared/guidance';
import type { Intensity, Phase } from '../../../shared/vocabulary';

// Every screen shows phases and intensities with the same words and colours (from the engine's
// labels), as `.chip` spans (app.css): the client list draws dozens of them a keystroke.

type ChipSize = 'sm' | 'md' | 'lg';

export function PhaseChip({ phase, size = 'md' }: { phase: Phase; size?: ChipSize }) {
  const colour = PHASE_COLOUR[phase];
  return (
    <span className="chip" data-size={size} data-phase={phase} style={{ background: colour.hex, color: colour.textHex }}>
      {PHASE_LABEL[phase]}
    </span>
  );
}

export function IntensityBadge({ intensity, size = 'md' }: { intensity: Intensity; size?: ChipSize }) {
  const colour = INTENSITY_COLOUR[intensity];
  return (
    <span className="chip" data-size={size} data-intensity={intensity} style={{ background: colour.hex, color: colour.textHex }}>
      {INTENSITY_LABEL[intensity]}
    </span>
  );
}

/** What was given in a session ("Deep tissue"), in the colour of that intensity. */
export function GivenBadge({ intensity, size = 'md' }: { intensity: Intensity; size?: ChipSize }) {
  return (
    <span className="chip" data-size={size} data-outline data-given={intensity} style={{ borderColor: INTENSITY_COLOUR[intensity].hex }}>
      {GIVEN_LABEL[intensity]}
    </span>
  );
}
