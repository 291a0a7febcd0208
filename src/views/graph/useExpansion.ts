// Which collapsed clusters the reader asked to see more of; forgotten when the resolution (scenario, mode) changes.
import { useCallback, useState } from 'react';

const NONE: ReadonlyMap<string, number> = new Map();

/** Expansion counts by region key, valid for `owner` only, and a function that expands one region a step more. */
export function useExpansion(owner: object): readonly [ReadonlyMap<string, number>, (key: string) => void] {
  const [state, setState] = useState({ owner, counts: NONE });
  const counts = state.owner === owner ? state.counts : NONE;
  const expand = useCallback(
    (key: string) =>
      setState((previous) => {
        const base = previous.owner === owner ? previous.counts : NONE;
        return { owner, counts: new Map(base).set(key, (base.get(key) ?? 0) + 1) };
      }),
    [owner],
  );
  return [counts, expand];
}
