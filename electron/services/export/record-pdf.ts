import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatDate } from '../../../shared/guidance/days';
import { DISTANCE_LABEL, PHASE_LABEL, PRIORITY_LABEL } from '../../../shared/guidance/labels';
import type { Distance, Phase, Priority } from '../../../shared/vocabulary';
import type { ClientRecord, RecordRow } from './client-record';

// A client's record as a printable A4 PDF, made in Node with pdfkit (no browser, no Electron):
// profile, medical alerts, races, appointments, every treatment note with the guidance shown at
// the time, recall contacts and any other record about them. DejaVu Sans is embedded (subset) so
// every name prints as typed, Polish, Irish or Greek alike; the PDF's own fonts cover Latin-1 only.

// Resolved from this module's own file (the bundled main's in the app), where node_modules is found.
// `__filename` rather than `import.meta`: main is bundled to CommonJS, and so are the e2e specs.
const fonts = createRequire(__filename);
const REGULAR = fonts.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = fonts.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const MARGIN = 56;
const INK = '#1a1b1e';
const MUTED = '#495057';
const ALERT = '#c92a2a';

type Doc = PDFKit.PDFDocument;

/** A value as printable text; Windows line ends become plain ones (a lone CR prints as a box). */
const text = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : typeof v === 'number' ? String(v) : JSON.stringify(v);
const yesNo = (v: unknown) => (v === 1 ? 'yes' : 'no');
const pad = (n: number) => String(n).padStart(2, '0');

/** dd/MM/yyyy for a date, dd/MM/yyyy HH:mm for a wall-clock time or an instant (local time). */
export function readableWhen(v: unknown): string {
  const s = text(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s);
  const wall = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(s);
  if (wall) return `${formatDate(wall[1]!)} ${wall[2]!}`;
  const at = new Date(s);
  if (s && !Number.isNaN(at.getTime())) {
    return `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  }
  return s;
}

/** A JSON array column (areas, techniques, hotspots) as a readable list. */
function list(v: unknown): string {
  try {
    const items = JSON.parse(text(v) || '[]') as unknown[];
    return items.map((i) => (i && typeof i === 'object' ? Object.values(i as Record<string, unknown>).map(text).filter(Boolean).join(' ') : text(i))).join(', ');
  } catch {
    return text(v);
  }
}

const byDate = (key: string) => (a: RecordRow, b: RecordRow) => text(a[key]).localeCompare(text(b[key]));

export function fullName(record: ClientRecord): string {
  return `${text(record.client.first_name)} ${text(record.client.last_name)}`.trim();
}

/** The record as PDF bytes, and how many A4 pages it takes. */
export async function clientRecordPdf(record: ClientRecord): Promise<{ pdf: Buffer; pages: number }> {
  const name = fullName(record);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: `Client record: ${name}`, Author: 'Fettle', Subject: 'Subject access request' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('body', REGULAR);
  doc.registerFont('bold', BOLD);
  doc.font('body');
  writeRecord(doc, record, name, missingGlyphs(doc, JSON.stringify(record)));
  const pages = footers(doc, name);
  doc.end();
  await ended;
  return { pdf: Buffer.concat(chunks), pages };
}

/**
 * Characters the embedded font cannot draw (Chinese, Japanese, Korean, Thai…): they print as
 * boxes, so the record says which they are and that the JSON holds them exactly.
 */
function missingGlyphs(doc: Doc, all: string): string[] {
  // pdfkit's current font wraps a fontkit font; its glyph lookup is the honest answer.
  const font = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } })._font?.font;
  if (!font?.hasGlyphForCodePoint) return [];
  const missing = new Set<string>();
  for (const ch of all) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && !font.hasGlyphForCodePoint(cp)) missing.add(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...missing];
}

function writeRecord(doc: Doc, record: ClientRecord, name: string, missing: string[]): void {
  const c = record.client;
  doc.font('bold').fontSize(18).fillColor(INK).text(`Client record: ${name}`);
  doc.font('body').fontSize(9).fillColor(MUTED)
    .text(`Everything Fettle holds about this client, as on ${readableWhen(record.exportedAt)}, for a subject access request.`);
  if (missing.length > 0) {
    doc.fillColor(ALERT).text(
      `Some characters in this record cannot be drawn in this PDF and print as boxes (${missing.slice(0, 12).join(', ')}${missing.length > 12 ? ', …' : ''}). ` +
        'The JSON record holds them exactly: give the client that file as well.',
    );
  }
  doc.moveDown(0.8);

  heading(doc, 'Profile');
  fields(doc, [
    ['Name', name],
    ['Date of birth', readableWhen(c.date_of_birth)],
    ['Phone', text(c.phone)],
    ['Email', text(c.email)],
    ['Emergency contact', [text(c.emergency_contact_name), text(c.emergency_contact_phone)].filter(Boolean).join(', ')],
    ['GP', text(c.gp)],
    ['Usual therapist', therapist(record, c.usual_therapist_id)],
    ['Consent to treatment', yesNo(c.consent_treatment)],
    ['Consent to keep data', yesNo(c.consent_data)],
    ['Consent given on', readableWhen(c.consent_date)],
    ['Areas that often need work', list(c.hotspots)],
    ['Notes', text(c.notes)],
    ['Archived on', readableWhen(c.archived_at)],
    ['On file since', readableWhen(c.created_at)],
  ]);

  heading(doc, 'Medical alerts');
  const alerts = text(c.medical_alerts);
  doc.font(alerts ? 'bold' : 'body').fontSize(10).fillColor(alerts ? ALERT : MUTED).text(alerts || 'None recorded.');
  doc.fillColor(INK).moveDown(0.6);

  heading(doc, `Races (${record.races.length})`);
  if (record.races.length === 0) none(doc, 'No races on file.');
  for (const race of [...record.races].sort(byDate('date'))) {
    const distance = DISTANCE_LABEL[race.distance as Distance] ?? text(race.distance);
    const km = race.distance_km ? ` (${text(race.distance_km)} km)` : '';
    const priority = PRIORITY_LABEL[race.priority as Priority] ?? text(race.priority);
    item(doc, `${readableWhen(race.date)}  ${text(race.name)}`, `${distance}${km}, ${priority}${race.removed_at ? `, removed on ${readableWhen(race.removed_at)}` : ''}`);
    const sessions = Array.isArray(race.plan_sessions) ? (race.plan_sessions as RecordRow[]) : [];
    fields(doc, [
      ['Goal time', text(race.goal_time)],
      ['Training block starts', readableWhen(race.plan_start)],
      ['Taper', race.taper_days ? `${text(race.taper_days)} days` : ''],
      ['Training plan', sessions.length > 0 ? `${sessions.length} ${sessions.length === 1 ? 'session' : 'sessions'}, ${readableWhen([...sessions].sort(byDate('date'))[0]!.date)} to ${readableWhen([...sessions].sort(byDate('date')).at(-1)!.date)}` : ''],
      ['Notes', text(race.notes)],
    ], 12);
  }

  heading(doc, `Appointments (${record.appointments.length})`);
  if (record.appointments.length === 0) none(doc, 'No appointments.');
  for (const a of [...record.appointments].sort(byDate('starts_at'))) {
    const type = a.type_id === null ? '' : (record.appointmentTypes[text(a.type_id)] ?? '');
    // The length once: a type's name often says it already ("Sports massage, 60 min").
    const length = `${text(a.duration_min)} min`;
    const what = type.includes(length) ? type : [type, length].filter(Boolean).join(', ');
    item(doc, `${readableWhen(a.starts_at)}  ${what}`, `with ${therapist(record, a.therapist_id)}: ${text(a.status)}`);
    fields(doc, [
      ['Cancelled because', text(a.cancel_reason)],
      ['Warning acknowledged', a.warning_text ? `${text(a.warning_text)} (by ${text(a.warning_acknowledged_by)}, ${readableWhen(a.warning_acknowledged_at)})` : ''],
      ['Notes', text(a.notes)],
    ], 12);
  }

  heading(doc, `Treatment notes (${record.treatments.length})`);
  if (record.treatments.length === 0) none(doc, 'No treatments recorded.');
  for (const t of [...record.treatments].sort(byDate('date'))) treatmentNote(doc, record, t);

  heading(doc, `Recall contacts (${record.recallContacts.length})`);
  if (record.recallContacts.length === 0) none(doc, 'None.');
  for (const r of [...record.recallContacts].sort(byDate('contacted_on'))) {
    item(doc, readableWhen(r.contacted_on), `by ${text(r.contacted_by)}${text(r.note) ? `: ${text(r.note)}` : ''}`);
  }

  for (const [table, rows] of Object.entries(record.otherRecords)) {
    heading(doc, `${OTHER_TITLES[table] ?? table.replace(/_/g, ' ')} (${rows.length})`);
    for (const row of rows) {
      // ids mean nothing on paper; dates inside free text read dd/MM/yyyy like the rest.
      const pairs = Object.entries(row).filter(([k, v]) => k !== 'id' && !k.endsWith('_id') && text(v) !== '');
      doc.font('body').fontSize(9).fillColor(INK)
        .text(pairs.map(([k, v]) => `${k.replace(/_/g, ' ')}: ${WHEN_COLUMN.test(k) ? readableWhen(v) : readableDatesIn(text(v))}`).join(' · '), MARGIN);
      doc.moveDown(0.2);
    }
  }
}

/** Headings for tables the record knows by name but lays out generically. */
const OTHER_TITLES: Readonly<Record<string, string>> = { audit_events: 'Audit trail: who opened or changed this record' };
const WHEN_COLUMN = /(^|_)(at|on|date)$/;
const readableDatesIn = (s: string) => s.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso));

function treatmentNote(doc: Doc, record: ClientRecord, t: RecordRow): void {
  keepTogether(doc, 120);
  doc.moveDown(0.3);
  item(doc, `${readableWhen(t.date)}  ${therapist(record, t.therapist_id)}`, `${text(t.intensity)} massage${t.sore === 1 ? ', client sore' : ''}`);
  const phase = PHASE_LABEL[t.phase as Phase] ?? text(t.phase);
  fields(doc, [
    ['Guidance at the time', `${phase} phase, no harder than ${text(t.ceiling)}${text(t.guidance_headline) ? `. ${text(t.guidance_headline)}` : ''}`],
    ['Above the advice because', text(t.override_reason)],
    ['Areas', list(t.areas)],
    ['Techniques', list(t.techniques)],
    ['Subjective', text(t.subjective)],
    ['Objective', text(t.objective)],
    ['Assessment', text(t.assessment)],
    ['Plan', text(t.plan)],
    ['Pain before / after', t.pain_before === null && t.pain_after === null ? '' : `${text(t.pain_before) || '–'} / ${text(t.pain_after) || '–'} (out of 10)`],
    ['Advice', text(t.advice)],
    ['Next treatment suggested', readableWhen(t.next_booking)],
  ], 12);
  const amendments = Array.isArray(t.treatment_amendments) ? (t.treatment_amendments as RecordRow[]) : [];
  for (const a of amendments) {
    fields(doc, [[`Amended ${readableWhen(a.at)} by ${text(a.author_name)}`, `${text(a.text)} (reason: ${text(a.reason)})`]], 12);
  }
}

const therapist = (record: ClientRecord, id: unknown): string => (id === null || id === undefined ? '' : (record.therapists[text(id)] ?? `therapist ${text(id)}`));

function heading(doc: Doc, title: string): void {
  keepTogether(doc, 60);
  doc.moveDown(0.4);
  doc.font('bold').fontSize(13).fillColor(INK).text(title, MARGIN);
  const y = doc.y + 2;
  doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(0.5).strokeColor('#adb5bd').stroke();
  doc.moveDown(0.5);
}

function item(doc: Doc, title: string, detail: string): void {
  keepTogether(doc, 40);
  doc.font('bold').fontSize(10).fillColor(INK).text(title, MARGIN, doc.y, { continued: Boolean(detail) });
  if (detail) doc.font('body').text(`   ${detail}`);
  doc.moveDown(0.15);
}

/** Label: value lines, skipping empty values. */
function fields(doc: Doc, pairs: [string, string][], indent = 0): void {
  const x = MARGIN + indent;
  const width = doc.page.width - MARGIN - x;
  for (const [label, value] of pairs) {
    if (!value) continue;
    doc.font('bold').fontSize(9).fillColor(MUTED).text(`${label}: `, x, doc.y, { continued: true, width });
    doc.font('body').fillColor(INK).text(value, { width });
  }
  doc.moveDown(0.35);
}

function none(doc: Doc, message: string): void {
  doc.font('body').fontSize(10).fillColor(MUTED).text(message, MARGIN);
  doc.fillColor(INK).moveDown(0.4);
}

/** Starts a new page when fewer than `points` remain, so a heading is never alone at the foot. */
function keepTogether(doc: Doc, points: number): void {
  if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function footers(doc: Doc, name: string): number {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor(MUTED)
      .text(`${name}: client record · page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  return range.count;
}
