// Reading a plan's words: dates, distances, durations and session kinds as coaching platforms,
// watch apps and spreadsheets write them (docs/phase-rules.md, "Reading plan files").

import { KM_PER_MILE, dayNumber, isoDateOf } from '../../../shared/guidance';
import type { IsoDate, PlanUnit, SessionKind } from '../../../shared/vocabulary';

/** A calendar date from "16/03/2026", "6/3/2026", "Mon 16/03/2026", "2026-03-16" or "2026-03-16T07:00:00". */
export function readDate(text: string): IsoDate | undefined {
  const value = text.trim().replace(/^[A-Za-z]{3,9},?\s+/, '');
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(value);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : uk ? [uk[3]!, uk[2]!.padStart(2, '0'), uk[1]!.padStart(2, '0')] : [];
  if (y === undefined) return undefined;
  try {
    return isoDateOf(dayNumber(`${y}-${m}-${d}`));
  } catch {
    return undefined; // 31/02, month 13...
  }
}

/** A distance read from text: km (computed) and the unit it was written in. Negative when written so. */
export interface Distance {
  km: number;
  unit: PlanUnit;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const UNIT = String.raw`(km|kms|kilomet(?:re|er)s?|k|mi|miles?|m|metres?|meters?)`;
/** "10 x 400m", "6x1 mile", "5 × 1k". */
const REPS = new RegExp(String.raw`(\d+)\s*[x×*]\s*${NUMBER}\s*${UNIT}(?![a-z])`, 'gi');
/** "32 km", "18 mi", "8 miles", "10k", "800m"; a sign directly before the number makes it negative. */
const AMOUNT = new RegExp(String.raw`(^|[^\w.])([-−]?)${NUMBER}\s*${UNIT}(?![a-z])`, 'gi');
/** "Distance: 32 km", "Planned distance 18 mi", "total 8 km". */
const LABELLED = new RegExp(String.raw`(?:distance|total)\s*[:=]?\s*([-−]?)${NUMBER}\s*${UNIT}(?![a-z])`, 'i');

function toKm(value: number, unit: string): Distance | undefined {
  const u = unit.toLowerCase();
  if (u.startsWith('mi')) return { km: value * KM_PER_MILE, unit: 'mi' };
  if (u === 'm' || u.startsWith('met')) return value >= 100 ? { km: value / 1000, unit: 'km' } : undefined; // "45m" is more likely minutes
  return { km: value, unit: 'km' };
}

/** European decimals ("10,5 km") as points. */
const decimals = (text: string) => text.replace(/(\d),(\d{1,2})(?!\d)/g, '$1.$2');

/**
 * The distance a session's words give: a labelled distance first ("Distance: 32 km"); else the
 * sum of its reps and other distances ("2 km warm-up, 6 x 800m, 2 km cool-down" = 8.8 km);
 * else its first distance; else "half marathon" or "marathon" as a race.
 */
export function readDistance(raw: string): Distance | undefined {
  const text = decimals(raw);
  const labelled = readLabelledDistance(text);
  if (labelled) return labelled;
  let repsKm = 0;
  let repsUnit: PlanUnit | undefined;
  const rest = text.replace(REPS, (_all, count: string, value: string, unit: string) => {
    const rep = toKm(Number(value), unit) ?? { km: Number(value) / 1000, unit: 'km' as const };
    repsKm += Number(count) * rep.km;
    repsUnit ??= rep.unit;
    return ' ';
  });
  const amounts: Distance[] = [];
  for (const m of rest.matchAll(AMOUNT)) {
    const found = toKm(Number(m[3]), m[4]!);
    if (found) amounts.push(m[2] ? { km: -found.km, unit: found.unit } : found);
  }
  if (repsUnit !== undefined) return { km: amounts.reduce((sum, a) => sum + a.km, repsKm), unit: amounts[0]?.unit ?? repsUnit };
  if (amounts.length > 0) return amounts[0];
  if (/\bhalf[- ]?marathon\b/i.test(text)) return { km: 21.0975, unit: 'km' };
  if (/\bmarathon\b(?!\s*pace)/i.test(text) && !/\bultra\b/i.test(text)) return { km: 42.195, unit: 'km' };
  return undefined;
}

/** A distance given with a label: "Distance: 32 km", "Planned distance 18 mi", "total 8 km". */
export function readLabelledDistance(raw: string): Distance | undefined {
  const labelled = LABELLED.exec(decimals(raw));
  if (!labelled) return undefined;
  const found = toKm(Number(labelled[2]), labelled[3]!);
  return found && labelled[1] ? { km: -found.km, unit: found.unit } : found;
}

/** A distance cell: "32 km", "18 mi", or a bare number in the plan's unit ("18"). */
export function readDistanceCell(cell: string, unit: PlanUnit): Distance | undefined {
  const text = decimals(cell.trim());
  const bare = /^([-−]?)(\d+(?:\.\d+)?)$/.exec(text);
  if (bare) {
    const value = Number(bare[2]) * (bare[1] ? -1 : 1);
    return { km: unit === 'mi' ? value * KM_PER_MILE : value, unit };
  }
  return readDistance(text);
}

/** A duration given with a label: "Duration: 1:15:00", "Planned duration 0:50:00". */
export function readLabelledDuration(raw: string): number | undefined {
  const labelled = /(?:duration|time)\s*[:=]?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?/i.exec(raw);
  return labelled ? clock(labelled[1]!, labelled[2]!, labelled[3]) : undefined;
}

/** Minutes from "45 min", "1h15", "1 hr 30 mins", "90 minutes", or "Duration: 1:15:00". */
export function readDuration(raw: string): number | undefined {
  const labelled = readLabelledDuration(raw);
  if (labelled !== undefined) return labelled;
  const text = raw.toLowerCase();
  const hours = /(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?)(?![a-z])\s*(?:(\d{1,2})\s*(?:m|min|mins|minutes?)?(?![a-z]))?/.exec(text);
  if (hours) return Number(hours[1]) * 60 + Number(hours[2] ?? 0);
  const minutes = /(\d+(?:\.\d+)?)\s*(?:min|mins|minutes?)(?![a-z])/.exec(text);
  return minutes && Number(minutes[1]) < 600 ? Number(minutes[1]) : undefined;
}

/** "1:15" is 1 h 15 min; "45:00" is 45 min; "1:15:00" is 1 h 15 min. */
function clock(a: string, b: string, c: string | undefined): number {
  if (c !== undefined) return Number(a) * 60 + Number(b) + Number(c) / 60;
  return Number(a) < 10 ? Number(a) * 60 + Number(b) : Number(a) + Number(b) / 60;
}

/** A duration cell: "45" (minutes), "1:15", "1:15:00", "45 min", "1h15". */
export function readDurationCell(cell: string): number | undefined {
  const text = cell.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const hms = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (hms) return clock(hms[1]!, hms[2]!, hms[3]);
  return readDuration(text);
}

/** Words of sessions that are not running, most specific first. */
const NOT_RUNNING_WORDS: readonly [SessionKind, RegExp][] = [
  ['rest', /\b(rest( day)?|day off|off day|no run)\b/i],
  ['other', /\b(physio(therapy)?|massage|nutrition|dietitian|appointment|check-?up)\b/i],
  ['cross', /\b(cross[- ]?train(ing)?|xt|bike|biking|cycl(e|ing)|spin|swim(ming)?|strength|gym|yoga|pilates|core|s&c|elliptical|rowing)\b/i],
];

/** Words of running sessions, most decisive first ("race pace" is a tempo, not a race; a long run with a tempo finish is a long run). */
const RUNNING_WORDS: readonly [SessionKind, RegExp][] = [
  ['race', /\b(race|time trial)\b(?!\s*(pace|effort|sim))/i],
  ['long', /\b(long|lsr)\b/i],
  ['intervals', /\b(intervals?|reps|repeats|track|fartlek|hills?|speed)\b|\d+\s*[x×]\s*\d/i],
  ['tempo', /\b(tempo|threshold|lt|marathon pace|mp|race pace|progression|steady state|cruise)\b/i],
  ['easy', /\b(easy|recovery|jog|shake-?out|aerobic|general)\b/i],
];

const first = (words: readonly [SessionKind, RegExp][], text: string) => words.find(([, re]) => re.test(text))?.[0];

/**
 * The kind a session's words name, or undefined (a run of no stated kind). A running word
 * wins, unless the words also name another sport and never say "run" ("recovery swim").
 */
export function readKind(text: string): SessionKind | undefined {
  const exact = text.trim().toLowerCase();
  for (const [kind] of [...NOT_RUNNING_WORDS, ...RUNNING_WORDS]) if (exact === kind) return kind;
  const running = first(RUNNING_WORDS, text);
  const other = first(NOT_RUNNING_WORDS, text);
  if (other !== undefined && (running === undefined || (running === 'easy' && !/\b(run|runs|running|jog)\b/i.test(text)))) return other;
  return running;
}
