// The timeline helper agrees with guidanceFor day by day; labels and colours.

import { describe, expect, it } from 'vitest';
import {
  INTENSITY_COLOUR,
  INTENSITY_LABEL,
  PHASE_COLOUR,
  PHASE_LABEL,
  blockSegments,
  distanceForKm,
  intensityRank,
  minIntensity,
} from '../../shared/guidance';
import { DISTANCES, INTENSITIES, PHASES, PRIORITIES } from '../../shared/vocabulary';
import { ask, race, shift, treated } from './helpers';

describe('blockSegments', () => {
  it('the 16-week marathon: base, peak, taper, past the cut-off, race week, eve, race day, post-race', () => {
    expect(blockSegments(race('m', '2026-04-26', 'marathon', 'A'), { familiarTherapist: true })).toEqual([
      { kind: 'base', phase: 'base', start: '2026-01-04', end: '2026-02-28', ceiling: 'deep' },
      { kind: 'peak', phase: 'peak', start: '2026-03-01', end: '2026-04-11', ceiling: 'deep' },
      { kind: 'taper', phase: 'taper', start: '2026-04-12', end: '2026-04-15', ceiling: 'moderate' },
      { kind: 'taper-cutoff', phase: 'taper', start: '2026-04-16', end: '2026-04-18', ceiling: 'light' },
      { kind: 'race-week', phase: 'race-week', start: '2026-04-19', end: '2026-04-24', ceiling: 'flush', needsFamiliarTherapist: true },
      { kind: 'race-eve', phase: 'race-week', start: '2026-04-25', end: '2026-04-25', ceiling: 'avoid' },
      { kind: 'race-day', phase: 'race-day', start: '2026-04-26', end: '2026-04-26', ceiling: 'flush' },
      { kind: 'post-race-flush', phase: 'post-race', start: '2026-04-27', end: '2026-04-29', ceiling: 'flush' },
      { kind: 'post-race-light', phase: 'post-race', start: '2026-04-30', end: '2026-05-03', ceiling: 'light' },
      { kind: 'post-race-moderate', phase: 'post-race', start: '2026-05-04', end: '2026-05-09', ceiling: 'moderate' },
    ]);
  });

  it('without a familiar therapist (the default) race week and mini-tapers are drawn as avoid', () => {
    const a = blockSegments(race('m', '2026-04-26', 'marathon', 'A'));
    expect(a.find((s) => s.kind === 'race-week')!.ceiling).toBe('avoid');
    const b = blockSegments(race('b', '2026-04-26', '10k', 'B'));
    expect(b.filter((s) => s.kind.startsWith('mini-taper')).map((s) => s.ceiling)).toEqual(['avoid', 'avoid']);
  });

  it('a C 10k: eve, race day and the halved windows', () => {
    expect(blockSegments(race('c', '2026-10-25', '10k', 'C')).map((s) => [s.kind, s.start, s.end, s.ceiling])).toEqual([
      ['race-eve', '2026-10-24', '2026-10-24', 'moderate'],
      ['race-day', '2026-10-25', '2026-10-25', 'flush'],
      ['post-race-flush', '2026-10-26', '2026-10-26', 'flush'],
      ['post-race-light', '2026-10-27', '2026-10-27', 'light'],
      ['post-race-moderate', '2026-10-28', '2026-10-28', 'moderate'],
    ]);
  });

  describe.each(PRIORITIES)('%s race', (priority) => {
    it.each(DISTANCES)('%s: every day of every segment matches guidanceFor; the spans are contiguous', (distance) => {
      const r = race('r', '2026-03-29', distance, priority);
      const segments = blockSegments(r, { familiarTherapist: true });
      const treatments = [treated('2025-10-01'), treated(segments[0]!.start)];
      for (let i = 0; i < segments.length; i++) {
        const s = segments[i]!;
        if (i > 0) expect(s.start).toBe(shift(segments[i - 1]!.end, 1));
        for (let day = s.start; day <= s.end; day = shift(day, 1)) {
          const g = ask({ date: day, races: [r], treatments });
          expect([day, g.phase, g.ceiling, g.window]).toEqual([day, s.phase, s.ceiling, s.kind]);
        }
      }
      expect(ask({ date: shift(segments[0]!.start, -1), races: [r] }).phase).toBe('off-season');
      expect(ask({ date: shift(segments.at(-1)!.end, 1), races: [r] }).phase).toBe('off-season');
    });
  });
});

describe('distanceForKm: < 7.5 5k, < 15 10k, < 30 half, < 45 marathon, <= 100 ultra, else ultra-long', () => {
  it.each([
    [0.1, '5k'],
    [7.499, '5k'],
    [7.5, '10k'],
    [14.99, '10k'],
    [15, 'half'],
    [29.9, 'half'],
    [30, 'marathon'],
    [42.195, 'marathon'],
    [44.99, 'marathon'],
    [45, 'ultra'],
    [100, 'ultra'],
    [100.01, 'ultra-long'],
    [250, 'ultra-long'],
  ] as const)('%d km → %s', (km, distance) => {
    expect(distanceForKm(km)).toBe(distance);
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('%d km is refused', (km) => {
    expect(() => distanceForKm(km)).toThrow(/positive number of km/);
  });
});

describe('labels and colours', () => {
  it('intensity labels are exactly the page’s', () => {
    expect(INTENSITIES.map((i) => INTENSITY_LABEL[i]).join(' · ')).toBe(
      'Avoid massage · Gentle flush only · Light / maintenance · Moderate · Deep tissue OK',
    );
  });

  it('intensity colours are a traffic light: deep green … avoid red', () => {
    expect(INTENSITIES.map((i) => INTENSITY_COLOUR[i].color)).toEqual(['red', 'orange', 'yellow', 'lime', 'green']);
  });

  it('every phase has a label and a colour', () => {
    for (const phase of PHASES) {
      expect(PHASE_LABEL[phase]).toMatch(/^[A-Z]/);
      expect(PHASE_COLOUR[phase].hex).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  it.each([...INTENSITIES.map((i) => [i, INTENSITY_COLOUR[i]] as const), ...PHASES.map((p) => [p, PHASE_COLOUR[p]] as const)])(
    '%s: text on fill has WCAG contrast >= 4.5',
    (_name, token) => {
      expect(contrast(token.hex, token.textHex)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('intensityRank and minIntensity follow avoid < flush < light < moderate < deep', () => {
    expect(INTENSITIES.map(intensityRank)).toEqual([0, 1, 2, 3, 4]);
    expect(minIntensity('deep', 'light', 'moderate')).toBe('light');
    expect(minIntensity('flush')).toBe('flush');
    expect(minIntensity('moderate', 'avoid')).toBe('avoid');
  });
});
