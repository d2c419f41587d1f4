import { IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportPreset } from '../../../shared/api/client-import';

// Which column holds what. A ready-made mapping is a list of the headings each field goes by in
// one kind of file; headings are compared folded ("First Name", "first_name" and "FIRSTNAME"
// alike). The mapping of a successful import is remembered by its headings, and offered again
// for a file that has all of them.

export const foldHeading = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9]+/g, '');

type Headings = Partial<Record<ImportField, readonly string[]>>;

/** A spreadsheet someone made: the everyday words for each column, and one race per row. */
const PLAIN: Headings = {
  firstName: ['firstname', 'forename', 'givenname', 'first', 'christianname'],
  lastName: ['lastname', 'surname', 'familyname', 'last'],
  dateOfBirth: ['dateofbirth', 'dob', 'birthdate', 'born', 'birthday'],
  email: ['email', 'emailaddress', 'mail'],
  phone: ['phone', 'mobile', 'mobilephone', 'mobilenumber', 'phonenumber', 'telephone', 'tel', 'cell'],
  notes: ['notes', 'note', 'comments', 'comment'],
  medicalAlerts: ['medicalalerts', 'alerts', 'medical', 'medicalnotes', 'conditions'],
  emergencyContactName: ['emergencycontact', 'emergencycontactname', 'nextofkin'],
  emergencyContactPhone: ['emergencycontactphone', 'emergencyphone', 'nextofkinphone'],
  gp: ['gp', 'doctor', 'gpname', 'gppractice'],
  hotspots: ['hotspots', 'problemareas'],
  raceName: ['race', 'racename', 'nextrace', 'event', 'targetrace'],
  raceDate: ['racedate', 'eventdate', 'dateofrace'],
  raceDistance: ['distance', 'racedistance'],
  raceDistanceKm: ['distancekm', 'racedistancekm', 'km'],
  racePriority: ['priority', 'racepriority'],
};

/** A typical practice-management system's patient export. */
const PRACTICE: Headings = {
  firstName: ['patientfirstname', 'firstname', 'patientforename', 'forename', 'givenname', 'preferredname'],
  lastName: ['patientlastname', 'patientsurname', 'lastname', 'surname', 'familyname'],
  dateOfBirth: ['patientdateofbirth', 'patientdob', 'dateofbirth', 'dob', 'birthdate'],
  email: ['patientemail', 'emailaddress', 'email'],
  phone: ['patientmobile', 'mobilephone', 'mobilenumber', 'mobile', 'patientphone', 'phone', 'phonenumber', 'telephone', 'homephone', 'workphone'],
  notes: ['patientnotes', 'notes', 'generalnotes', 'comments', 'note'],
};

/** Fettle's own export: clients.csv has the clients table's columns. */
const FETTLE: Headings = {
  sourceId: ['id'],
  firstName: ['firstname'],
  lastName: ['lastname'],
  dateOfBirth: ['dateofbirth'],
  phone: ['phone'],
  email: ['email'],
  emergencyContactName: ['emergencycontactname'],
  emergencyContactPhone: ['emergencycontactphone'],
  gp: ['gp'],
  medicalAlerts: ['medicalalerts'],
  hotspots: ['hotspots'],
  consentTreatment: ['consenttreatment'],
  consentData: ['consentdata'],
  consentDate: ['consentdate'],
  notes: ['notes'],
  archived: ['archivedat'],
};

const PRESET_HEADINGS: Readonly<Record<ImportPreset, Headings>> = { plain: PLAIN, practice: PRACTICE, fettle: FETTLE };

/** The preset's mapping for these columns: for each field, its first heading the file has; each column used once. */
export function presetMapping(preset: ImportPreset, columns: readonly string[]): ImportMapping {
  const folded = columns.map(foldHeading);
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    for (const heading of PRESET_HEADINGS[preset][field] ?? []) {
      const index = folded.findIndex((f, i) => f === heading && !used.has(i));
      if (index >= 0) {
        mapping[field] = index;
        used.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** The preset that recognises most of the file's columns (the plain one when none does better). */
export function guessPreset(columns: readonly string[]): { preset: ImportPreset; mapping: ImportMapping } {
  let best: { preset: ImportPreset; mapping: ImportMapping } = { preset: 'plain', mapping: presetMapping('plain', columns) };
  for (const preset of ['practice', 'fettle'] as const) {
    const mapping = presetMapping(preset, columns);
    if (Object.keys(mapping).length > Object.keys(best.mapping).length) best = { preset, mapping };
  }
  return best;
}

/** A mapping as remembered: the preset it came from, and each field's heading. */
export interface RememberedMapping {
  preset: ImportPreset | null;
  headings: Partial<Record<ImportField, string>>;
}

export function rememberMapping(mapping: ImportMapping, columns: readonly string[], preset: ImportPreset | null): RememberedMapping {
  const headings: RememberedMapping['headings'] = {};
  for (const [field, index] of Object.entries(mapping) as [ImportField, number][]) {
    const heading = columns[index];
    if (heading !== undefined) headings[field] = heading;
  }
  return { preset, headings };
}

/** The remembered mapping for these columns, when the file has every heading it names. */
export function recallMapping(remembered: RememberedMapping, columns: readonly string[]): ImportMapping | null {
  const folded = columns.map(foldHeading);
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  for (const [field, heading] of Object.entries(remembered.headings) as [ImportField, string][]) {
    const index = folded.findIndex((f, i) => f === foldHeading(heading) && !used.has(i));
    if (index < 0) return null;
    mapping[field] = index;
    used.add(index);
  }
  return Object.keys(mapping).length > 0 ? mapping : null;
}

/** Reads what rememberMapping stored; anything else (an older shape, damage) is forgotten. */
export function parseRemembered(stored: string | null): RememberedMapping | null {
  if (stored === null) return null;
  try {
    const value = JSON.parse(stored) as Partial<RememberedMapping>;
    if (typeof value !== 'object' || value === null || typeof value.headings !== 'object' || value.headings === null) return null;
    const headings = Object.fromEntries(
      Object.entries(value.headings).filter(([field, heading]) => (IMPORT_FIELDS as readonly string[]).includes(field) && typeof heading === 'string'),
    ) as RememberedMapping['headings'];
    const preset = value.preset === 'plain' || value.preset === 'practice' || value.preset === 'fettle' ? value.preset : null;
    return { preset, headings };
  } catch {
    return null;
  }
}
