import { Group, Paper, Text, Title } from '@mantine/core';
import type { Race, TreatmentSummary } from '../../../shared/api/types';
import { DISTANCE_LABEL, INTENSITY_COLOUR, INTENSITY_LABEL, PHASE_COLOUR, PHASE_LABEL, dayNumber, isoDateOf } from '../../../shared/guidance';
import { formatDate } from '../format';
import { raceToDraw } from './timelineRace';

const W = 1000;
const PAD = 8;
const BAR_Y = 44;
const BAR_H = 34;
const CEILING_Y = BAR_Y + BAR_H + 4;
const CEILING_H = 8;
const AXIS_Y = CEILING_Y + CEILING_H + 16;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The current training block as coloured spans (base, peak, taper, race week, race day,
 * post-race), the ceiling under each, today marked, treatments as dots by intensity and
 * other races as markers.
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
  const x = (iso: string) => PAD + ((dayNumber(iso) - first) / (last - first)) * (W - 2 * PAD);
  const inRange = (iso: string) => dayNumber(iso) >= first && dayNumber(iso) < last;
  const dayAfter = (iso: string) => isoDateOf(dayNumber(iso) + 1);

  const ticks: string[] = [];
  for (let d = first; d < last; d++) if (isoDateOf(d).endsWith('-01')) ticks.push(isoDateOf(d));
  const phaseNow = segments.find((s) => s.start <= today && today <= s.end);
  const summary =
    `Training block for ${race.name} on ${formatDate(race.date)}: ` +
    segments.map((s) => `${PHASE_LABEL[s.phase]} ${formatDate(s.start)} to ${formatDate(s.end)}`).join('; ') +
    (phaseNow ? `. Today is in ${PHASE_LABEL[phaseNow.phase]}.` : '.');

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb={4}>
        <Title order={4}>
          {race.name} <Text span c="dimmed" fw={400} size="sm">· {DISTANCE_LABEL[race.distance]} · {formatDate(race.date)} · priority {race.priority}</Text>
        </Title>
        <Group gap="xs">
          {(['deep', 'moderate', 'light', 'flush', 'avoid'] as const).map((i) => (
            <Group key={i} gap={4}>
              <svg width="10" height="10" aria-hidden><circle cx="5" cy="5" r="5" fill={INTENSITY_COLOUR[i].hex} /></svg>
              <Text size="xs" c="dimmed">{INTENSITY_LABEL[i]}</Text>
            </Group>
          ))}
        </Group>
      </Group>
      <svg viewBox={`0 0 ${W} ${AXIS_Y + 8}`} width="100%" role="img" aria-label={summary} data-testid="block-timeline" data-race-id={race.id}>
        {segments.map((s) => {
          const x0 = x(s.start);
          const w = Math.max(1, x(dayAfter(s.end)) - x0);
          const colour = PHASE_COLOUR[s.phase];
          return (
            <g key={`${s.kind}-${s.start}`} data-segment={s.kind} data-phase={s.phase}>
              <title>{`${PHASE_LABEL[s.phase]}: ${formatDate(s.start)} to ${formatDate(s.end)} · up to ${INTENSITY_LABEL[s.ceiling]}${s.needsFamiliarTherapist ? ' (familiar therapist only)' : ''}`}</title>
              <rect x={x0} y={BAR_Y} width={w} height={BAR_H} fill={colour.hex} stroke="#fff" strokeWidth={1} />
              {PHASE_LABEL[s.phase].length * 8 + 10 < w && (
                <text x={x0 + w / 2} y={BAR_Y + BAR_H / 2 + 5} textAnchor="middle" fontSize={13} fill={colour.textHex} fontWeight={600}>
                  {PHASE_LABEL[s.phase]}
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
            <title>{`${formatDate(t.date)}: ${INTENSITY_LABEL[t.intensity]} with ${t.therapistName}`}</title>
          </circle>
        ))}
        {inRange(today) && (
          <g data-today={today}>
            <line x1={x(today) + 2} x2={x(today) + 2} y1={12} y2={CEILING_Y + CEILING_H + 2} stroke="#c92a2a" strokeWidth={2.5} />
            <text x={x(today) + 6} y={12} fontSize={12} fill="#c92a2a" fontWeight={700}>Today</text>
          </g>
        )}
      </svg>
    </Paper>
  );
}
