// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Due } from '../../shared/guidance';
import { DueLine, dueUrgency } from '../../renderer/src/components/DueLine';

// The due line must never say "due by" a date already past in calm colours.
const peak: Due = { kind: 'peak-session', by: '2026-02-28', overdueFrom: '2026-03-08', message: 'Next session due by 28/02/2026.' };

// jsdom has no matchMedia; Mantine asks it for the colour scheme.
const noop = () => undefined;
Object.defineProperty(window, 'matchMedia', {
  configurable: true,
  value: (query: string) =>
    ({ matches: false, media: query, onchange: null, addEventListener: noop, removeEventListener: noop, addListener: noop, removeListener: noop, dispatchEvent: () => false }) as MediaQueryList,
});

afterEach(cleanup);
const show = (due: Due, today: string) => render(<MantineProvider env="test"><DueLine due={due} today={today} /></MantineProvider>);

describe('the due line', () => {
  it('says "due now" with the overdue date once the due date has passed', () => {
    show(peak, '2026-03-02');
    const line = screen.getByTestId('guidance-due');
    expect(line.textContent).toBe('The next peak session is due now; overdue from 08/03/2026.');
    expect(line.dataset.urgency).toBe('due-now');
  });

  it('says overdue from the overdue date on', () => {
    expect(dueUrgency(peak, '2026-03-08')).toBe('overdue');
    show(peak, '2026-03-20');
    expect(screen.getByTestId('guidance-due').textContent).toBe('The next peak session is overdue (since 08/03/2026).');
  });

  it('keeps the engine sentence while the booking is ahead', () => {
    show(peak, '2026-02-20');
    expect(screen.getByTestId('guidance-due').textContent).toBe('Next session due by 28/02/2026. Overdue from 08/03/2026.');
    expect(dueUrgency(peak, '2026-02-20')).toBe('upcoming');
  });
});
