import type { Race, TreatmentSummary } from '../../../shared/api/types';

/** Placeholder until the engine's blockSegments lands. */
export function BlockTimeline(_props: { races: Race[]; treatments: TreatmentSummary[]; today: string }) {
  return null;
}
