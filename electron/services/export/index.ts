import fs from 'node:fs';
import path from 'node:path';
import type { ClientRecordFile, ClinicExport } from '../../../shared/api/exports';
import { fsyncFolder } from '../../db/database';
import { ClinicError, type ServiceContext } from '../context';
import { runJob } from '../progress';
import { exportClinic, withExtension } from './clinic-export';
import { clientRecord } from './client-record';
import { clientRecordPdf } from './record-pdf';

// The export calls: ask where to save (main's save dialog), then write. A cancelled dialog
// writes nothing and answers null. Files appear whole or not at all (partial name, then rename).

/** Asks for a path; only main has a dialog, so elsewhere saving is not offered. */
export type ChooseSavePath = (() => Promise<string | null>) | undefined;

async function chosenSavePath(choose: ChooseSavePath, ext: string): Promise<string | null> {
  if (!choose) throw new ClinicError('unavailable', 'Saving a file is not available here. Use the Fettle app on the clinic laptop.');
  const chosen = await choose();
  return chosen ? withExtension(chosen, ext) : null;
}

/** Everything, as a zip, under progress job `job`. */
export async function saveClinicExport(ctx: ServiceContext, job: string, appVersion: string, choose: ChooseSavePath): Promise<ClinicExport | null> {
  const file = await chosenSavePath(choose, '.zip');
  if (!file) return null;
  return runJob(job, (step) => exportClinic(ctx.db, file, { appVersion, step }));
}

/** One client's record for an access request, as JSON or as a printable A4 PDF. */
export async function saveClientRecord(
  ctx: ServiceContext,
  clientId: number,
  format: 'json' | 'pdf',
  choose: ChooseSavePath,
): Promise<ClientRecordFile | null> {
  // Read first: a client who no longer exists is said before any dialog opens.
  const record = clientRecord(ctx.db, clientId);
  const file = await chosenSavePath(choose, `.${format}`);
  if (!file) return null;
  if (format === 'pdf') {
    const { pdf, pages } = await clientRecordPdf(record);
    writeWhole(file, pdf);
    return { file, format, treatments: record.treatments.length, pages };
  }
  writeWhole(file, Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8'));
  return { file, format, treatments: record.treatments.length, pages: null };
}

/** Writes `bytes` under a partial name, flushes, then renames: never a half file under the chosen name. */
export function writeWhole(file: string, bytes: Buffer | Uint8Array): void {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.partial`);
  try {
    fs.writeFileSync(partial, bytes, { mode: 0o600, flush: true });
    fs.renameSync(partial, file);
    fsyncFolder(path.dirname(file));
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
