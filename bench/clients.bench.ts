// Client search and the client page at clinic scale: 10,000 clients, 30,000 races, 200,000
// treatments. Times the services (p50/p95) and, in Chromium, a keystroke in the search box
// to the frame that paints its results. Targets: search < 10 ms p95 at the service,
// < 100 ms keystroke to paint. Figures from a shared machine vary; compare runs on one machine.
// Run: npx tsx bench/clients.bench.ts

import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createDispatcher } from '../electron/api/dispatcher';
import { openDatabase, type Db } from '../electron/db/database';
import { fixedClock, type ServiceContext } from '../electron/services/context';
import { clientDetail, searchClients } from '../electron/services/clients';
import { APP_URL, RENDERER_DIR, launchChromium, openRendererContext } from '../test/support/browser-host';
import { CLIENTS, RACES, TODAY, TREATMENTS, seedBenchClinic } from './clinic-seed';
import { seededRandom } from '../scripts/sample/random';

const SEARCH_TARGET_MS = 10;
const DETAIL_TARGET_MS = 10; // not set by the issue; the client page should feel as instant as search
const PAINT_TARGET_MS = 100;

// ---------------------------------------------------------------------------------------------
// Statistics

interface Stats { n: number; p50: number; p95: number; max: number }

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

const ms = (n: number) => n.toFixed(2).padStart(8);

function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// ---------------------------------------------------------------------------------------------
// Service level

const QUERIES: Record<string, string[]> = {
  'empty (first page)': [''],
  'prefix, 1 letter': ['s', 'm', 'a', 'k', 'o'],
  'prefix, 2-3 letters': ['sm', 'mc', 'wil', 'oka', 'pat', 'ng'],
  'full surname': ['smith', 'okafor', 'williams', 'patel', 'robertson', 'nguyen'],
  'folded name': ['mcdonald', 'mac donald', 'obrien', "o'brien", 'nunez', 'muller', 'sorensen'],
  'first + last name': ['ada okafor', 'grace smith', 'zoe mcleod'],
  'phone digits': ['07700', '0781 23', '456789', '07912 345'],
  'email fragment': ['gmail', '@runclub', 'ada.okafor', 'outlook.com'],
  'no match': ['zzqx', 'xylophone', '0000000000'],
};

interface ServiceFigures { search: [string, Stats][]; detail: Stats }

function benchServices(ctx: ServiceContext, clientIds: number[]): ServiceFigures {
  const rnd = seededRandom(7);
  const search = (query: string) => searchClients(ctx, { query, includeArchived: false, offset: 0, limit: 100 });
  const all = Object.entries(QUERIES).flatMap(([kind, qs]) => qs.map((q) => ({ kind, q })));

  for (let i = 0; i < 5; i++) for (const { q } of all) search(q); // warm-up
  const byKind = new Map<string, number[]>(Object.keys(QUERIES).map((k) => [k, []]));
  const ROUNDS = 40;
  for (let round = 0; round < ROUNDS; round++) {
    const order = [...all].sort(() => rnd.next() - 0.5);
    for (const { kind, q } of order) byKind.get(kind)!.push(timeMs(() => search(q)));
  }
  const everything = [...byKind.values()].flat();

  for (let i = 0; i < 200; i++) clientDetail(ctx, rnd.pick(clientIds)); // warm-up
  const detail: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const id = rnd.pick(clientIds);
    detail.push(timeMs(() => clientDetail(ctx, id)));
  }
  return { search: [...[...byKind].map(([k, v]): [string, Stats] => [k, stats(v)]), ['all queries', stats(everything)]], detail: stats(detail) };
}

// ---------------------------------------------------------------------------------------------
// Chromium: keystroke to painted results

interface Expected { value: string; count: string; firstId: string | null }
interface Probe { keydownToDom: number; keydownToPaint: number }

interface BenchWindow {
  __bench: {
    /** Starts watching for `expected` after `keydowns` key presses; `result` then settles with the timings. */
    arm(expected: Expected, keydowns: number): void;
    result: Promise<Probe> | null;
  };
}

/** In the page: a capturing keydown listener and a MutationObserver that waits for the expected results. */
function installProbe(): void {
  const input = () => document.querySelector<HTMLInputElement>('input[placeholder="Name, phone or email"]')!;
  let lastKeydown = 0;
  let keydowns = 0;
  document.addEventListener('keydown', () => {
    lastKeydown = performance.now();
    keydowns++;
  }, true);
  const bench: BenchWindow['__bench'] = {
    result: null,
    arm(expected, wantKeydowns) {
      keydowns = 0;
      bench.result = new Promise((resolve, reject) => {
        const matches = () => {
          if (keydowns < wantKeydowns || input().value !== expected.value) return false;
          if (document.querySelector('[data-testid="client-count"]')?.textContent !== expected.count) return false;
          const first = document.querySelector('[data-client-id]');
          return expected.firstId === null ? first === null : first?.getAttribute('data-client-id') === expected.firstId;
        };
        const timeout = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`No results for "${expected.value}" (${expected.count}) within 10 s`));
        }, 10_000);
        const observer = new MutationObserver(() => {
          if (!matches()) return;
          observer.disconnect();
          clearTimeout(timeout);
          const dom = performance.now();
          // The first frame after the change: rAF runs before its style, layout and paint; a message
          // posted from there arrives once that frame has been produced.
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ keydownToDom: dom - lastKeydown, keydownToPaint: performance.now() - lastKeydown });
            channel.port2.postMessage(null);
          });
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-client-id'] });
      });
    },
  };
  (window as unknown as BenchWindow).__bench = bench;
}

/** Arms the probe, then runs `keys` (which must press `keydowns` keys), and returns the timings. */
async function measureKeys(page: Page, expected: Expected, keydowns: number, keys: () => Promise<void>): Promise<Probe> {
  await page.evaluate(([w, n]) => (window as unknown as BenchWindow).__bench.arm(w, n), [expected, keydowns] as const);
  await keys();
  return page.evaluate(() => (window as unknown as BenchWindow).__bench.result!);
}

interface Step { base: string; full: string }

function expectedFor(ctx: ServiceContext, query: string): Expected {
  const page = searchClients(ctx, { query, includeArchived: false, offset: 0, limit: 100 });
  return {
    value: query,
    count: `${page.total.toLocaleString('en-GB')} ${page.total === 1 ? 'client' : 'clients'}`,
    firstId: page.rows[0] ? String(page.rows[0].id) : null,
  };
}

/** Each step's last keystroke must change what the list shows, so a stale list can never pass. */
function browserSteps(ctx: ServiceContext): Step[] {
  const words = ['smith', 'okafor', 'mcdonald', 'williamson', 'patel', 'nguyen', 'robertson', 'gallagher', 'ada', 'grace', '07700 9', 'gmail', 'zzq', 'kowalski', 'sorensen', 'hussain'];
  const steps: Step[] = [];
  for (const word of words) {
    // Every prefix whose last key changes the count, longest first: from first page to a single hit.
    for (let k = word.length; k >= 1; k--) {
      const base = word.slice(0, k - 1);
      const full = word.slice(0, k);
      const a = expectedFor(ctx, base);
      const b = expectedFor(ctx, full);
      if (a.count !== b.count && !full.endsWith(' ')) {
        steps.push({ base, full });
        break;
      }
    }
  }
  // Add shorter prefixes too, for a spread of list sizes.
  for (const [base, full] of [['', 's'], ['', 'm'], ['m', 'mc'], ['s', 'sm'], ['w', 'wi'], ['', 'o'], ['o', 'ok'], ['p', 'pa'], ['', 'k'], ['g', 'ga']] as const) {
    if (expectedFor(ctx, base).count !== expectedFor(ctx, full).count) steps.push({ base, full });
  }
  return steps;
}

async function settle(page: Page, ctx: ServiceContext, query: string): Promise<void> {
  const search = page.getByLabel('Search');
  await search.fill(query);
  const want = expectedFor(ctx, query);
  await page.waitForFunction(
    (w: Expected) => {
      const first = document.querySelector('[data-client-id]');
      return (
        document.querySelector('[data-testid="client-count"]')?.textContent === w.count &&
        (w.firstId === null ? first === null : first?.getAttribute('data-client-id') === w.firstId)
      );
    },
    want,
  );
  await search.press('End');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30))));
}

interface BrowserFigures { keystroke: { paint: Stats; dom: Stats; dispatch: Stats }; typed: { paint: Stats; dom: Stats }; samples: number }

async function benchBrowser(ctx: ServiceContext, dataDir: string, db: Db): Promise<BrowserFigures> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    console.log('Building the renderer (out/renderer is missing)…');
    execSync('npx electron-vite build', { stdio: 'inherit' });
  }
  const dispatcher = createDispatcher(() => ({ db, ...fixedClock(TODAY), session: { role: 'admin' }, version: '0.0.0-bench', dataDir }));
  // How much of each keystroke is the search call itself, in this process.
  let recording = false;
  const searchCalls: number[] = [];
  const dispatch = (name: string, input: unknown) => {
    const start = performance.now();
    const result = dispatcher(name, input);
    if (recording && name === 'clients:search') searchCalls.push(performance.now() - start);
    return result;
  };
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await openRendererContext(browser, dispatch, { viewport: { width: 1366, height: 860 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${APP_URL}#/clients`);
    await page.getByTestId('client-count').filter({ hasText: /\d clients?$/ }).waitFor();
    await page.locator('[data-client-id]').first().waitFor();
    // tsx compiles this file with esbuild's keepNames, which wraps the probe's inner functions in
    // a __name helper that does not exist in the page; a no-op stands in for it.
    await page.evaluate('globalThis.__name ??= (f) => f');
    await page.evaluate(installProbe);

    const steps = browserSteps(ctx);
    const N = 40;
    const keyPaint: number[] = [];
    const keyDom: number[] = [];
    // One keystroke from a settled list: the list must change to the new query's results.
    for (let i = 0; i < N + 4; i++) {
      const { base, full } = steps[i % steps.length]!;
      await settle(page, ctx, base);
      recording = i >= 4;
      const probe = await measureKeys(page, expectedFor(ctx, full), 1, () => page.keyboard.press(full.at(-1)!));
      recording = false;
      if (i < 4) continue; // the first few warm up
      keyPaint.push(probe.keydownToPaint);
      keyDom.push(probe.keydownToDom);
    }
    // A word typed at ~10 keys a second from an empty box: last keystroke to its results painted.
    const typedPaint: number[] = [];
    const typedDom: number[] = [];
    const words = steps.filter((s) => s.full.length >= 3);
    for (let i = 0; i < 20; i++) {
      const { full } = words[i % words.length]!;
      await settle(page, ctx, '');
      const probe = await measureKeys(page, expectedFor(ctx, full), full.length, () => page.keyboard.type(full, { delay: 100 }));
      typedPaint.push(probe.keydownToPaint);
      typedDom.push(probe.keydownToDom);
    }
    if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
    await context.close();
    return {
      keystroke: { paint: stats(keyPaint), dom: stats(keyDom), dispatch: stats(searchCalls) },
      typed: { paint: stats(typedPaint), dom: stats(typedDom) },
      samples: keyPaint.length,
    };
  } finally {
    await browser?.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fettle-bench-'));
  const db = openDatabase(dataDir);
  try {
    console.log(`Client search and client page: ${CLIENTS.toLocaleString('en-GB')} clients, ${RACES.toLocaleString('en-GB')} races, ${TREATMENTS.toLocaleString('en-GB')} treatments, 3 therapists; today ${TODAY}`);
    const { clientIds, ms: seedMs, laps } = seedBenchClinic(db);
    const counted = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n.toLocaleString('en-GB');
    console.log(`  seeded in ${(seedMs / 1000).toFixed(1)} s (${counted('clients')} clients, ${counted('races')} races, ${counted('treatments')} treatments): ${laps}`);

    const ctx: ServiceContext = { db, ...fixedClock(TODAY) };
    const service = benchServices(ctx, clientIds);
    const browser = await benchBrowser(ctx, dataDir, db);

    const verdict = (value: number, target: number) => (value < target ? 'met' : 'NOT met');
    const line = (label: string, s: Stats, target?: number) =>
      `  ${label.padEnd(40)}${String(s.n).padStart(6)}${ms(s.p50)}${ms(s.p95)}${ms(s.max)}   ${target === undefined ? '' : `p95 < ${target} ms: ${verdict(s.p95, target)}`}`;
    const header = `  ${''.padEnd(40)}${'n'.padStart(6)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'max ms'.padStart(8)}   target`;

    console.log('\nService level: searchClients (first page of 100, archived hidden), after warm-up');
    console.log(header);
    for (const [kind, s] of service.search) console.log(line(kind, s, kind === 'all queries' ? SEARCH_TARGET_MS : undefined));
    console.log('\nService level: clientDetail (client, races, treatments, appointments, guidance), random clients');
    console.log(header);
    console.log(line('clientDetail', service.detail));

    console.log(`\nChromium (${browser.samples} keystrokes; renderer calls reach the dispatcher through a Playwright binding, not Electron IPC)`);
    console.log(header);
    console.log(line('one keystroke → results painted', browser.keystroke.paint, PAINT_TARGET_MS));
    console.log(line('  of which keystroke → DOM updated', browser.keystroke.dom));
    console.log(line('  clients:search calls meanwhile (Node)', browser.keystroke.dispatch));
    console.log(line('typed word, last key → results painted', browser.typed.paint, PAINT_TARGET_MS));
    console.log(line('  of which last key → DOM updated', browser.typed.dom));

    const all = service.search.at(-1)![1];
    console.log('\nSummary (targets from the issue; figures from a shared 2-core machine)');
    console.log(`  search at the service, p95        ${all.p95.toFixed(2).padStart(8)} ms   target < ${SEARCH_TARGET_MS} ms    ${verdict(all.p95, SEARCH_TARGET_MS)}`);
    console.log(`  client page at the service, p95   ${service.detail.p95.toFixed(2).padStart(8)} ms   (no target; ${DETAIL_TARGET_MS} ms for reference: ${verdict(service.detail.p95, DETAIL_TARGET_MS)})`);
    console.log(`  keystroke to paint, p95           ${browser.keystroke.paint.p95.toFixed(2).padStart(8)} ms   target < ${PAINT_TARGET_MS} ms   ${verdict(browser.keystroke.paint.p95, PAINT_TARGET_MS)}`);
  } finally {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
