import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PlanDetail, TreatmentSummary } from '../../../shared/api/types';
import { GIVEN_LABEL, INTENSITY_COLOUR, dayNumber, isoDateOf, type Segment } from '../../../shared/guidance';
import { GUTTER, W, timelineScale } from '../components/BlockTimeline';
import { formatDate } from '../format';

const H = 128;
const TOP = 18;
const BASE = H - 26;
const HARD = '#1864ab';
const EASIER = '#74c0fc';
const MARK = '#343a40';
const DOT = INTENSITY_COLOUR.deep.hex;

/** The longest-run marker: a small triangle under the axis, pointing up at the day. */
const runMarker = (cx: number, top: number) => `M ${cx} ${top} l 4 6 l -8 0 z`;

/**
 * Weekly training load across the block, on the phase timeline's own scale so each week sits
 * under its phase: hardest weeks darker and labelled, each week's longest run a marker,
 * treatments as dots where they fall. The label and the table beside it say the same in words.
 */
export function LoadChart({ plan, segments, treatments }: { plan: PlanDetail; segments: Segment[]; treatments: TreatmentSummary[] }) {
  const { chart } = plan;
  const x = timelineScale(segments[0]!.start, segments.at(-1)!.end);
  const first = segments[0]!.start;
  const last = segments.at(-1)!.end;
  const inRange = (iso: string) => iso >= first && iso <= last;
  const phaseOn = (iso: string) => segments.find((s) => s.start <= iso && iso <= s.end)?.phase;
  const y = (load: number) => BASE - (chart.maxLoad > 0 ? (load / chart.maxLoad) * (BASE - TOP) : 0);
  const hardest = chart.weeks.filter((w) => w.hardest);
  const shownTreatments = treatments.filter((t) => inRange(t.date));
  const label =
    `Weekly training load in ${chart.unit}, weeks 1 to ${chart.weeks.length}. ` +
    (hardest.length
      ? `Hardest weeks: ${hardest.map((w) => `week ${w.week} (${w.load} ${chart.unit}${w.longestRun ? `, longest run ${w.longestRun.amount} on ${formatDate(w.longestRun.date)}` : ''})`).join(', ')}.`
      : 'No load on file.') +
    (shownTreatments.length
      ? ` Treatments: ${shownTreatments.map((t) => `${formatDate(t.date)} (${GIVEN_LABEL[t.intensity]})`).join(', ')}.`
      : ' No treatments in the block.');
  return (
    <>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} data-testid="load-chart">
        <text x={0} y={TOP + 12} fontSize={12} fill="#495057" fontWeight={600}>Load</text>
        <text x={0} y={TOP + 28} fontSize={11} fill="#495057">{chart.unit}/week</text>
        <text x={0} y={BASE + 21} fontSize={11} fill="#495057">Week</text>
        <line x1={GUTTER} x2={W} y1={BASE} y2={BASE} stroke="#adb5bd" />
        {chart.weeks.filter((w) => inRange(w.start)).map((w) => {
          const x0 = x(w.start) + 1;
          const width = Math.max(2, x(isoDateOf(dayNumber(w.end) + 1)) - x0 - 1);
          return (
            <g key={w.week} data-week={w.week} data-week-start={w.start} data-phase={phaseOn(w.start)} data-hardest={w.hardest || undefined}>
              <title>{`Week ${w.week} (${formatDate(w.start)}–${formatDate(w.end)}): ${w.load} ${chart.unit}${w.longestRun ? `, longest run ${w.longestRun.amount} on ${formatDate(w.longestRun.date)}` : ''}${w.hardest ? ', one of the hardest weeks' : ''}`}</title>
              <rect x={x0} y={y(w.load)} width={width} height={BASE - y(w.load)} fill={w.hardest ? HARD : EASIER} data-bar />
              <text x={x0 + width / 2} y={BASE + 21} fontSize={10} textAnchor="middle" fill="#495057" fontWeight={w.hardest ? 700 : 400}>{w.week}</text>
              {w.hardest && <text x={x0 + width / 2} y={y(w.load) - 4} fontSize={10} textAnchor="middle" fill={HARD} fontWeight={700}>{Math.round(w.load)}</text>}
              {w.longestRun && inRange(w.longestRun.date) && (
                <path d={runMarker(x(w.longestRun.date) + 3, BASE + 4)} fill={MARK} data-longest-run={w.longestRun.date} />
              )}
            </g>
          );
        })}
        {shownTreatments.map((t) => (
          <circle key={t.id} cx={x(t.date) + 2} cy={TOP - 8} r={5} fill={INTENSITY_COLOUR[t.intensity].hex} stroke="#fff" strokeWidth={1.5} data-treatment={t.id}>
            <title>{`${formatDate(t.date)}: ${GIVEN_LABEL[t.intensity]} with ${t.therapistName}`}</title>
          </circle>
        ))}
      </svg>
      <Group gap="lg" mt={2} ml={`${(GUTTER / W) * 100}%`} data-testid="load-chart-legend">
        <Key swatch={<rect x={1} y={1} width={12} height={12} fill={HARD} />}>Hardest week (load above)</Key>
        <Key swatch={<rect x={1} y={1} width={12} height={12} fill={EASIER} />}>Other weeks</Key>
        <Key swatch={<path d={runMarker(7, 3)} transform="scale(1.2) translate(-1.2 0)" fill={MARK} />}>Longest run of the week</Key>
        <Key swatch={<circle cx={7} cy={7} r={5} fill={DOT} />}>Treatment (coloured by what was given)</Key>
      </Group>
    </>
  );
}

function Key({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width="14" height="14" aria-hidden>{swatch}</svg>
      <Text size="xs" c="dimmed">{children}</Text>
    </Group>
  );
}
