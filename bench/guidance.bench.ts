// Throughput of guidanceFor for one client with 5 races and 200 treatments, and for the same
// client with a 16-week training plan of 100 sessions on the goal marathon: recall lists
// evaluate every client, so the target is > 100 000 evaluations per second on one core.
// Run: npx tsx bench/guidance.bench.ts [seconds]

import { addDays, guidanceFor, type GuidanceQuery, type PlanSessionInput, type TreatmentInput } from '../shared/guidance';
import { INTENSITIES } from '../shared/vocabulary';

const TARGET = 100_000;
const THERAPISTS = ['1', '2', '3', '4'];
const treatments: TreatmentInput[] = Array.from({ length: 200 }, (_, i) => ({
  date: addDays('2023-06-01', i * 6), // one every 6 days, to late 2026
  therapistId: THERAPISTS[i % THERAPISTS.length]!,
  intensity: INTENSITIES[i % INTENSITIES.length]!,
}));

const client: Omit<GuidanceQuery, 'date'> = {
  races: [
    { id: '1', name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon', priority: 'A' },
    { id: '2', name: 'Riverside Half', date: '2026-03-22', distance: 'half', priority: 'B' },
    { id: '3', date: '2026-04-19', distance: '10k', priority: 'C' },
    { id: '4', name: 'Mountain Ultra', date: '2026-10-25', distance: 'ultra-long', priority: 'A', planStart: '2026-05-30', taperDays: 21 },
    { id: '5', date: '2026-10-11', distance: '5k', priority: 'B' },
  ],
  treatments,
  therapistId: '2',
  therapists: { '1': 'Sam', '2': 'Jo', '3': 'Kim', '4': 'Alex' },
  clientName: 'Ana',
};

/**
 * The Spring Marathon's 16-week plan (block from 04/01/2026): 100 sessions, six or seven a
 * week: a Sunday long run building to 32 km, easy runs, a tempo or intervals, strength (no load).
 */
function marathonPlan(): PlanSessionInput[] {
  const kinds = ['long', 'easy', 'tempo', 'cross', 'easy', 'intervals', 'easy'] as const;
  const plan: PlanSessionInput[] = [];
  for (let i = 0; plan.length < 100; i++) {
    if (i % 7 === 4 && (i / 7) % 2 < 1) continue; // every other week one easy day less
    const week = Math.floor(i / 7);
    const kind = kinds[i % 7]!;
    const km = kind === 'long' ? (week < 14 ? 14 + week * 1.5 : 16) : kind === 'cross' ? undefined : 6 + (week % 4);
    plan.push({ date: addDays('2026-01-04', i), kind, title: `${kind} run`, unit: week % 3 === 0 ? 'mi' : 'km', ...(km === undefined ? { durationMin: 40 } : { distanceKm: km }) });
  }
  return plan;
}

const planned: Omit<GuidanceQuery, 'date'> = {
  ...client,
  races: client.races.map((r) => (r.id === '1' ? { ...r, plan: marathonPlan() } : r)),
};

const days = (from: string, count: number) => Array.from({ length: count }, (_, i) => addDays(from, i));
// Every day of 2026, so each phase and window (and every branch) is exercised; and every day of
// the planned block, where the plan is read on each peak day.
const YEAR = days('2026-01-01', 365);
const BLOCK = days('2026-01-04', 112);

let sink = 0;
/** Calls per second of wall-clock time, and per second of this process's CPU time (steadier on a busy machine). */
function measure(queries: readonly GuidanceQuery[], seconds: number): { ops: number; cpuOps: number; perCallUs: number } {
  let calls = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  const until = start + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 10_000; i++) sink += guidanceFor(queries[i % queries.length]!).headline.length;
    calls += 10_000;
  }
  const elapsedMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ops: (calls / elapsedMs) * 1000, cpuOps: (calls / (used.user + used.system)) * 1e6, perCallUs: (elapsedMs * 1000) / calls };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const seconds = Number(process.argv[2] ?? 5);
const cases: [label: string, queries: GuidanceQuery[]][] = [
  ['5 races + 200 treatments, every day of 2026', YEAR.map((date) => ({ ...client, date }))],
  ['the same with a 16-week plan of 100 sessions, every day of 2026', YEAR.map((date) => ({ ...planned, date }))],
  ['the same with the plan, every day of its 16-week block', BLOCK.map((date) => ({ ...planned, date }))],
];
const withBestDays = cases[2]![1].filter((q) => guidanceFor(q).due?.bestDays !== undefined).length;

for (const [label, queries] of cases) {
  measure(queries, 1.5); // warm-up: let the JIT settle
  const rounds = [1, 2, 3].map(() => measure(queries, seconds / 3));
  const median = rounds.map((r) => r.ops).sort((a, b) => a - b)[1]!;
  console.log(`guidanceFor, ${label} (${seconds}s after warm-up)`);
  for (const [i, r] of rounds.entries()) console.log(`  round ${i + 1}: ${fmt(r.ops)} ops/s, ${r.perCallUs.toFixed(2)} µs per call (${fmt(r.cpuOps)} per CPU-second)`);
  console.log(`  median: ${fmt(median)} ops/s (${(1e6 / median).toFixed(2)} µs per call); target > ${fmt(TARGET)} ops/s: ${median > TARGET ? 'met' : 'NOT met'}`);
}
console.log(`(${withBestDays} of the block's 112 days book the peak session on the plan's best days.)`);
if (sink === 0) console.log('');
