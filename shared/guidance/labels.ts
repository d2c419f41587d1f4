// Display labels and colour tokens for phases, distances and booking due kinds.

import type { Distance, Phase, Priority } from '../vocabulary';
import type { ColourToken } from './intensity';
import type { DueKind } from './types';

export const PHASE_LABEL: Readonly<Record<Phase, string>> = {
  'off-season': 'Off-season',
  base: 'Base',
  peak: 'Peak',
  taper: 'Taper',
  'race-week': 'Race week',
  'race-day': 'Race day',
  'post-race': 'Post-race',
};

/** Cool colours through the block, warm at the race; all carry white text at >= 4.5:1. */
export const PHASE_COLOUR: Readonly<Record<Phase, ColourToken>> = {
  'off-season': { color: 'gray', hex: '#495057', textHex: '#ffffff' },
  base: { color: 'blue', hex: '#1971c2', textHex: '#ffffff' },
  peak: { color: 'indigo', hex: '#3b5bdb', textHex: '#ffffff' },
  taper: { color: 'violet', hex: '#6741d9', textHex: '#ffffff' },
  'race-week': { color: 'grape', hex: '#9c36b5', textHex: '#ffffff' },
  'race-day': { color: 'pink', hex: '#c2255c', textHex: '#ffffff' },
  'post-race': { color: 'teal', hex: '#087f5b', textHex: '#ffffff' },
};

export const DISTANCE_LABEL: Readonly<Record<Distance, string>> = {
  '5k': '5k',
  '10k': '10k',
  half: 'half marathon',
  marathon: 'marathon',
  ultra: 'ultra',
  'ultra-long': 'ultra over 100 km',
};

export const PRIORITY_LABEL: Readonly<Record<Priority, string>> = {
  A: 'goal race',
  B: 'tune-up race',
  C: 'training race',
};

export const DUE_LABEL: Readonly<Record<DueKind, string>> = {
  'baseline-assessment': 'Baseline assessment due by',
  'peak-session': 'Next session due by',
  'taper-session': 'Book the taper session by',
  'recovery-flush': 'Recovery flush due by',
  'deeper-work': 'Deeper work from',
};
