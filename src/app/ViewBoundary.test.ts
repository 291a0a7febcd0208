// The boundary's state rules: an error is kept until the user moves on, then the view gets another try.
import { describe, expect, it } from 'vitest';
import { ViewBoundary } from './ViewBoundary.tsx';

const props = (resetKey: string) => ({ name: 'The graph', resetKey, children: null });

describe('ViewBoundary', () => {
  it('turns a thrown value into an error to show', () => {
    expect(ViewBoundary.getDerivedStateFromError('boom').error?.message).toBe('boom');
  });

  it('keeps the error while the view stays where it failed, and clears it after a step or another scenario', () => {
    const healthy = ViewBoundary.getDerivedStateFromProps(props('a|1'), { error: null, failedAt: '' });
    expect(healthy).toEqual({ failedAt: 'a|1' });
    const failed = { error: new Error('x'), failedAt: 'a|1' };
    expect(ViewBoundary.getDerivedStateFromProps(props('a|1'), failed)).toBeNull();
    expect(ViewBoundary.getDerivedStateFromProps(props('a|2'), failed)).toEqual({
      error: null,
      failedAt: 'a|2',
    });
  });
});
