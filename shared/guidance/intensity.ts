// Ordering, labels and colours of the massage intensity ceiling.

import { INTENSITIES, type Intensity } from '../vocabulary';

/** Rank of an intensity: avoid 0 < flush 1 < light 2 < moderate 3 < deep 4. */
export function intensityRank(intensity: Intensity): number {
  return INTENSITIES.indexOf(intensity);
}

/** The intensity with a given rank (0..4). */
export function intensityOfRank(rank: number): Intensity {
  const intensity = INTENSITIES[rank];
  if (intensity === undefined) throw new RangeError(`No intensity has rank ${rank}; ranks run 0 (avoid) to 4 (deep).`);
  return intensity;
}

/** The lowest (most cautious) of the given intensities. */
export function minIntensity(first: Intensity, ...rest: Intensity[]): Intensity {
  let lowest = first;
  for (const intensity of rest) if (intensityRank(intensity) < intensityRank(lowest)) lowest = intensity;
  return lowest;
}

/** The labels the clinic uses, exactly as docs/phase-rules.md spells them. */
export const INTENSITY_LABEL: Readonly<Record<Intensity, string>> = {
  avoid: 'Avoid massage',
  flush: 'Gentle flush only',
  light: 'Light / maintenance',
  moderate: 'Moderate',
  deep: 'Deep tissue OK',
};

/**
 * What a therapist gave, as the treatment form and history say it: a ceiling reads
 * "Deep tissue OK", a session given reads "Deep tissue".
 */
export const GIVEN_LABEL: Readonly<Record<Intensity, string>> = {
  avoid: 'No massage',
  flush: 'Gentle flush',
  light: 'Light / maintenance',
  moderate: 'Moderate',
  deep: 'Deep tissue',
};

/** A colour token: a Mantine palette name, a hex fill, and the text colour to print on it. */
export interface ColourToken {
  readonly color: string;
  readonly hex: string;
  /** Text colour on `hex`; every pair has a WCAG contrast ratio of at least 4.5:1. */
  readonly textHex: string;
}

/** Traffic-light scale: deep = green (go) ... avoid = red (stop). */
export const INTENSITY_COLOUR: Readonly<Record<Intensity, ColourToken>> = {
  deep: { color: 'green', hex: '#237032', textHex: '#ffffff' },
  moderate: { color: 'lime', hex: '#4a7a0b', textHex: '#ffffff' },
  light: { color: 'yellow', hex: '#fab005', textHex: '#1a1b1e' },
  flush: { color: 'orange', hex: '#fd7e14', textHex: '#1a1b1e' },
  avoid: { color: 'red', hex: '#c92a2a', textHex: '#ffffff' },
};
