import { Box, Group, Paper, Text, Title } from '@mantine/core';
import type { Race, TreatmentSummary } from '../../../shared/api/types';
import { DISTANCE_LABEL, GIVEN_LABEL, INTENSITY_COLOUR, INTENSITY_LABEL, PHASE_COLOUR, PHASE_LABEL, dayNumber, isoDateOf, type Segment } from '../../../shared/guidance';
import { formatDate } from '../format';
import { raceToDraw } from './timelineRace';

export const W = 1000;
/** Room on the left for the two rows' names, so neither strip is unlabelled. */
export const GUTTER = 64;
const PAD = 8;

/** The timeline's x scale over its first to last day, shared with the training-load chart so weeks line up under phases. */
export function timelineScale(first: string, lastInclusive: string): (iso: string) => number {
  const from = dayNumber(first);
  const to = dayNumber(lastInclusive) + 1;
  return (iso: string) => GUTTER + ((dayNumber(iso) - from) / (to - from)) * (W - GUTTER - PAD);
}
const BAR_Y = 44;
const BAR_H = 34;
const CEILING_Y = BAR_Y + BAR_H + 4;
const CEILING_H = 10;
const AXIS_Y = CEILING_Y + CEILING_H + 16;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A span's name: its phase, with the parts of a taper, race week and recovery told apart. */
const SPAN_NAME: Partial<Record<Segment['kind'], string>> = {
  'taper-cutoff': 'Taper, past the 10-day cut-off',
  'race-eve': 'Day before the race',
  'mini-taper-light': 'Mini-taper',
  'mini-taper-flush': 'Mini-taper, last days',
  'post-race-flush': 'Post-race flush',
  'post-race-light': 'Post-race light',
  'post-race-moderate': 'Post-race moderate',
};
const segmentName = (s: Segment): string => SPAN_NAME[s.kind] ?? PHASE_LABEL[s.phase];

const segmentText = (s: Segment) =>
  `${segmentName(s)}: ${formatDate(s.start)}${s.end !== s.start ? ` to ${formatDate(s.end)}` : ''}, up to ${INTENSITY_LABEL[s.ceiling]}${s.needsFamiliarTherapist ? ' with a familiar therapist (otherwise avoid)' : ''}`;

/**
 * The current training block as coloured spans (base, peak, taper, race week, race day,
 * post-race), the ceiling under each, today marked, treatments as dots by intensity and
 * other races as markers. Every span is also listed in words beneath, so nothing needs a mouse.
 */
export function BlockTimeline({ races, treatments, today }: { races: Race[]; treatments: TreatmentSummary[]; today: string }) {
  const drawn = raceToDraw(races, today);
  if (!drawn || drawn.segments.length === 0) {
    return (
      <Paper withBorder p="md" radius="md">
        <Text c="dimmed" size="sm">No races on file, so there is no training block to draw. The client is in the off-season.</Text>
      </Paper>
    );
  }
  const { race, segments } = drawn;
  const first = dayNumber(segments[0]!.start);
  const last = dayNumber(segments.at(-1)!.end) + 1; // exclusive end
  const x = timelineScale(segments[0]!.start, segments.at(-1)!.end);
  const inRange = (iso: string) => dayNumber(iso) >= first && dayNumber(iso) < last;
  const dayAfter = (iso: string) => isoDateOf(dayNumber(iso) + 1);

  const ticks: string[] = [];
  for (let d = first; d < last; d++) if (isoDateOf(d).endsWith('-01')) ticks.push(isoDateOf(d));
  const phaseNow = segments.find((s) => s.start <= today && today <= s.end);
  const summary =
    `Training block for ${race.name} on ${formatDate(race.date)}: ` +
    segments.map(segmentText).join('; ') +
    (phaseNow ? `. Today is in ${segmentName(phaseNow)}.` : '.');
  const todayX = x(today) + 2;
  const todayNearEnd = todayX > W - 60;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="timeline-title">
      <Group justify="space-between" mb={4}>
        <Title order={2} size="h4" id="timeline-title">
          {race.name} <Text span c="dimmed" fw={400} size="sm">· {DISTANCE_LABEL[race.distance]} · {formatDate(race.date)} · priority {race.priority}</Text>
        </Title>
        <Group gap="xs" aria-label="Dot colours: what was given">
          {(['deep', 'moderate', 'light', 'flush', 'avoid'] as const).map((i) => (
            <Group key={i} gap={4}>
              <svg width="10" height="10" aria-hidden><circle cx="5" cy="5" r="5" fill={INTENSITY_COLOUR[i].hex} /></svg>
              <Text size="xs" c="dimmed">{GIVEN_LABEL[i]}</Text>
            </Group>
          ))}
        </Group>
      </Group>
      <svg viewBox={`0 0 ${W} ${AXIS_Y + 8}`} width="100%" role="img" aria-label={summary} data-testid="block-timeline" data-race-id={race.id}>
        <text x={0} y={BAR_Y + BAR_H / 2 + 5} fontSize={12} fill="#495057" fontWeight={600}>Phase</text>
        <text x={0} y={CEILING_Y + CEILING_H - 1} fontSize={12} fill="#495057" fontWeight={600}>Ceiling</text>
        {segments.map((s) => {
          const x0 = x(s.start);
          const w = Math.max(1, x(dayAfter(s.end)) - x0);
          const colour = PHASE_COLOUR[s.phase];
          const label = PHASE_LABEL[s.phase];
          return (
            <g key={`${s.kind}-${s.start}`} data-segment={s.kind} data-phase={s.phase}>
              <title>{segmentText(s)}</title>
              <rect x={x0} y={BAR_Y} width={w} height={BAR_H} fill={colour.hex} stroke="#fff" strokeWidth={1} />
              {label.length * 7 + 8 < w && (
                <text x={x0 + w / 2} y={BAR_Y + BAR_H / 2 + 5} textAnchor="middle" fontSize={12} fill={colour.textHex} fontWeight={600}>
                  {label}
                </text>
              )}
              <rect x={x0} y={CEILING_Y} width={w} height={CEILING_H} fill={INTENSITY_COLOUR[s.ceiling].hex} stroke="#fff" strokeWidth={1} />
            </g>
          );
        })}
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={CEILING_Y + CEILING_H} y2={AXIS_Y - 10} stroke="#adb5bd" />
            <text x={x(t) + 3} y={AXIS_Y} fontSize={12} fill="#495057">{MONTHS[Number(t.slice(5, 7)) - 1]}</text>
          </g>
        ))}
        {races.filter((r) => r.id !== race.id && inRange(r.date)).map((r) => (
          <g key={r.id} data-other-race={r.id}>
            <title>{`${r.name} (${r.priority}) on ${formatDate(r.date)}`}</title>
            <path d={`M ${x(r.date)} ${BAR_Y - 14} l 6 7 l -6 7 l -6 -7 z`} fill="#343a40" />
            <text x={x(r.date) - 9} y={BAR_Y - 4} fontSize={11} fill="#343a40" textAnchor="end">{r.priority} race</text>
          </g>
        ))}
        {treatments.filter((t) => inRange(t.date)).map((t) => (
          <circle key={t.id} cx={x(t.date) + 2} cy={BAR_Y - 22} r={6} fill={INTENSITY_COLOUR[t.intensity].hex} stroke="#fff" strokeWidth={1.5} data-treatment={t.id} data-intensity={t.intensity}>
            <title>{`${formatDate(t.date)}: ${GIVEN_LABEL[t.intensity]} with ${t.therapistName}`}</title>
          </circle>
        ))}
        {inRange(today) && (
          <g data-today={today}>
            <line x1={todayX} x2={todayX} y1={12} y2={CEILING_Y + CEILING_H + 2} stroke="#c92a2a" strokeWidth={2.5} />
            <text x={todayNearEnd ? todayX - 4 : todayX + 4} y={12} fontSize={12} fill="#c92a2a" fontWeight={700} textAnchor={todayNearEnd ? 'end' : 'start'}>Today</text>
          </g>
        )}
      </svg>
      <Box component="ol" aria-label="Phases of this block" data-testid="timeline-key"
        style={{ listStyle: 'none', margin: '6px 0 0', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }}>
        {segments.map((s) => (
          <li key={`${s.kind}-${s.start}`} data-segment={s.kind} aria-current={s === phaseNow ? 'date' : undefined}
            style={{ display: 'flex', alignItems: 'center', gap: 6, fontSize: 13, fontWeight: s === phaseNow ? 700 : 400 }}>
            <svg width="12" height="12" aria-hidden><rect width="12" height="12" rx="2" fill={PHASE_COLOUR[s.phase].hex} /></svg>
            <span>
              {segmentName(s)} {formatDate(s.start)}{s.end !== s.start ? `–${formatDate(s.end)}` : ''} · {INTENSITY_LABEL[s.ceiling]}
              {s.needsFamiliarTherapist ? ' (familiar therapist)' : ''}
            </span>
          </li>
        ))}
      </Box>
    </Paper>
  );
}
