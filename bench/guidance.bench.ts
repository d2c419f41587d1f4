// Throughput of guidanceFor for one client with 5 races and 200 treatments: recall lists
// evaluate every client, so the target is > 100 000 evaluations per second on one core.
// Run: npx tsx bench/guidance.bench.ts [seconds]

import { addDays, guidanceFor, type GuidanceQuery, type TreatmentInput } from '../shared/guidance';
import { INTENSITIES } from '../shared/vocabulary';

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

// Every day of 2026, so each phase and window (and every branch) is exercised.
const queries: GuidanceQuery[] = Array.from({ length: 365 }, (_, i) => ({ ...client, date: addDays('2026-01-01', i) }));

let sink = 0;
function run(iterations: number): void {
  for (let i = 0; i < iterations; i++) sink += guidanceFor(queries[i % queries.length]!).headline.length;
}

function measure(seconds: number): { ops: number; perCallUs: number } {
  let calls = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) {
    run(10_000);
    calls += 10_000;
  }
  const elapsedMs = performance.now() - start;
  return { ops: (calls / elapsedMs) * 1000, perCallUs: (elapsedMs * 1000) / calls };
}

const seconds = Number(process.argv[2] ?? 5);
measure(1.5); // warm-up: let the JIT settle
const rounds = [1, 2, 3].map(() => measure(seconds / 3));
const ops = rounds.map((r) => r.ops).sort((a, b) => a - b);
const median = ops[1]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
console.log(`guidanceFor, 5 races + 200 treatments, every day of 2026 (${seconds}s after warm-up)`);
for (const [i, r] of rounds.entries()) console.log(`  round ${i + 1}: ${fmt(r.ops)} ops/s, ${r.perCallUs.toFixed(2)} µs per call`);
console.log(`  median: ${fmt(median)} ops/s (${(1e6 / median).toFixed(2)} µs per call); target > 100,000 ops/s: ${median > 100_000 ? 'met' : 'NOT met'}`);
if (sink === 0) console.log('');
