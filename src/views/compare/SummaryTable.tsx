// The summary per mode, one column each, with the difference from the first mode in percent: the one-sentence answer
// to "how many users does each identity system count?".
import type { CompareOverview, VariantSummary } from '../../compare/index.ts';
import { percentChange } from './modes.ts';
import { ModeHeader } from './ModeHeader.tsx';

type Count = Exclude<keyof VariantSummary, 'funnel'>;

/** The rows, with the definitions `idmerge compare --help` gives. */
const ROWS: ReadonlyArray<readonly [Count, string, string]> = [
  ['events', 'Events', 'Event records (profile updates excluded), rejected ones included'],
  ['rejected', 'Rejected events', 'Refused as placeholder ids (LIM-1): attributed to no one'],
  ['users', 'Unique users', 'Distinct resolved distinct_ids among the accepted events'],
  ['identifiedUsers', 'Identified users', 'Users whose cluster holds a user id'],
  ['anonymousUsers', 'Anonymous-only users', 'Users whose cluster holds no user id'],
  ['clusters', 'Clusters of 2+ ids', 'Identities holding two or more ids'],
  ['largestCluster', 'Largest cluster', 'The most ids one identity holds'],
  ['failures', 'Failed identity requests', 'Identity requests refused (S-9, O-7, O-11, O-14, L-2 …)'],
];

export function SummaryTable({ overview }: { overview: CompareOverview }) {
  const modes = overview.variants;
  const summaries = modes.map((mode) => overview.report.modes[mode]!);
  const base = summaries[0]!;
  return (
    <section className="compare-summary" aria-label="Summary per mode">
      <table data-testid="compare.summary">
        <caption>
          Summary per mode · {overview.report.differences.events} events resolve differently ·{' '}
          {overview.splitCount} splits and merges
        </caption>
        <ModeHeader first="Count" modes={modes} />
        <tbody>
          {ROWS.map(([key, label, definition]) => (
            <tr key={key} data-testid={`compare.summary.${key}`}>
              <th scope="row" title={definition}>
                {label}
              </th>
              {summaries.map((summary, at) => (
                <td key={modes[at]} data-mode={modes[at]} data-value={summary[key]}>
                  {summary[key].toLocaleString('en-US')}
                  {at > 0 ? (
                    <span className="compare-delta"> ({percentChange(summary[key], base[key])})</span>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
