// The system's file dialogs for the paths the backup, restore and export screens ask for, and
// the backup schedule (start-up, daily, quit) main starts: its decisions live, free of
// Electron and tested, in electron/services/backup-schedule.ts.
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { PathPurpose } from '../../shared/api/storage';

export { keepBackedUp, type BackupSchedule } from '../services/backup-schedule';

const DIALOGS: Partial<Record<PathPurpose, OpenDialogOptions>> = {
  'backup-folder': { title: 'Choose the backup folder', buttonLabel: 'Use this folder', properties: ['openDirectory', 'createDirectory'] },
  'import-open': {
    title: 'Choose the clients to import',
    buttonLabel: 'Choose',
    properties: ['openFile'],
    filters: [{ name: 'Spreadsheets', extensions: ['csv', 'xlsx', 'txt', 'tsv'] }, { name: 'All files', extensions: ['*'] }],
  },
  'data-folder': { title: 'Open another data folder', buttonLabel: 'Open this folder', properties: ['openDirectory', 'createDirectory'] },
  'backup-file': {
    title: 'Choose a backup to restore',
    buttonLabel: 'Choose',
    properties: ['openFile'],
    filters: [{ name: 'Fettle backups', extensions: ['sqlite'] }, { name: 'All files', extensions: ['*'] }],
  },
};

/** Where to save what Fettle writes out (a file the person names). */
const SAVE_DIALOGS: Partial<Record<PathPurpose, SaveDialogOptions>> = {
  'export-save': { title: 'Export everything', buttonLabel: 'Export', defaultPath: 'fettle-export.zip', filters: [{ name: 'Zip archive', extensions: ['zip'] }] },
  'record-json-save': { title: 'Save the client record (JSON)', buttonLabel: 'Save', defaultPath: 'client-record.json', filters: [{ name: 'JSON', extensions: ['json'] }] },
  'record-pdf-save': { title: 'Save the client record (PDF)', buttonLabel: 'Save', defaultPath: 'client-record.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] },
  'daysheet-save': { title: 'Save the day sheet as PDF', buttonLabel: 'Save', defaultPath: 'day-sheet.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] },
  'audit-save': { title: 'Save the audit trail', buttonLabel: 'Save', defaultPath: 'fettle-audit.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] },
};

/** The system's open (or save) dialog, attached to the window; null when the person cancels. */
export async function choosePath(window: BrowserWindow | null, purpose: PathPurpose): Promise<string | null> {
  const save = SAVE_DIALOGS[purpose];
  if (save) {
    const result = window ? await dialog.showSaveDialog(window, save) : await dialog.showSaveDialog(save);
    return result.canceled ? null : (result.filePath ?? null);
  }
  const options = DIALOGS[purpose];
  if (!options) return null;
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
