import { describe, expect, it } from 'vitest';
import { MAX_QUOTED, quoteInput } from './quote.ts';

describe('quoteInput', () => {
  it('quotes short values whole, escaping quotes and control characters', () => {
    expect(quoteInput('nope')).toBe('"nope"');
    expect(quoteInput('a"b\n')).toBe('"a\\"b\\n"');
  });
  it('cuts long values and names their length', () => {
    expect(quoteInput('x'.repeat(100_000))).toBe(`"${'x'.repeat(MAX_QUOTED)}…" (100,000 characters)`);
  });
  it('never ends on half a surrogate pair', () => {
    const quoted = quoteInput(`${'x'.repeat(MAX_QUOTED - 1)}😀😀`);
    expect(quoted.startsWith(`"${'x'.repeat(MAX_QUOTED - 1)}…"`)).toBe(true);
  });
});
