import { describe, expect, it } from 'vitest';
import { readCompare, readSource, withSource } from './viewParam.ts';

describe('the view parameter', () => {
  it('opens the dataset workspace only on view=import', () => {
    expect(readSource('?scenario=a&view=import')).toBe('dataset');
    expect(readSource('?view=imports')).toBe('scenario');
    expect(readSource('')).toBe('scenario');
  });

  it('is written only while the dataset is on show, and reads back', () => {
    expect(withSource('?scenario=a&mode=simplified&step=0', 'scenario')).toBe(
      '?scenario=a&mode=simplified&step=0',
    );
    const written = withSource('?scenario=a&mode=simplified&step=0', 'dataset');
    expect(written).toBe('?scenario=a&mode=simplified&step=0&view=import');
    expect(readSource(written)).toBe('dataset');
  });

  it('writes view=compare while the Compare view is open, over either source, and reads it back', () => {
    const written = withSource('?scenario=a&mode=simplified&step=2', 'scenario', true);
    expect(written).toBe('?scenario=a&mode=simplified&step=2&view=compare');
    expect(readCompare(written)).toBe(true);
    expect(readSource(written)).toBe('scenario');
    expect(withSource('?scenario=a', 'dataset', true)).toBe('?scenario=a&view=compare');
    expect(readCompare('?view=import')).toBe(false);
  });
});
