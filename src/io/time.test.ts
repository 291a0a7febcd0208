import { describe, expect, it } from 'vitest';
import { parseEventTime, parseIsoTime } from './time.ts';

describe('parseEventTime', () => {
  it.each([
    [1718000000, 1718000000],
    [1718000000123, 1718000000.123],
    ['1718000000', 1718000000],
    [' 1718000000 ', 1718000000],
    ['1718000000123', 1718000000.123],
    ['1718000000.5', 1718000000.5],
    ['2024-06-10T09:00:00Z', 1718010000],
    ['2024-06-10T09:00:00.250Z', 1718010000.25],
    ['2024-06-10T09:00:00', 1718010000],
    ['2024-06-10 09:00:00.000000', 1718010000],
    ['2024-06-10T11:00:00+02:00', 1718010000],
    ['2024-06-10T11:00:00+0200', 1718010000],
    ['2024-06-10T04:30:00-04:30', 1718010000],
    ['2024-06-10T11:00:00+02', 1718010000],
    ['2024-06-10T09:00Z', 1718010000],
    ['2024-06-10', 1717977600],
    ['2024-02-29T00:00:00Z', 1709164800],
    ['0099-01-01T00:00:00Z', -59042995200],
  ])('%j → %d', (input, expected) => {
    expect(parseEventTime(input)).toBeCloseTo(expected, 6);
  });

  it.each([
    'June 10 2024',
    '2024-13-01',
    '2024-02-30',
    '2023-02-29T00:00:00Z',
    '2024-06-10T24:00:00Z',
    '2024-06-10T09:60:00Z',
    '0x10',
    '1e9',
    '',
    'abc',
    null,
    true,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])('rejects %j', (input) => {
    expect(parseEventTime(input)).toBeUndefined();
  });

  it('reads ISO text without a zone as UTC, whatever the machine zone', () => {
    expect(parseIsoTime('2024-06-10T09:00:00')).toBe(parseIsoTime('2024-06-10T09:00:00Z'));
  });
});
