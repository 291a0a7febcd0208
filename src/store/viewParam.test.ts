import { describe, expect, it } from 'vitest';
import { readSource, withSource } from './viewParam.ts';

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
});
