// What the export calls answer (issue 15): the full export's zip, and one client's record.

/** The full export: where the zip was written and how many rows each table gave. */
export interface ClinicExport {
  file: string;
  tables: { name: string; rows: number }[];
}

/** A client's record saved for an access request: where, and what it holds. */
export interface ClientRecordFile {
  file: string;
  format: 'json' | 'pdf';
  treatments: number;
  pages: number | null;
}
