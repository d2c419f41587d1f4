import type { ExportTable } from './tables';

// README.txt inside the export: what every file and every column is. Tables and columns are read
// from the database, so a later one is always listed; what it means comes from the notes below,
// and a column without a note is still named with its type and any table it points at.

const TABLE_NOTES: Readonly<Record<string, string>> = {
  clients: 'One row per client (runner): contact details, medical alerts, consent and notes.',
  races: 'The races on each client’s file; the training phase is worked out from them. Removed races are kept (removed_at) as history.',
  plan_sessions: 'Sessions of a race’s training plan (imported or typed in), one row per session.',
  treatments: 'Treatment notes, one row per treatment, with the guidance shown at the time (phase, ceiling, guidance_headline) kept as it was.',
  treatment_amendments: 'Dated amendments to locked treatment notes, shown under the untouched original.',
  appointments: 'The diary: booked, arrived, completed, cancelled and no-show appointments.',
  appointment_types: 'The kinds of appointment the diary offers, with their length and intensity.',
  therapists: 'The clinic’s therapists (inactive ones are kept: their treatments stay theirs).',
  therapist_hours: 'Each therapist’s working hours by weekday (no row: the clinic’s hours).',
  clinic_hours: 'The clinic’s opening hours by weekday (1 = Monday … 7 = Sunday).',
  recall_contacts: 'Recall: when a client was contacted to come back, by whom, with a note.',
  settings: 'Clinic settings kept with its data.',
  users: 'People who sign in to Fettle, with their roles.',
  audit_events: 'The audit trail: who did what, when, and to which client. Never changed or deleted.',
};

const COLUMN_NOTES: Readonly<Record<string, string>> = {
  'clients.date_of_birth': 'date of birth (YYYY-MM-DD), empty when not known',
  'clients.medical_alerts': 'medical alerts, shown in red wherever the client appears',
  'clients.hotspots': 'areas that often need work, as a JSON array',
  'clients.consent_treatment': '1 when the client consented to treatment, else 0',
  'clients.consent_data': '1 when the client consented to their data being kept, else 0',
  'clients.consent_date': 'when consent was given (YYYY-MM-DD)',
  'clients.archived_at': 'when the client was archived (ISO 8601 instant, UTC); empty for current clients',
  'clients.search_key': 'the name, phone and email folded for searching (derived; Fettle rebuilds it)',
  'clients.sort_name': 'the name as the client list sorts it (derived; Fettle rebuilds it)',
  'races.date': 'race day (YYYY-MM-DD)',
  'races.distance': 'one of 5k, 10k, half, marathon, ultra, ultra-long',
  'races.distance_km': 'the exact distance in km, when given',
  'races.priority': 'A (goal race), B or C (tune-up)',
  'races.plan_start': 'when the training block starts (YYYY-MM-DD), when given',
  'races.taper_days': 'the taper’s length in days, when it differs from the distance’s usual taper',
  'races.goal_time': 'the runner’s goal time, as typed',
  'races.removed_at': 'when the race was removed (ISO 8601 instant, UTC); empty for races on file',
  'treatments.date': 'the day of the treatment (YYYY-MM-DD)',
  'treatments.intensity': 'how hard the massage was: avoid, flush, light, moderate or deep',
  'treatments.sore': '1 when the client reported soreness, else 0',
  'treatments.phase': 'the training phase Fettle gave for that day, kept as it was then',
  'treatments.ceiling': 'the hardest intensity Fettle advised that day, kept as it was then',
  'treatments.guidance_headline': 'the guidance the therapist saw before logging, kept as it was then',
  'treatments.override_reason': 'why the therapist went above the advised ceiling, when they did',
  'treatments.areas': 'areas treated, as a JSON array of {region, side}',
  'treatments.techniques': 'techniques used, as a JSON array',
  'treatments.subjective': 'SOAP note: what the client reported',
  'treatments.objective': 'SOAP note: what the therapist found',
  'treatments.assessment': 'SOAP note: the therapist’s assessment',
  'treatments.plan': 'SOAP note: the plan',
  'treatments.pain_before': 'pain score before treatment, 0 to 10',
  'treatments.pain_after': 'pain score after treatment, 0 to 10',
  'treatments.advice': 'advice given to the client',
  'treatments.next_booking': 'suggested next treatment date (YYYY-MM-DD)',
  'appointments.starts_at': 'start, clinic-local wall-clock time (YYYY-MM-DDTHH:mm)',
  'appointments.ends_at': 'end, clinic-local wall-clock time (YYYY-MM-DDTHH:mm)',
  'appointments.status': 'booked, arrived, completed, cancelled or no-show',
  'appointments.cancel_reason': 'why it was cancelled',
  'appointments.warning_text': 'a guidance warning the booker acknowledged',
  'appointments.warning_acknowledged_by': 'who acknowledged the warning',
  'appointments.warning_acknowledged_at': 'when the warning was acknowledged (clinic-local time)',
  'appointments.outside_hours_confirmed': '1 when booked outside opening hours on purpose, else 0',
  'plan_sessions.date': 'the session’s day (YYYY-MM-DD)',
  'plan_sessions.kind': 'easy, long, tempo, intervals, race, rest, cross or other',
  'plan_sessions.unit': 'the unit the plan was written in (km or mi); distance_km is always in km',
  'plan_sessions.source': 'hand (typed in), csv or ics (imported)',
  'clinic_hours.weekday': '1 = Monday … 7 = Sunday',
  'therapist_hours.weekday': '1 = Monday … 7 = Sunday',
  'recall_contacts.contacted_on': 'the day of contact (YYYY-MM-DD)',
};

/** What a column holds, from its note or else from its name and type. */
export function describeColumn(table: string, column: ExportTable['columns'][number]): string {
  const note = COLUMN_NOTES[`${table}.${column.name}`];
  const parts: string[] = [];
  if (note) parts.push(note);
  else if (column.name === 'id') parts.push('the row’s number; other tables refer to it');
  else if (column.references) parts.push(`the id of a row in ${column.references.table}.csv`);
  else if (/_at$/.test(column.name)) parts.push('a time (ISO 8601; an instant ending in Z is UTC)');
  else if (/(^|_)(date|on)$/.test(column.name)) parts.push('a date (YYYY-MM-DD)');
  else parts.push(plainType(column.type));
  if (note && column.references) parts.push(`the id of a row in ${column.references.table}.csv`);
  return parts.join('; ');
}

function plainType(type: string): string {
  switch (type.toUpperCase()) {
    case 'INTEGER': return 'a whole number';
    case 'REAL': return 'a number';
    case 'BLOB': return 'binary data, written as base64';
    default: return 'text';
  }
}

export function readmeText(options: {
  exportedAt: string;
  schemaVersion: number;
  appVersion: string;
  tables: readonly ExportTable[];
  leftOut: readonly { name: string; leftOut: string | null }[];
  rows: ReadonlyMap<string, number>;
}): string {
  const lines: string[] = [
    'Fettle export',
    '=============',
    '',
    `Exported ${options.exportedAt} by Fettle ${options.appVersion} (data version ${options.schemaVersion}).`,
    'Everything the clinic keeps in Fettle, read from one consistent moment of its database.',
    '',
    'Files',
    '-----',
    'README.txt     this file.',
    'fettle.json    everything in one JSON document: {"format": "fettle-export", "formatVersion": 1,',
    '               "exportedAt", "schemaVersion", "appVersion", "tables": {"<table>": [ {<column>: value} ]}}.',
    '               Values are exactly as stored: the same as the CSV files, with empty cells as null.',
    '<table>.csv    one file per table of the database, named after the table.',
    '',
    'The CSV files: UTF-8 (with a byte-order mark, so spreadsheets read accents correctly), one header',
    'row of the table’s own column names, then one row per record, in the order the records were made.',
    'Fields are separated by commas and quoted as RFC 4180 says (fields holding a comma, a quote or a',
    'line break are in double quotes, and a quote inside is doubled); lines end with CR LF. An empty',
    'field is an empty value (NULL). Dates are ISO 8601: a day is YYYY-MM-DD, an appointment time is',
    'the clinic’s wall-clock time YYYY-MM-DDTHH:mm, and a time a record was saved is an instant in UTC',
    '(…Z). Yes/no columns hold 1 or 0. A column holding a JSON array or object holds it as text.',
    'ids: each table’s id column numbers its rows; a column ending in _id holds the id of a row of',
    'another table (client_id: clients.csv, therapist_id: therapists.csv, and so on).',
    '',
  ];
  for (const table of options.tables) {
    const count = options.rows.get(table.name) ?? 0;
    lines.push(`${table.name}.csv (${count} ${count === 1 ? 'row' : 'rows'})`);
    lines.push('-'.repeat(lines.at(-1)!.length));
    lines.push(TABLE_NOTES[table.name] ?? `The ${table.name} table.`);
    const width = Math.max(...table.columns.map((c) => c.name.length));
    for (const column of table.columns) lines.push(`  ${column.name.padEnd(width)}  ${describeColumn(table.name, column)}`);
    for (const w of table.withheld) lines.push(`  (${w.name} is left out: ${w.why}.)`);
    if (table.withheldKeys) lines.push('  (Rows whose key ends in _hash or _salt are left out: they hold a secret’s hash.)');
    lines.push('');
  }
  const leftOut = options.leftOut.filter((t) => t.leftOut !== null);
  if (leftOut.length > 0) {
    lines.push('Left out', '--------', 'These tables hold nothing that is not already in the files above:');
    for (const t of leftOut) lines.push(`  ${t.name}: ${t.leftOut}.`);
    lines.push('');
  }
  return lines.join('\r\n');
}
