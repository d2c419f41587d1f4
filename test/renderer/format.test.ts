import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatLongDate, formatShortDate } from '../../renderer/src/format';

// Every date a person reads is day first, dd/MM/yyyy, whatever the laptop's locale; the long forms
// only add the weekday.

describe('dates as people read them', () => {
  it('are dd/MM/yyyy, with the weekday where the screen names it', () => {
    expect(formatDate('2026-03-04')).toBe('04/03/2026');
    expect(formatLongDate('2026-03-02')).toBe('Monday 02/03/2026');
    expect(formatShortDate('2026-03-02')).toBe('Mon 02/03');
    expect(formatDateTime('2026-03-04T13:30')).toBe('Wed 04/03/2026, 13:30');
  });
});
