import type { Amendment, BodyArea, Treatment, TreatmentSummary } from '../../../shared/api/types';
import type { Intensity, Phase } from '../../../shared/vocabulary';
import type { Db } from '../native';
import { statement } from '../sql';

interface SummaryRow {
  id: number; client_id: number; therapist_id: number; therapist_name: string; date: string;
  intensity: Intensity; phase: Phase; ceiling: Intensity; override_reason: string | null; author_only: number;
}
interface FullRow extends SummaryRow {
  sore: number; guidance_headline: string; areas: string; techniques: string; subjective: string; objective: string;
  assessment: string; plan: string; pain_before: number | null; pain_after: number | null; advice: string; next_booking: string | null;
  author_user_id: number | null; editable_until: string | null;
}

const toSummary = (r: SummaryRow): TreatmentSummary => ({
  id: r.id, clientId: r.client_id, therapistId: r.therapist_id, therapistName: r.therapist_name, date: r.date,
  intensity: r.intensity, phase: r.phase, ceiling: r.ceiling, overridden: r.override_reason !== null, authorOnly: r.author_only === 1,
});

const SUMMARY_COLUMNS = `t.id, t.client_id, t.therapist_id, th.name AS therapist_name, t.date, t.intensity, t.phase, t.ceiling, t.override_reason, t.author_only`;

/** History without clinical notes, newest first. */
export function treatmentsOfClient(db: Db, clientId: number): TreatmentSummary[] {
  return (
    statement(db, `SELECT ${SUMMARY_COLUMNS} FROM treatments t JOIN therapists th ON th.id = t.therapist_id WHERE t.client_id = ? ORDER BY t.date DESC, t.id DESC`)
      .all(clientId) as SummaryRow[]
  ).map(toSummary);
}

/** What the phase engine reads: who treated whom, when, how hard. Many clients at once. */
export function treatmentHistoryOfClients(
  db: Db,
  clientIds: number[],
): Map<number, { date: string; therapistId: string; intensity: Intensity }[]> {
  const byClient = new Map<number, { date: string; therapistId: string; intensity: Intensity }[]>(clientIds.map((id) => [id, []]));
  if (clientIds.length === 0) return byClient;
  const rows = statement(
    db,
    // Per client in index order (client_id, date): no global sort, no table reads.
    `SELECT t.client_id, t.date, t.therapist_id, t.intensity FROM json_each(?) AS ids
     CROSS JOIN treatments t ON t.client_id = ids.value`,
  ).all(JSON.stringify(clientIds)) as { client_id: number; date: string; therapist_id: number; intensity: Intensity }[];
  for (const r of rows) byClient.get(r.client_id)?.push({ date: r.date, therapistId: String(r.therapist_id), intensity: r.intensity });
  return byClient;
}

/** As stored; whether it is locked depends on the clock, which the service holds. */
export type StoredTreatment = Omit<Treatment, 'locked'>;

const toTreatment = (r: FullRow, amendments: Amendment[]): StoredTreatment => ({
  ...toSummary(r),
  sore: r.sore === 1,
  guidanceHeadline: r.guidance_headline,
  overrideReason: r.override_reason,
  areas: JSON.parse(r.areas) as BodyArea[],
  techniques: JSON.parse(r.techniques) as string[],
  subjective: r.subjective,
  objective: r.objective,
  assessment: r.assessment,
  plan: r.plan,
  painBefore: r.pain_before,
  painAfter: r.pain_after,
  advice: r.advice,
  nextBooking: r.next_booking,
  authorUserId: r.author_user_id,
  editableUntil: r.editable_until,
  amendments,
});

export function getTreatment(db: Db, id: number): StoredTreatment | undefined {
  const row = statement(db, `SELECT t.*, th.name AS therapist_name FROM treatments t JOIN therapists th ON th.id = t.therapist_id WHERE t.id = ?`).get(id) as
    | FullRow
    | undefined;
  return row && toTreatment(row, amendmentsOf(db, id));
}

interface AmendmentRow { id: number; author_name: string; at: string; reason: string; text: string }
const AMENDMENT_COLUMNS = 'id, author_name, at, reason, text';
const toAmendment = (a: AmendmentRow): Amendment => ({ id: a.id, authorName: a.author_name, at: a.at, reason: a.reason, text: a.text });

function amendmentsOf(db: Db, treatmentId: number): Amendment[] {
  return (statement(db, `SELECT ${AMENDMENT_COLUMNS} FROM treatment_amendments WHERE treatment_id = ? ORDER BY id`).all(treatmentId) as AmendmentRow[]).map(toAmendment);
}

export function insertAmendment(db: Db, a: { treatmentId: number; userId: number; authorName: string; at: string; reason: string; text: string }): Amendment {
  const { lastInsertRowid } = statement(
    db,
    'INSERT INTO treatment_amendments (treatment_id, user_id, author_name, at, reason, text) VALUES (@treatmentId, @userId, @authorName, @at, @reason, @text)',
  ).run(a);
  return toAmendment(statement(db, `SELECT ${AMENDMENT_COLUMNS} FROM treatment_amendments WHERE id = ?`).get(lastInsertRowid) as AmendmentRow);
}

/** An edit by the author while the note is open; the guidance snapshot and intensity stay as logged. */
export function updateTreatmentNotes(
  db: Db,
  id: number,
  notes: { subjective: string; objective: string; assessment: string; plan: string; advice: string; authorOnly: boolean },
): void {
  statement(
    db,
    `UPDATE treatments SET subjective = @subjective, objective = @objective, assessment = @assessment, plan = @plan, advice = @advice,
       author_only = @authorOnly, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = @id`,
  ).run({ id, ...notes, authorOnly: Number(notes.authorOnly) });
}

export interface NewTreatment {
  clientId: number; therapistId: number; date: string; intensity: Intensity; sore: boolean; phase: Phase; ceiling: Intensity;
  guidanceHeadline: string; overrideReason: string | null; areas: BodyArea[]; techniques: string[]; subjective: string;
  objective: string; assessment: string; plan: string; painBefore: number | null; painAfter: number | null; advice: string;
  nextBooking: string | null; authorUserId: number | null; authorOnly: boolean; editableUntil: string | null;
}

export function insertTreatment(db: Db, t: NewTreatment): StoredTreatment {
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO treatments (client_id, therapist_id, date, intensity, sore, phase, ceiling, guidance_headline, override_reason,
         areas, techniques, subjective, objective, assessment, plan, pain_before, pain_after, advice, next_booking,
         author_user_id, author_only, editable_until)
       VALUES (@clientId, @therapistId, @date, @intensity, @sore, @phase, @ceiling, @guidanceHeadline, @overrideReason,
         @areas, @techniques, @subjective, @objective, @assessment, @plan, @painBefore, @painAfter, @advice, @nextBooking,
         @authorUserId, @authorOnly, @editableUntil)`,
  ).run({ ...t, sore: Number(t.sore), authorOnly: Number(t.authorOnly), areas: JSON.stringify(t.areas), techniques: JSON.stringify(t.techniques) });
  return getTreatment(db, Number(lastInsertRowid))!;
}
