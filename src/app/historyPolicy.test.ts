import { describe, expect, it } from 'vitest';
import { historyMethodFor } from './historyPolicy.ts';

const base = { scenarioId: 'new-user-signup', mode: 'simplified', cursor: 2, playing: false } as const;

describe('historyMethodFor', () => {
  it('pushes a step the user takes', () => {
    expect(historyMethodFor({ ...base, cursor: 3 }, base)).toBe('push');
  });
  it('replaces a step taken while playing', () => {
    expect(historyMethodFor({ ...base, cursor: 3, playing: true }, { ...base, playing: true })).toBe(
      'replace',
    );
  });
  it('pushes a mode or scenario change, even while playing', () => {
    expect(historyMethodFor({ ...base, mode: 'original', playing: true }, base)).toBe('push');
    expect(historyMethodFor({ ...base, scenarioId: 'returning-user' }, base)).toBe('push');
  });
  it('writes nothing when the location did not change', () => {
    expect(historyMethodFor({ ...base, playing: true }, base)).toBe('none');
  });
});
