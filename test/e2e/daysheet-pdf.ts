import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from './fixtures';

/**
 * The day sheet of `date` saved through the app's own "Save as PDF…": main prints the page the
 * window shows (its print styles, A4) into the file the dialog answers. In the browser runtime
 * Chromium's printToPDF stands in for Electron's, as the fixtures' file dialog stands in for the
 * system's. Returns the PDF, its text and its first page's size in points.
 */
export async function savedDaySheetPdf(
  app: Page,
  chosenPaths: Map<string, string>,
  date: string,
): Promise<{ pdf: Buffer; text: string; pageSize: [number, number] }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fettle-daysheet-')), 'day-sheet.pdf');
  chosenPaths.set('daysheet-save', file);
  await app.goto(app.url().replace(/#.*$/, '') + `#/daysheet/${date}`);
  await expect(app.getByRole('heading', { level: 1, name: /^Day sheet/ })).toBeVisible();
  await expect(app.locator('.daysheet-therapist').first()).toBeVisible();
  await app.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(app.getByRole('status').filter({ hasText: `Saved to ${file}` })).toBeVisible();
  const pdf = fs.readFileSync(file);
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const [, , width, height] = (await document.getPage(1)).view as [number, number, number, number];
  const { text } = await extractText(document, { mergePages: true });
  return { pdf, text, pageSize: [Math.round(width), Math.round(height)] };
}
