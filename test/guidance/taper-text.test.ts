import { describe, expect, it } from 'vitest';
import { guidanceFor } from '../../shared/guidance';

// Past the 10-day cut-off the banner says "light maintenance only" once, in the headline; the
// reason, booking advice and warning each add something of their own instead of repeating it.
describe('taper past the cut-off', () => {
  const g = guidanceFor({
    date: '2026-03-02',
    races: [{ id: 'r1', date: '2026-03-10', distance: 'half', priority: 'A' }],
    treatments: [{ date: '2026-02-23', therapistId: 't1', intensity: 'deep' }],
    therapistId: 't1',
  });

  it('says the limit once, in the headline', () => {
    expect(g.ceiling).toBe('light');
    const texts = [g.headline, ...g.reasons, ...g.warnings.map((w) => w.message)];
    expect(texts.filter((t) => /light maintenance only/i.test(t))).toEqual([g.headline]);
  });

  it('still warns that the date is past the cut-off', () => {
    expect(g.warnings.map((w) => w.code)).toContain('past-taper-cutoff');
    expect(g.reasons.some((r) => r.includes('regular sessions stop 10 days before a race'))).toBe(true);
  });
});
