// Splits and merges: identities one mode counts as one user and another as several, with the events and the rules
// that make the difference; each opens its graphs side by side, one per mode.
import { useState } from 'react';
import type { CompareOverview, Split } from '../../compare/index.ts';
import type { CompareSource } from '../../store/useCompareSource.ts';
import { RuleBadge } from '../shared/RuleBadge.tsx';
import { MiniGraphs } from './MiniGraphs.tsx';
import { modeLabel } from './modes.ts';

export function SplitsPanel({ source, overview }: { source: CompareSource; overview: CompareOverview }) {
  const { splits } = overview.report.differences;
  const [open, setOpen] = useState<number | null>(null);
  if (splits.length === 0)
    return <p data-testid="compare.noSplits">Every identity is the same user in each mode compared.</p>;
  return (
    <section aria-label="Splits and merges">
      <p>
        {overview.splitCount.toLocaleString('en-US')} identities are one user in one mode and several in
        another
        {overview.splitCount > splits.length ? ` (the ${splits.length} with most events are listed)` : ''}.
        Read one way it is a split, the other way a merge.
      </p>
      <ol className="compare-splits">
        {splits.map((split, at) => (
          <li key={`${split.joinedIn}|${split.splitIn}|${split.user}`} data-testid="compare.split">
            <SplitLine split={split} />
            <button
              type="button"
              aria-expanded={open === at}
              onClick={() => setOpen(open === at ? null : at)}
            >
              {open === at ? 'Hide graphs' : 'Show graphs side by side'}
            </button>
            {open === at ? <MiniGraphs source={source} ids={[split.user, ...split.into]} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function SplitLine({ split }: { split: Split }) {
  return (
    <p>
      <strong>{split.user}</strong> is one user on {modeLabel(split.joinedIn)} and {split.into.length} on{' '}
      {modeLabel(split.splitIn)} ({split.into.join(', ')}): {split.events} events
      {split.sample.length > 0 ? `, e.g. #${split.sample.map((index) => index + 1).join(', #')}` : ''}.{' '}
      <span className="compare-rules">
        Why:{' '}
        {split.rules.map((rule) => (
          <RuleBadge key={rule} rule={rule} />
        ))}
      </span>
    </p>
  );
}
