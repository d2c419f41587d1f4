// The clinic's vocabulary, exactly as ../shared/domain-rules.md spells it.
// Every layer (database CHECKs, IPC schemas, engine, UI) uses these values.

export const INTENSITIES = ['avoid', 'flush', 'light', 'moderate', 'deep'] as const;
export type Intensity = (typeof INTENSITIES)[number];

export const PHASES = ['off-season', 'base', 'peak', 'taper', 'race-week', 'race-day', 'post-race'] as const;
export type Phase = (typeof PHASES)[number];

export const DISTANCES = ['5k', '10k', 'half', 'marathon', 'ultra', 'ultra-long'] as const;
export type Distance = (typeof DISTANCES)[number];

export const PRIORITIES = ['A', 'B', 'C'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const ROLES = ['admin', 'therapist', 'reception'] as const;
export type Role = (typeof ROLES)[number];

/** A calendar date in the clinic's local time, `YYYY-MM-DD`. */
export type IsoDate = string;
