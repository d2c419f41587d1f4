// The phase engine: the one place the rules of docs/phase-rules.md live.
// Pure TypeScript: no Node, Electron, database or DOM imports anywhere under shared/.

export { guidanceFor, A_RACES_MIN_GAP_DAYS, TUNE_UP_INSIDE_TAPER, UNFAMILIAR_IN_TAPER } from './guidance/engine';
export type {
  AppointmentInput,
  CeilingRule,
  Due,
  DueKind,
  Guidance,
  GuidanceQuery,
  PlanSessionInput,
  RaceInput,
  TreatmentInput,
  Warning,
  WarningCode,
  WindowKind,
} from './guidance/types';
export { WARNING_CODES } from './guidance/types';
export { BLOCK_DEFAULTS, MAX_TAPER_DAYS, MIN_TAPER_DAYS, POST_RACE_DAYS, planRace, planRaces, postRaceEnds } from './guidance/blocks';
export type { Block, PostRaceEnds, RacePlan } from './guidance/blocks';
export { blockSegments } from './guidance/segments';
export type { Segment, SegmentOptions } from './guidance/segments';
export { distanceForKm } from './guidance/distance';
export { addDays, dayNumber, daysBetween, formatDate, formatDay, isoDateOf } from './guidance/days';
export { GIVEN_LABEL, INTENSITY_COLOUR, INTENSITY_LABEL, intensityOfRank, intensityRank, minIntensity } from './guidance/intensity';
export type { ColourToken } from './guidance/intensity';
export { DISTANCE_LABEL, DUE_LABEL, PHASE_COLOUR, PHASE_LABEL, PRIORITY_LABEL } from './guidance/labels';
export { FAMILIAR_WITHIN_DAYS } from './guidance/history';
export { TAPER_CUTOFF_DAYS, WINDOW_PHASE } from './guidance/windows';
export {
  HARDEST_WEEKS,
  KM_PER_MILE,
  blockLoad,
  blockOfRace,
  isRunning,
  isWeeklySummary,
  loadMeasure,
  planChart,
  sessionAmount,
  shortDay,
  suggestedRaces,
} from './guidance/plan';
export type { BlockLoad, LoadMeasure, PlanChart, PlanRun, PlanWeek, SuggestedRace } from './guidance/plan';
