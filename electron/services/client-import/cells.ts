import { distanceForKm, dayNumber, formatDate } from '../../../shared/guidance';
import { DISTANCES, PRIORITIES, type Distance, type IsoDate, type Priority } from '../../../shared/vocabulary';

// One cell's text read as what its column holds. Each reader returns the value, or pushes a
// problem (in words that follow "Line n: ") and returns undefined. An empty cell is null.

type Problems = string[];

const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date written dd/mm/yyyy (day first, as in the UK; 1/2/1980 too) or yyyy-mm-dd (an ISO time
 * after it is ignored). Anything else, and a day that does not exist (31/02), is a problem.
 */
export function readDate(label: string, text: string, problems: Problems): IsoDate | null | undefined {
  if (text === '') return null;
  const dayFirst = DAY_FIRST.exec(text);
  const iso = ISO.exec(text);
  if (!dayFirst && !iso) {
    problems.push(`${label} “${text}” is not a date; write it as dd/mm/yyyy or yyyy-mm-dd`);
    return undefined;
  }
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : [dayFirst![3]!, dayFirst![2]!.padStart(2, '0'), dayFirst![1]!.padStart(2, '0')];
  const date = `${y}-${m}-${d}`;
  try {
    dayNumber(date);
  } catch {
    const hint = dayFirst && Number(m) > 12 ? ' (dates are read day first: dd/mm/yyyy)' : '';
    problems.push(`${label} “${text}” is not a real date${hint}`);
    return undefined;
  }
  return date;
}

/** A date that must not be after `latest` nor before `earliest` (both given as problems in dd/mm/yyyy). */
export function checkDateSpan(label: string, date: IsoDate | null | undefined, span: { earliest: IsoDate; latest: IsoDate }, problems: Problems): void {
  if (!date) return;
  if (date > span.latest) problems.push(`${label} ${formatDate(date)} is after ${formatDate(span.latest)}`);
  else if (date < span.earliest) problems.push(`${label} ${formatDate(date)} is before ${formatDate(span.earliest)}`);
}

const YES = new Set(['1', 'yes', 'y', 'true', 'x', '✓', '✔']);
const NO = new Set(['', '0', 'no', 'n', 'false']);

export function readYesNo(label: string, text: string, problems: Problems): boolean | undefined {
  const folded = text.toLowerCase();
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  problems.push(`${label} “${text}” is neither yes nor no`);
  return undefined;
}

/** Archived: an export's archived_at time, or yes/no. */
export function readArchived(text: string, problems: Problems): boolean | undefined {
  if (ISO.test(text)) return true;
  return readYesNo('Archived', text, problems);
}

/** Hotspots as a JSON list (a Fettle export) or separated by commas or semicolons. */
export function readHotspots(text: string, problems: Problems): string[] | undefined {
  if (text === '') return [];
  if (text.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list) && list.every((x) => typeof x === 'string')) return list.map((x) => x.trim()).filter(Boolean);
    } catch {
      // Reported below.
    }
    problems.push(`Hotspots “${text.slice(0, 40)}” cannot be read; separate them with commas`);
    return undefined;
  }
  return text.split(/[;,]/).map((x) => x.trim()).filter(Boolean);
}

/** Words for the standard distances, folded to letters and digits. */
const DISTANCE_WORDS: Readonly<Record<string, Distance>> = {
  '5k': '5k', '5km': '5k', parkrun: '5k',
  '10k': '10k', '10km': '10k',
  half: 'half', halfmarathon: 'half', hm: 'half', '21k': 'half', '211k': 'half',
  marathon: 'marathon', full: 'marathon', fullmarathon: 'marathon', '42k': 'marathon', '422k': 'marathon',
  ultra: 'ultra', ultramarathon: 'ultra',
  ultralong: 'ultra-long',
};

/** A race distance: 5k, 10k, half, marathon, ultra, ultra-long, or an amount ("50 km", "100 miles", "16.1"). */
export function readRaceDistance(text: string, problems: Problems): { distance: Distance; km: number | null } | null | undefined {
  if (text === '') return null;
  const folded = text.toLowerCase().replace(/[^a-z0-9.]+/g, '');
  const named = (DISTANCES as readonly string[]).includes(text.toLowerCase()) ? (text.toLowerCase() as Distance) : DISTANCE_WORDS[folded.replace('.', '')];
  if (named) return { distance: named, km: null };
  const amount = /^(\d+(?:[.,]\d+)?)\s*(km|k|kilomet(?:re|er)s?|mi|miles?)?$/i.exec(text.trim());
  if (amount) {
    const value = Number(amount[1]!.replace(',', '.'));
    const km = /^mi/i.test(amount[2] ?? '') ? value * 1.609344 : value;
    if (km > 0 && km <= 1000) return { distance: distanceForKm(km), km: Math.round(km * 1000) / 1000 };
  }
  problems.push(`race distance “${text}” is not a distance; write 5k, 10k, half, marathon, ultra, ultra-long or a number of km`);
  return undefined;
}

export function readPriority(text: string, problems: Problems): Priority | null | undefined {
  if (text === '') return null;
  const letter = text.trim().toUpperCase().replace(/^PRIORITY\s*/, '').replace(/[- ]?RACE$/, '');
  if ((PRIORITIES as readonly string[]).includes(letter)) return letter as Priority;
  problems.push(`race priority “${text}” is not A, B or C`);
  return undefined;
}

/** A positive number (an export's distance_km, taper_days); null when empty. */
export function readNumber(label: string, text: string, problems: Problems): number | null | undefined {
  if (text === '') return null;
  const value = Number(text.replace(',', '.'));
  if (Number.isFinite(value)) return value;
  problems.push(`${label} “${text}” is not a number`);
  return undefined;
}
