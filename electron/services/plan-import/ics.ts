// A training plan from an iCalendar (.ics) export, as coaching platforms and watch apps write
// it: one VEVENT per session, read with ical.js (Mozilla's maintained parser). Distance and
// kind come from SUMMARY, then DESCRIPTION and CATEGORIES; an event over more than a day is a
// weekly summary. Each entry's line is the line of its BEGIN:VEVENT.

import ICAL from 'ical.js';
import { readDate, readDistance, readDuration, readLabelledDistance, readLabelledDuration } from './amounts';
import { entryFromWords, type PlanFileReading } from './entries';

const SECONDS_PER_DAY = 86_400;

/** 1-based line numbers of every BEGIN:VEVENT, in file order (ical.js keeps that order). */
function eventLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (/^BEGIN:VEVENT\s*$/i.test(line)) lines.push(i + 1);
  });
  return lines;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The session's calendar date in the clinic's time: an all-day or floating date as written
 * (a time with a TZID too: a plan's times are the runner's local times); a UTC time converted
 * to this computer's local date.
 */
function dateOf(time: ICAL.Time): string {
  if (!time.isDate && time.zone?.tzid === 'UTC') {
    const local = time.toJSDate();
    return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  }
  return `${String(time.year).padStart(4, '0')}-${pad(time.month)}-${pad(time.day)}`;
}

/** Days an event spans: 1 for an all-day event or a run of a few hours; more for a weekly summary. */
function daysSpanned(event: ICAL.Event): number {
  const seconds = event.endDate ? event.endDate.subtractDate(event.startDate).toSeconds() : 0;
  return Math.max(1, Math.ceil(seconds / SECONDS_PER_DAY));
}

/**
 * The event's start as a date text for the entry, and the days it spans. ical.js rolls an
 * impossible date over (20260231 becomes 3 March), so the date as written is checked first;
 * a start that cannot be read is handed on as written, to be reported with its line.
 */
function startOf(component: ICAL.Component, event: ICAL.Event): { dateText: string; days: number | undefined } {
  const written: unknown = component.getFirstProperty('dtstart')?.jCal[3];
  if (typeof written !== 'string' || written === '') return { dateText: '', days: undefined };
  if (readDate(written.slice(0, 10)) === undefined) return { dateText: written, days: undefined };
  try {
    return { dateText: dateOf(event.startDate), days: daysSpanned(event) };
  } catch {
    return { dateText: written, days: undefined };
  }
}

export function readIcsPlan(text: string): PlanFileReading {
  const reading: PlanFileReading = { columns: [], mapping: null, unit: 'km', entries: [], errors: [], notes: [] };
  let calendar: ICAL.Component;
  try {
    // ical.js types its parse result loosely; the Component constructor checks its shape.
    calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    reading.errors.push({ line: 1, message: `Line 1: the file could not be read as an iCalendar file (${(error as Error).message}). Export the plan again as .ics and try again.` });
    return reading;
  }
  const events = calendar.name === 'vevent' ? [calendar] : calendar.getAllSubcomponents('vevent');
  const lines = eventLines(text);
  if (events.length === 0) {
    reading.errors.push({ line: 1, message: 'Line 1: the file holds no events. Export the plan’s sessions as an .ics calendar.' });
    return reading;
  }
  events.forEach((component, i) => {
    const line = lines[i] ?? 1;
    const event = new ICAL.Event(component);
    const summary = (event.summary ?? '').trim();
    const description = (event.description ?? '').trim();
    const categories = component.getAllProperties('categories').flatMap((p) => p.getValues().map(String)).join(' ');
    const words = [summary, categories, description].filter(Boolean).join(' ');
    const { dateText, days } = startOf(component, event);
    const entry = entryFromWords(line, dateText, summary, words, days);
    // A labelled total in the description ("Planned distance: 8 km") beats the reps in a title ("10 x 400m").
    const distance = readLabelledDistance(description) ?? readDistance(summary) ?? readDistance(`${description} ${categories}`);
    if (distance) {
      entry.distanceKm = distance.km;
      entry.unit = distance.unit;
    }
    // Free text in a description ("fuel every 40 min") is no duration: a labelled one, or the title's.
    entry.durationMin = readLabelledDuration(description) ?? readDuration(summary) ?? null;
    if (event.isRecurring()) reading.notes.push({ line, message: `Line ${line}: "${summary}" repeats; only its first date is read.` });
    reading.entries.push(entry);
  });
  return reading;
}
