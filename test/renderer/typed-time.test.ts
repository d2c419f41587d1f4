import { describe, expect, it } from 'vitest';
import { typedTime } from '../../renderer/src/diary/time';

// A time typed into the diary's time boxes, taken on Enter before the list has opened.

describe('a typed time', () => {
  it.each([
    ['10:30', '10:30'], ['1030', '10:30'], ['10.30', '10:30'], ['930', '09:30'], ['9', '09:00'], ['09', '09:00'],
    [' 14:45 ', '14:45'], ['0', '00:00'], ['1', '01:00'], ['23:45', '23:45'],
  ])('%s is %s', (text, time) => expect(typedTime(text)).toBe(time));

  it.each(['', '10:20', '24:00', '10:60', '10:3', 'ten', '10:30am', '12345', '-1'])('%s is not a time on the quarter hour', (text) =>
    expect(typedTime(text)).toBeNull(),
  );
});
