import fs from 'node:fs/promises';
import path from 'node:path';
import { _electron, chromium, test as base, expect, type Browser, type Page } from '@playwright/test';
import { CALL_NAMES } from '../../shared/api/calls';
import { resolveAssetPath, contentTypeFor } from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/origin';
import { makeDataDir, openTestClinic, type TestClinic } from '../support/clinic';
import { electronBinary } from './electron-binary';

/** The clinic's "today" in every e2e run: a Monday in a marathon spring. */
export const TODAY = '2026-03-02';
const RENDERER = path.resolve('out/renderer');
const ORIGIN_HOST = 'fettle.test';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=en-GB'];

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
      sharedBrowser ??= await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
      const context = await sharedBrowser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
      // Stand-in for the preload: the same closed API, each call reaching the real dispatcher.
      await context.exposeBinding('__fettleInvoke', (_source, name: string, input: unknown) => clinic.dispatch(name, input));
      await context.addInitScript((names: readonly string[]) => {
        const invoke = (window as unknown as { __fettleInvoke: (n: string, i: unknown) => Promise<unknown> }).__fettleInvoke;
        const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
        for (const name of names) {
          const [domain, verb] = name.split(':') as [string, string];
          (api[domain] ??= {})[verb] = (input: unknown) => invoke(name, input);
        }
        Object.defineProperty(window, 'fettle', { value: Object.freeze(api), writable: false });
      }, CALL_NAMES);
      // The built renderer, served from a routed origin: no port, no server, the product's CSP.
      await context.route(`http://${ORIGIN_HOST}/**`, async (route) => {
        const file = resolveAssetPath(RENDERER, route.request().url(), ORIGIN_HOST);
        if (!file) return route.fulfill({ status: 404, body: 'Not found' });
        try {
          const body = await fs.readFile(file);
          return route.fulfill({ status: 200, body, headers: { 'content-type': contentTypeFor(file), 'content-security-policy': CONTENT_SECURITY_POLICY } });
        } catch {
          return route.fulfill({ status: 404, body: 'Not found' });
        }
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`http://${ORIGIN_HOST}/index.html`);
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
