import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fixedClock } from '../../electron/services/context';
import { fillSampleClinic } from '../../scripts/sample/clinic';
import { savedDaySheetPdf } from './daysheet-pdf';
import { expect, test, TODAY } from './fixtures';

// The sample clinic's day sheet saved as PDF through the app, rendered to PNG (pdftoppm, from
// poppler-utils) in artifacts/screenshots to be looked at as it prints. The reception screens
// themselves (diary day and week, booking with a warning, Today, recall) are shot at both window
// sizes by screenshots.spec.ts.

test('the day sheet PDF of a full day, as an image', async ({ app, clinic, chosenPaths }) => {
  fillSampleClinic({ db: clinic.db, ...fixedClock(TODAY) });
  const { pdf, text } = await savedDaySheetPdf(app, chosenPaths, TODAY);
  expect(text).toContain('Day sheet, Monday 02/03/2026');
  const dir = path.resolve('artifacts', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'daysheet.pdf');
  fs.writeFileSync(file, pdf);
  for (const old of fs.readdirSync(dir).filter((f) => /^daysheet-\d+\.png$/.test(f))) fs.rmSync(path.join(dir, old));
  // Pages 1 and 2 at 100 dpi → daysheet-1.png, daysheet-2.png.
  execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '2', file, path.join(dir, 'daysheet')]);
  expect(fs.readdirSync(dir).filter((f) => /^daysheet-\d+\.png$/.test(f)).length).toBeGreaterThan(0);
});
