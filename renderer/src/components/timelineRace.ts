import type { Race } from '../../../shared/api/types';
import { engineRace } from '../../../shared/api/engine-input';
import { blockSegments, type Segment } from '../../../shared/guidance';

/**
 * The race whose block the timeline draws: the A race whose windows hold today, else the next
 * A race, else the next race of any priority, else the most recent race.
 */
export function raceToDraw(races: Race[], today: string): { race: Race; segments: Segment[] } | null {
  const withSegments = races.map((race) => ({ race, segments: blockSegments(engineRace(race), { familiarTherapist: true }) }));
  const holdsToday = ({ segments }: { segments: Segment[] }) => segments.length > 0 && segments[0]!.start <= today && today <= segments.at(-1)!.end;
  const upcoming = withSegments.filter((x) => x.race.date >= today);
  return (
    withSegments.find((x) => x.race.priority === 'A' && holdsToday(x)) ??
    upcoming.find((x) => x.race.priority === 'A') ??
    withSegments.find(holdsToday) ??
    upcoming[0] ??
    withSegments.at(-1) ??
    null
  );
}
