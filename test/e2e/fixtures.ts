import path from 'node:path';
import { _electron, test as base, expect, type Browser, type Locator, type Page } from '@playwright/test';
import { APP_URL, launchChromium, openRendererContext } from '../support/browser-host';
import { makeDataDir, openTestClinic, type TestClinic } from '../support/clinic';
import { electronBinary } from './electron-binary';

/** The clinic's "today" in every e2e run: a Monday in a marathon spring. */
export const TODAY = '2026-03-02';

interface Fixtures {
  runtime: 'chromium' | 'electron';
  /** The clinic opens signed in (a person holding every role); false: no one on file, the first run. */
  signedIn: boolean;
  /** Every answer main gave the page (browser runtime), for "nothing the page received" checks. */
  responses: { name: string; result: unknown }[];
  /** Calls named here fail as main's dispatcher fails on an unexpected error (browser runtime). */
  failingCalls: Set<string>;
  /** What the system's file dialog answers, by purpose (browser runtime); unset means cancelled. */
  chosenPaths: Map<string, string>;
  /** The page main would print to PDF (browser runtime): Chromium's own printToPDF stands in for Electron's. */
  window: { page: Page | null };
  dataDir: string;
  /** Direct access to the same clinic the UI talks to (browser runtime), for arranging data. */
  clinic: TestClinic;
  app: Page;
  /** Reloads the app (the UI state is rebuilt from the database). */
  reload: () => Promise<void>;
}

let sharedBrowser: Browser | undefined;

/** What the dispatcher answers when a service throws unexpectedly (electron/api/dispatcher.ts). */
export const INTERNAL_FAILURE = {
  ok: false,
  code: 'internal',
  message: 'Something went wrong and nothing was saved. Try again; if it keeps happening, restart Fettle.',
} as const;

export const test = base.extend<Fixtures>({
  runtime: ['chromium', { option: true }],
  signedIn: [true, { option: true }],
  responses: async ({}, use) => {
    await use([]);
  },
  failingCalls: async ({}, use) => {
    await use(new Set());
  },
  chosenPaths: async ({}, use) => {
    await use(new Map());
  },
  window: async ({}, use) => {
    await use({ page: null });
  },
  dataDir: async ({}, use) => {
    await use(makeDataDir('fettle-e2e-'));
  },
  clinic: async ({ dataDir, chosenPaths, signedIn, window }, use) => {
    const clinic = openTestClinic({
      dataDir,
      today: TODAY,
      signedIn,
      choosePath: (purpose) => Promise.resolve(chosenPaths.get(purpose) ?? null),
      printWindowToPdf: () => (window.page ? window.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }) : Promise.reject(new Error('No page to print.'))),
    });
    await use(clinic);
    clinic.close();
  },
  app: async ({ runtime, clinic, dataDir, failingCalls, responses, window }, use, testInfo) => {
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
      // A US locale and a far time zone: every date must still read dd/MM/yyyy with Monday weeks.
      const context = await openRendererContext(
        sharedBrowser,
        async (name, input) => {
          const result = failingCalls.has(name) ? INTERNAL_FAILURE : await clinic.dispatch(name, input);
          responses.push({ name, result });
          return result;
        },
        { locale: 'en-US', timezoneId: 'America/Los_Angeles' },
      );
      const page = await context.newPage();
      window.page = page;
      page.on('pageerror', (e) => errors.push(e.message));
      // A failure injected on purpose is the test's subject, not a stray error.
      page.on('console', (m) => m.type() === 'error' && failingCalls.size === 0 && errors.push(m.text()));
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

/**
 * Signs the app in as someone else, as if they had signed in at the laptop (a therapist for
 * writing notes, reception...), and reloads so every screen is theirs.
 */
export async function signInAs(app: Page, clinic: TestClinic, who: Parameters<TestClinic['actAs']>[0]): Promise<void> {
  clinic.actAs(who);
  await app.reload();
  await app.waitForLoadState('domcontentloaded');
}

/** Types a date into a date field as a person would (dd/MM/yyyy) and moves on with Tab. */
export async function typeDate(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Tab');
}

/** Saves a screenshot as a test artifact under artifacts/screenshots. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.resolve("artifacts", "screenshots", `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export { expect };
