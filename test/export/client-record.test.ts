import fs from 'node:fs';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientRecordFile } from '../../shared/api/exports';
import type { ClientRecord } from '../../electron/services/export/client-record';
import { ALL_ROLES, makeDataDir, openTestClinic, type TestClinic } from '../support/clinic';
import { seedClinic, type Seeded } from './seed';

// One client's record for a subject access request, through exports:clientRecord, read back from
// the files it saves: the PDF's text and page size, and the JSON.

let clinic: TestClinic;
let seeded: Seeded;
let out: string;

beforeEach(async () => {
  out = makeDataDir('fettle-record-out-');
  const answers: Record<string, string> = { 'record-pdf-save': path.join(out, 'record'), 'record-json-save': path.join(out, 'record.json') };
  clinic = openTestClinic({ choosePath: (purpose) => Promise.resolve(answers[purpose] ?? null) });
  seeded = await seedClinic(clinic);
});
afterEach(() => {
  clinic.close();
  fs.rmSync(out, { recursive: true, force: true });
});

const save = (clientId: number, format: 'json' | 'pdf') => clinic.call<ClientRecordFile>('exports:clientRecord', { clientId, format });

async function pdfText(file: string): Promise<{ text: string; pages: number; size: [number, number] }> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const pdf = await getDocumentProxy(bytes);
  const page = await pdf.getPage(1);
  const [, , width, height] = page.view as [number, number, number, number];
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: totalPages, size: [Math.round(width), Math.round(height)] };
}

/** Text as the PDF's extraction gives it back: words joined by single spaces. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('client record', () => {
  it('as an A4 PDF: every note of that client, the guidance at the time, dd/MM/yyyy dates, and no other client', async () => {
    const saved = await save(seeded.zoe.id, 'pdf');
    expect(saved).toMatchObject({ file: path.join(out, 'record.pdf'), format: 'pdf', treatments: 3 });
    const { text, pages, size } = await pdfText(saved.file);
    expect(size).toEqual([595, 842]);
    expect(pages).toBe(saved.pages);
    expect(text).toContain('Client record: Zoë Łukasiewicz-Ó Briain');
    expect(text).toContain('Asthma: inhaler in bag');
    expect(text).toContain('Manchester Marathon');
    expect(text).toContain('19/04/2026');
    expect(text).toContain('09/04/1988');
    expect(text).toContain('Left a voicemail');
    for (const note of seeded.zoeNotes) {
      expect(text).toContain(squash(note.subjective));
      expect(text).toContain(squash(note.objective));
      expect(text).toContain(squash(note.guidanceHeadline));
    }
    expect(text).toContain('12/01/2026');
    expect(text).not.toMatch(/\b2026-0\d-\d\d\b/);
    // No other client's name or note.
    for (const other of [seeded.tricky, seeded.quiet]) {
      expect(text).not.toContain(other.lastName);
      expect(text).not.toContain(other.firstName);
    }
    expect(text).not.toContain('Shin splints');
    // The audit trail about this client is part of what is held about them.
    expect(text).toContain('Audit trail: who opened or changed this record');
    expect(text).toContain('note-created');
  });

  it('as JSON: the profile, every treatment with its guidance, races with their plan, appointments and recall contacts', async () => {
    const saved = await save(seeded.zoe.id, 'json');
    const record = JSON.parse(fs.readFileSync(saved.file, 'utf8')) as ClientRecord;
    expect(record).toMatchObject({ format: 'fettle-client-record', formatVersion: 1 });
    expect(record.client).toMatchObject({ id: seeded.zoe.id, first_name: 'Zoë', medical_alerts: 'Asthma: inhaler in bag' });
    expect(record.client).not.toHaveProperty('search_key');
    const ids = (clinic.db.prepare('SELECT id FROM treatments WHERE client_id = ? ORDER BY id').all(seeded.zoe.id) as { id: number }[]).map((r) => r.id);
    expect(record.treatments.map((t) => t.id)).toEqual(ids);
    for (const [i, note] of seeded.zoeNotes.entries()) {
      expect(record.treatments[i]).toMatchObject({ subjective: note.subjective, phase: note.phase, ceiling: note.ceiling, guidance_headline: note.guidanceHeadline });
    }
    expect(record.races).toHaveLength(1);
    expect(record.races[0]!.plan_sessions).toEqual([expect.objectContaining({ title: 'Long run, 30 km', date: '2026-03-08' })]);
    expect(record.appointments).toHaveLength(1);
    expect(record.recallContacts).toEqual([expect.objectContaining({ note: 'Left a voicemail' })]);
    expect(record.therapists[String(seeded.sam.id)]).toBe('Sam Reid');
    // Nothing of anyone else.
    expect(JSON.stringify(record)).not.toContain('Shin splints');
    expect(JSON.stringify(record)).not.toContain("O'Brien");
  });

  it('says which characters the PDF cannot draw, and prints line breaks as line breaks', async () => {
    const { text } = await pdfText((await save(seeded.tricky.id, 'pdf')).file);
    // 王小明, the emergency contact: no glyphs in DejaVu Sans.
    expect(text).toContain('print as boxes (U+738B, U+5C0F, U+660E)');
    expect(text).toContain('Notes: First line second line, with a comma third "quoted" line');
    const zoe = await pdfText((await save(seeded.zoe.id, 'pdf')).file);
    expect(zoe.text).not.toContain('print as boxes');
  });

  it('a client with no treatments, races or appointments still gives a whole record', async () => {
    const pdf = await save(seeded.quiet.id, 'pdf');
    expect(pdf.treatments).toBe(0);
    const { text } = await pdfText(pdf.file);
    expect(text).toContain('Client record: Nia Quiet');
    expect(text).toContain('No treatments recorded.');
    expect(text).toContain('None recorded.');
    const json = JSON.parse(fs.readFileSync((await save(seeded.quiet.id, 'json')).file, 'utf8')) as ClientRecord;
    expect(json).toMatchObject({ treatments: [], races: [], appointments: [], recallContacts: [] });
  });

  it('carries every note of a long history, over several pages', async () => {
    clinic.actAs({ therapistId: seeded.sam.id });
    const subjects: string[] = [];
    for (let day = 1; day <= 40; day++) {
      const subjective = `Visit ${day}: ${'tight calves after the long run, '.repeat(4)}end ${day}`;
      subjects.push(subjective);
      await clinic.call('treatments:log', { clientId: seeded.tricky.id, therapistId: seeded.sam.id, date: `2025-${String(1 + (day % 12)).padStart(2, '0')}-${String(day % 28 + 1).padStart(2, '0')}`, intensity: 'light', subjective });
    }
    clinic.actAs({ roles: ALL_ROLES });
    const saved = await save(seeded.tricky.id, 'pdf');
    const { text, pages } = await pdfText(saved.file);
    expect(pages).toBeGreaterThan(3);
    for (const s of subjects) expect(text).toContain(squash(s));
    expect(text).toContain(`page ${pages} of ${pages}`);
  });

  it('says so when the client does not exist, writes nothing when cancelled, and is for administrators only', async () => {
    expect(await clinic.dispatch('exports:clientRecord', { clientId: 9999, format: 'pdf' })).toMatchObject({ ok: false, code: 'not-found' });
    const cancelled = openTestClinic({ choosePath: () => Promise.resolve(null) });
    try {
      const client = await cancelled.call<{ id: number }>('clients:create', { firstName: 'Ann', lastName: 'Other' });
      expect(await cancelled.call('exports:clientRecord', { clientId: client.id, format: 'json' })).toBeNull();
    } finally {
      cancelled.close();
    }
    const therapist = openTestClinic({ role: ['therapist', 'reception'], choosePath: () => Promise.resolve(path.join(out, 'no.pdf')) });
    try {
      expect(await therapist.dispatch('exports:clientRecord', { clientId: 1, format: 'pdf' })).toMatchObject({ ok: false, code: 'forbidden' });
    } finally {
      therapist.close();
    }
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('is written to the audit trail', async () => {
    await save(seeded.zoe.id, 'pdf');
    const events = clinic.db.prepare("SELECT action, client_id, detail FROM audit_events WHERE action = 'export'").all();
    expect(events).toEqual([{ action: 'export', client_id: seeded.zoe.id, detail: `Client record (PDF) to ${path.join(out, 'record.pdf')}` }]);
  });
});
