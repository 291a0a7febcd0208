// The Compare view (issue #13): the same stream under every identity system, side by side — the summary each
// counts, the events they resolve differently, the identities one splits and another merges, what it does to a
// funnel and to daily users, the undocumented assumptions, and the walk from Original to Simplified.
import { useState } from 'react';
import { useCompareSource, type CompareSource } from '../../store/useCompareSource.ts';
import { Tabs } from '../shared/Tabs.tsx';
import { AnalyticsPanel } from './AnalyticsPanel.tsx';
import { AssumptionsPanel } from './AssumptionsPanel.tsx';
import { CompareEvents } from './CompareEvents.tsx';
import { MigrationPanel } from './MigrationPanel.tsx';
import { MODE_LABEL } from './modes.ts';
import { SplitsPanel } from './SplitsPanel.tsx';
import { SummaryTable } from './SummaryTable.tsx';
import { useAnswer } from './useAnswer.ts';
import './compare.css';

type TabKey = 'events' | 'splits' | 'analytics' | 'assumptions' | 'migration';

const ALL_MODES = ['simplified', 'original', 'legacy'] as const;

export default function CompareView() {
  const source = useCompareSource();
  if (source === null)
    return (
      <main className="compare" aria-label="Compare modes">
        <p>Load a file first: the Compare view compares what is on show.</p>
      </main>
    );
  return <CompareFor source={source} />;
}

function CompareFor({ source }: { source: CompareSource }) {
  const [modes, setModes] = useState<readonly string[]>(ALL_MODES);
  const [tab, setTab] = useState<TabKey>('events');
  const key = `${source.key}|${modes.join(',')}`;
  const overview = useAnswer(() => source.overview(undefined, modes), key);
  const toggle = (mode: string) =>
    setModes((current) => {
      const next = current.includes(mode) ? current.filter((m) => m !== mode) : [...current, mode];
      return next.length < 2 ? current : ALL_MODES.filter((m) => next.includes(m));
    });
  return (
    <main className="compare" aria-label="Compare modes" data-testid="compare">
      <header className="compare-head">
        <h2>
          Compare modes: <span data-testid="compare.title">{source.title}</span>
        </h2>
        <fieldset className="compare-modes">
          <legend>Modes compared</legend>
          {ALL_MODES.map((mode) => (
            <label key={mode}>
              <input
                type="checkbox"
                checked={modes.includes(mode)}
                disabled={modes.includes(mode) && modes.length <= 2}
                onChange={() => toggle(mode)}
              />
              {MODE_LABEL[mode]}
            </label>
          ))}
        </fieldset>
      </header>
      {overview.state === 'loading' ? <p role="status">Comparing…</p> : null}
      {overview.state === 'failed' ? <p role="alert">The comparison failed: {overview.error}</p> : null}
      {overview.state === 'done' ? <SummaryTable overview={overview.value} /> : null}
      <Tabs
        label="Compare"
        selected={tab}
        onSelect={setTab}
        panelId={(k) => `compare-panel-${k}`}
        tabs={[
          { key: 'events', label: 'Events', content: <CompareEvents source={source} modes={modes} /> },
          {
            key: 'splits',
            label: 'Splits & merges',
            content:
              overview.state === 'done' ? <SplitsPanel source={source} overview={overview.value} /> : null,
          },
          {
            key: 'analytics',
            label: 'Analytics impact',
            content:
              overview.state === 'done' ? (
                <AnalyticsPanel source={source} modes={modes} overview={overview.value} />
              ) : null,
          },
          { key: 'assumptions', label: 'Assumptions', content: <AssumptionsPanel source={source} /> },
          { key: 'migration', label: 'Migration', content: <MigrationPanel source={source} /> },
        ]}
      />
    </main>
  );
}
