import type { PlanSessionInput, RaceInput } from '../guidance';
import type { Race } from './types';

/**
 * A race on file as the phase engine reads it (ids become strings; absent overrides are left
 * out), with its training plan when one is on file.
 */
export function engineRace(
  r: Pick<Race, 'id' | 'name' | 'date' | 'distance' | 'priority' | 'planStart' | 'taperDays'>,
  plan?: readonly PlanSessionInput[],
): RaceInput {
  return {
    id: String(r.id),
    name: r.name,
    date: r.date,
    distance: r.distance,
    priority: r.priority,
    ...(r.planStart ? { planStart: r.planStart } : {}),
    ...(r.taperDays ? { taperDays: r.taperDays } : {}),
    ...(plan && plan.length > 0 ? { plan } : {}),
  };
}
