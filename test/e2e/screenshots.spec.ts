import type { Page } from '@playwright/test';
import { fillSampleClinic } from '../../scripts/sample/clinic';
import { fixedClock } from '../../electron/services/context';
import { ALL_ROLES } from '../support/clinic';
import { expect, screenshot, signInAs, test, TODAY } from './fixtures';

// Every screen of the sample clinic at the usual clinic laptop's 1366×768 and at 1920×1080, saved
// under artifacts/screenshots for people to look at, and checked for clipped text on the way.

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** Text cut off by its box, cells spilling into their neighbours, the page scrolling sideways, SVG labels outside their drawing. */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      // Text hidden on purpose for screen readers only is not clipped text.
      if (el.closest('svg, .visually-hidden') || el.getClientRects().length === 0) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!ownText && el.getAttribute('role') !== 'cell') continue;
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis' || el.getAttribute('role') === 'cell';
      if (clips && el.scrollWidth > el.clientWidth + 1) found.push(`${describe(el)} is ${el.scrollWidth - el.clientWidth}px too wide`);
      if (el.getAttribute('role') === 'cell' && el.scrollHeight > el.clientHeight + 1) found.push(`${describe(el)} is ${el.scrollHeight - el.clientHeight}px too tall`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`the page scrolls sideways by ${document.documentElement.scrollWidth - window.innerWidth}px`);
    for (const svg of document.querySelectorAll('svg[viewBox]')) {
      const [, , w, h] = svg.getAttribute('viewBox')!.split(/\s+/).map(Number);
      for (const text of svg.querySelectorAll('text')) {
        const box = text.getBBox();
        if (box.x < -0.5 || box.y < -0.5 || box.x + box.width > w! + 0.5 || box.y + box.height > h! + 0.5) found.push(`svg text "${text.textContent}" is outside its drawing`);
      }
    }
    return found;
  });
}

for (const size of SIZES) {
  test(`every screen at ${size.width}×${size.height}, with nothing clipped`, async ({ app, clinic }) => {
    test.setTimeout(90_000);
    await app.setViewportSize(size);
    const summary = fillSampleClinic({ db: clinic.db, ...fixedClock(TODAY) });
    expect(summary.clients).toBe(60);
    // Sam, who treats and administers, is at the laptop: every screen is open to them.
    const sam = clinic.db.prepare("SELECT id FROM therapists WHERE name = 'Sam Reid'").pluck().get() as number;
    await signInAs(app, clinic, { roles: ALL_ROLES, therapistId: sam, name: 'Sam Reid' });
    // Something in the audit trail: Sam opens a client's notes.
    await clinic.call('treatments:get', { id: clinic.db.prepare('SELECT min(id) FROM treatments').pluck().get() });
    const base = app.url().replace(/#.*$/, '');
    // A runner in their peak weeks with treatments on file, and one in the taper past the cut-off.
    const peak = (clinic.db.prepare(
      `SELECT c.id FROM clients c JOIN races r ON r.client_id = c.id AND r.priority = 'A' AND r.date BETWEEN date(?, '+30 days') AND date(?, '+45 days')
       WHERE EXISTS (SELECT 1 FROM treatments t WHERE t.client_id = c.id) ORDER BY c.id LIMIT 1`,
    ).get(TODAY, TODAY) as { id: number }).id;
    const taper = (clinic.db.prepare(
      `SELECT c.id FROM clients c JOIN races r ON r.client_id = c.id AND r.priority = 'A' AND r.distance IN ('half', 'marathon', 'ultra') AND r.date BETWEEN date(?, '+8 days') AND date(?, '+14 days') ORDER BY r.date DESC, c.id LIMIT 1`,
    ).get(TODAY, TODAY) as { id: number }).id;

    const screens: [string, string, () => Promise<unknown>][] = [
      ['today', '#/', () => expect(app.getByRole('heading', { level: 1 })).toContainText('Today')],
      ['client-list', '#/clients', () => expect(app.getByTestId('client-count')).toHaveText('60 clients')],
      ['client-page', `#/clients/${peak}`, () => expect(app.getByTestId('block-timeline')).toBeVisible()],
      ['client-page-taper', `#/clients/${taper}`, () => expect(app.getByTestId('block-timeline')).toBeVisible()],
      ['client-form', `#/clients/${peak}/edit`, () => expect(app.getByLabel('First name')).not.toHaveValue('')],
      ['treatment-form', `#/clients/${peak}/treatments/new`, () => expect(app.getByRole('region', { name: /Guidance for/ })).toBeVisible()],
      ['races', '#/races', () => expect(app.getByRole('article').first()).toBeVisible()],
      ['diary', '#/diary', () => expect(app.getByRole('heading', { name: 'Diary', level: 1 })).toBeVisible()],
      ['settings', '#/settings', () => expect(app.getByRole('table', { name: 'People who sign in' }).getByRole('row', { name: /Sam Reid/ })).toBeVisible()],
      ['audit', '#/audit', () => expect(app.getByRole('table', { name: 'Audit trail' }).getByRole('row').nth(1)).toBeVisible()],
    ];
    const problems: string[] = [];
    for (const [name, hash, ready] of screens) {
      await app.goto(base + hash);
      await ready();
      await screenshot(app, `${name}-${size.width}`);
      problems.push(...(await clippedText(app)).map((p) => `${name}: ${p}`));
    }

    await app.goto(`${base}#/clients/${peak}`);
    await app.getByRole('button', { name: /^Edit / }).first().click();
    await expect(app.getByRole('dialog')).toBeVisible();
    await screenshot(app, `race-dialog-${size.width}`);
    problems.push(...(await clippedText(app)).map((p) => `race dialog: ${p}`));
    expect(problems).toEqual([]);
  });
}
