import type { PlanDetail, TreatmentSummary } from '../../../shared/api/types';
import { GIVEN_LABEL, INTENSITY_COLOUR, dayNumber, isoDateOf, type Segment } from '../../../shared/guidance';
import { GUTTER, W, timelineScale } from '../components/BlockTimeline';
import { formatDate } from '../format';

const H = 120;
const TOP = 18;
const BASE = H - 18;

/**
 * Weekly training load across the block, on the phase timeline's own scale so each week sits
 * under its phase: hardest weeks darker and labelled, each week's longest run a marker,
 * treatments as dots where they fall. The table beside it says the same in words.
 */
export function LoadChart({ plan, segments, treatments }: { plan: PlanDetail; segments: Segment[]; treatments: TreatmentSummary[] }) {
  const { chart } = plan;
  const x = timelineScale(segments[0]!.start, segments.at(-1)!.end);
  const first = segments[0]!.start;
  const last = segments.at(-1)!.end;
  const inRange = (iso: string) => iso >= first && iso <= last;
  const y = (load: number) => BASE - (chart.maxLoad > 0 ? (load / chart.maxLoad) * (BASE - TOP) : 0);
  const hardest = chart.weeks.filter((w) => w.hardest);
  const label =
    `Weekly training load in ${chart.unit}, weeks 1 to ${chart.weeks.length}. ` +
    (hardest.length ? `Hardest weeks: ${hardest.map((w) => `week ${w.week} (${w.load} ${chart.unit})`).join(', ')}.` : 'No load on file.');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} data-testid="load-chart">
      <text x={0} y={TOP + 12} fontSize={12} fill="#495057" fontWeight={600}>Load</text>
      <text x={0} y={TOP + 28} fontSize={11} fill="#495057">{chart.unit}/week</text>
      <line x1={GUTTER} x2={W} y1={BASE} y2={BASE} stroke="#adb5bd" />
      {chart.weeks.filter((w) => inRange(w.start)).map((w) => {
        const x0 = x(w.start) + 1;
        const width = Math.max(2, x(isoDateOf(dayNumber(w.end) + 1)) - x0 - 1);
        return (
          <g key={w.week} data-week={w.week} data-hardest={w.hardest || undefined}>
            <title>{`Week ${w.week} (${formatDate(w.start)}–${formatDate(w.end)}): ${w.load} ${chart.unit}${w.longestRun ? `, longest run ${w.longestRun.amount} on ${formatDate(w.longestRun.date)}` : ''}${w.hardest ? ', one of the hardest weeks' : ''}`}</title>
            <rect x={x0} y={y(w.load)} width={width} height={BASE - y(w.load)} fill={w.hardest ? '#1864ab' : '#74c0fc'} />
            {w.hardest && <text x={x0 + width / 2} y={y(w.load) - 4} fontSize={10} textAnchor="middle" fill="#1864ab" fontWeight={700}>{Math.round(w.load)}</text>}
            {w.longestRun && inRange(w.longestRun.date) && (
              <path d={`M ${x(w.longestRun.date) + 3} ${BASE + 4} l 4 6 l -8 0 z`} fill="#343a40" data-longest-run={w.longestRun.date} />
            )}
          </g>
        );
      })}
      {treatments.filter((t) => inRange(t.date)).map((t) => (
        <circle key={t.id} cx={x(t.date) + 2} cy={TOP - 8} r={5} fill={INTENSITY_COLOUR[t.intensity].hex} stroke="#fff" strokeWidth={1.5} data-treatment={t.id}>
          <title>{`${formatDate(t.date)}: ${GIVEN_LABEL[t.intensity]} with ${t.therapistName}`}</title>
        </circle>
      ))}
    </svg>
  );
}
