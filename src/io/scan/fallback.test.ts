// The native patterns are only a fast path: without them (as after a backtracking overflow) the answers are the same.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scanEvent } from './index.ts';
import { generateEventLines } from './sampleEvents.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('when a pattern overflows', () => {
  it('falls back to the exact code for the rest of the line, with the same results', () => {
    const lines = [
      ...generateEventLines(200, 7),
      '{"event":"e","properties":{"a":[1,2,{"b":"c\\n"}],"time":1,"distinct_id":"x","a":1,}}',
      '{"event":"e","properties":{"a":[1,2,{"b":"c"}],"time":01}}',
      '{"properties":{"\\u0074ime":"t","k":{"l":[[[[[[[["deep"]]]]]]]]}}}',
    ];
    const expected = lines.map((line) => scanEvent(line));
    const test = vi.spyOn(RegExp.prototype, 'test').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    lines.forEach((line, index) => {
      test.mockClear();
      expect(scanEvent(line), line).toEqual(expected[index]);
      // One failed try per line at most, not one per member.
      expect(test.mock.calls.length).toBeLessThanOrEqual(1);
    });
  });

  it('lets other errors through', () => {
    vi.spyOn(RegExp.prototype, 'test').mockImplementation(() => {
      throw new TypeError('unexpected');
    });
    expect(() => scanEvent('{"event":"e","properties":{"a":1}}')).toThrow(TypeError);
  });
});
