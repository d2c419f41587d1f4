import { extractText } from 'unpdf';
import { APP_URL, launchChromium, openRendererContext } from '../support/browser-host';
import type { TestClinic } from '../support/clinic';
import { expect } from './fixtures';

/**
 * The day sheet of `date` as the print dialog's "Save as PDF" makes it (print CSS, A4), from
 * headless Chromium on the same clinic, whichever runtime the spec runs in (Electron's own
 * printToPDF is main's to hook). Returns the PDF and its text.
 */
export async function daySheetPdf(clinic: TestClinic, date: string): Promise<{ pdf: Buffer; text: string }> {
  const browser = await launchChromium();
  try {
    const context = await openRendererContext(browser, (name, input) => clinic.dispatch(name, input), { locale: 'en-US', timezoneId: 'America/Los_Angeles' });
    const page = await context.newPage();
    await page.goto(`${APP_URL}#/daysheet/${date}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Day sheet/ })).toBeVisible();
    await expect(page.locator('.daysheet-therapist').first()).toBeVisible();
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    return { pdf, text };
  } finally {
    await browser.close();
  }
}
