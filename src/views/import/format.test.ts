import { describe, expect, it } from 'vitest';
import { eventNumber } from '../../diagnostics/text.ts';
import { eventIndexOf } from './format.ts';

describe('eventIndexOf (the "Go to event" box)', () => {
  it('reads the number the table shows back to the record index, in the ways people write it', () => {
    for (const typed of ['1598', '#1598', ' event #1,598 ', 'Event 1598'])
      expect(eventIndexOf(typed, 2000)).toBe(1597);
    // The round trip: every number the table prints leads back to its row.
    for (const index of [0, 7, 1999]) expect(eventIndexOf(eventNumber(index), 2000)).toBe(index);
  });

  it('says why a number names no event', () => {
    expect(eventIndexOf('0', 10)).toBe('Events are numbered 1 to 10.');
    expect(eventIndexOf('11', 10)).toBe('Events are numbered 1 to 10.');
    expect(eventIndexOf('line 5', 10)).toBe('Type an event number, as the # column shows it.');
    expect(eventIndexOf('', 10)).toBe('Type an event number, as the # column shows it.');
    expect(eventIndexOf('1', 0)).toBe('There are no events.');
  });
});
