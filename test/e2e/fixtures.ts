import path from 'node:path';
import { _electron, test as base, expect, type Browser, type Page } from '@playwright/test';
import { APP_URL, launchChromium, openRendererContext } from '../support/browser-host';
import { makeDataDir, openTestClinic, type TestClinic } from '../support/clinic';
import { electronBinary } from './electron-binary';

/** The clinic's "today" in every e2e run: a Monday in a marathon spring. */
export const TODAY = '2026-03-02';

interface Fixtures {
  runtime: 'chromium' | 'electron';
  dataDir: string;
  /** Direct access to the same clinic the UI talks to (browser runtime), for arranging data. */
  clinic: TestClinic;
  app: Page;
  /** Reloads the app (the UI state is rebuilt from the database). */
  reload: () => Promise<void>;
}

let sharedBrowser: Browser | undefined;

export const test = base.extend<Fixtures>({
  runtime: ['chromium', { option: true }],
  dataDir: async ({}, use) => {
    await use(makeDataDir('fettle-e2e-'));
  },
  clinic: async ({ dataDir }, use) => {
    const clinic = openTestClinic({ dataDir, today: TODAY });
    await use(clinic);
    clinic.close();
  },
  app: async ({ runtime, clinic, dataDir }, use, testInfo) => {
    const errors: string[] = [];
    if (runtime === 'electron') {
      const app = await _electron.launch({
        executablePath: electronBinary()!,
        args: [path.resolve('out/main/index.js')],
        env: { ...process.env, FETTLE_DATA_DIR: dataDir, FETTLE_TEST_TODAY: TODAY },
      });
      const page = await app.firstWindow();
      page.on('pageerror', (e) => errors.push(e.message));
      await use(page);
      await app.close();
    } else {
      sharedBrowser ??= await launchChromium();
      const context = await openRendererContext(sharedBrowser, (name, input) => clinic.dispatch(name, input));
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(APP_URL);
      await use(page);
      await context.close();
    }
    if (errors.length > 0 && testInfo.status === 'passed') {
      throw new Error(`The page reported errors:\n${errors.join('\n')}`);
    }
  },
  reload: async ({ app }, use) => {
    await use(async () => {
      await app.reload();
      await app.waitForLoadState('domcontentloaded');
    });
  },
});

/** Saves a screenshot as a test artifact under artifacts/screenshots. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.resolve('artifacts', 'screenshots', `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export { expect };
