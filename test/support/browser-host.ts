import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { CALL_NAMES } from '../../shared/api/calls';
import { resolveAssetPath, contentTypeFor } from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/origin';

// The built renderer hosted in plain Chromium, as the e2e specs and the client benchmark drive it:
// the preload's closed API stood in for by a binding to the real dispatcher, and the renderer
// served from a routed origin with the product's CSP (no port, no server).

export const RENDERER_DIR = path.resolve('out/renderer');
export const ORIGIN_HOST = 'fettle.test';
export const APP_URL = `http://${ORIGIN_HOST}/index.html`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--lang=en-GB',
];

/** Debian's Chromium (or CHROMIUM_PATH), with the arguments every browser run uses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** What answers the renderer's calls: name and raw input in, a Result value out (the dispatcher). */
export type RendererDispatch = (name: string, input: unknown) => Promise<unknown>;

export interface RendererContextOptions extends BrowserContextOptions {
  /** The built renderer to serve; out/renderer unless told. */
  rendererDir?: string;
}

/**
 * A browser context ready to load APP_URL: window.fettle exposes every call in CALL_NAMES,
 * each reaching `dispatch`, and http://fettle.test/** serves the built renderer.
 */
export async function openRendererContext(browser: Browser, dispatch: RendererDispatch, options: RendererContextOptions = {}): Promise<BrowserContext> {
  const { rendererDir = RENDERER_DIR, ...contextOptions } = options;
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', ...contextOptions });
  // Stand-in for the preload: the same closed API, each call reaching the real dispatcher.
  await context.exposeBinding('__fettleInvoke', (_source, name: string, input: unknown) => dispatch(name, input));
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
    const file = resolveAssetPath(rendererDir, route.request().url(), ORIGIN_HOST);
    if (!file) return route.fulfill({ status: 404, body: 'Not found' });
    try {
      const body = await fs.readFile(file);
      return route.fulfill({ status: 200, body, headers: { 'content-type': contentTypeFor(file), 'content-security-policy': CONTENT_SECURITY_POLICY } });
    } catch {
      return route.fulfill({ status: 404, body: 'Not found' });
    }
  });
  return context;
}
