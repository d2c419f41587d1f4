// The clinic's vocabulary, exactly as docs/phase-rules.md spells it.
// Every layer (database CHECKs, IPC schemas, engine, UI) uses these values.

export const INTENSITIES = ['avoid', 'flush', 'light', 'moderate', 'deep'] as const;
export type Intensity = (typeof INTENSITIES)[number];

export const PHASES = ['off-season', 'base', 'peak', 'taper', 'race-week', 'race-day', 'post-race'] as const;
export type Phase = (typeof PHASES)[number];

export const DISTANCES = ['5k', '10k', 'half', 'marathon', 'ultra', 'ultra-long'] as const;
export type Distance = (typeof DISTANCES)[number];

export const PRIORITIES = ['A', 'B', 'C'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Kinds of a training-plan session; `rest`, `cross` and `other` (physio, nutrition...) are not running. */
export const SESSION_KINDS = ['easy', 'long', 'tempo', 'intervals', 'race', 'rest', 'cross', 'other'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** The unit a training plan was written in; the engine computes in km (1 mi = 1.609344 km). */
export const PLAN_UNITS = ['km', 'mi'] as const;
export type PlanUnit = (typeof PLAN_UNITS)[number];

export const ROLES = ['admin', 'therapist', 'reception'] as const;
export type Role = (typeof ROLES)[number];

/** What the audit trail records. */
export const AUDIT_ACTIONS = [
  'sign-in', 'sign-in-failed', 'sign-out', 'lock', 'recovery-key-used',
  'notes-opened', 'note-created', 'note-edited', 'note-amended',
  'export', 'restore', 'user-created', 'user-changed', 'secret-reset', 'settings-changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A calendar date in the clinic's local time, `YYYY-MM-DD`. */
export type IsoDate = string;
