// How the selection marks rows: the selected event, its cluster, or the cluster picked in the graph.
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../store/highlight.ts';
import { emphasisOf } from './rowEmphasis.ts';

const cluster: Highlight = { ids: new Set(['U1', '$device:D1']), recordIndexes: new Set([0, 1, 3]) };

describe('emphasisOf', () => {
  it('marks nothing without a selection', () => {
    expect(emphasisOf(0, null, cluster)).toBeUndefined();
  });

  it('marks the selected event, and lightly the rest of its cluster', () => {
    const selection = { kind: 'event', recordIndex: 1 } as const;
    expect([0, 1, 2, 3].map((index) => emphasisOf(index, selection, cluster))).toEqual([
      'related',
      'selected',
      undefined,
      'related',
    ]);
  });

  it('marks the events of a cluster picked in the graph', () => {
    const selection = { kind: 'id', id: '$device:D1' } as const;
    expect([0, 2].map((index) => emphasisOf(index, selection, cluster))).toEqual(['cluster', undefined]);
  });
});
