// Properties that hunt for lost lines (issue #11). Runs are modest here (CI has two cores); `npm run fuzz` runs
// the same properties for longer with a printed seed.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { READER_PROPERTIES } from './test/fuzz.ts';

describe('reader properties (issue #11)', () => {
  it.each(Object.entries(READER_PROPERTIES))('%s', (_name, property) => {
    fc.assert(property(), { numRuns: 60 });
  });
});
