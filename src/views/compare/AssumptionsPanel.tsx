// Assumptions compared: where the spec leaves a behaviour undocumented (the Q-items of DECISIONS.md), the same mode
// under the default and under another setting, side by side, so the uncertainty is visible rather than hidden.
import type { CompareSource } from '../../store/useCompareSource.ts';
import { RuleBadge } from '../shared/RuleBadge.tsx';
import { modeLabel, percentChange } from './modes.ts';
import { useAnswer } from './useAnswer.ts';

export function AssumptionsPanel({ source }: { source: CompareSource }) {
  const answer = useAnswer(() => source.assumptions(), source.key);
  if (answer.state === 'loading') return <p role="status">Resolving under each setting…</p>;
  if (answer.state === 'failed') return <p role="alert">{answer.error}</p>;
  return (
    <table className="compare-assumptions" data-testid="compare.assumptions">
      <caption>The same mode under the default setting and another one</caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col">Mode</th>
          <th scope="col">Default → alternative</th>
          <th scope="col">Users</th>
          <th scope="col">Clusters of 2+ ids</th>
          <th scope="col">Failed requests</th>
          <th scope="col">Events resolved differently</th>
        </tr>
      </thead>
      <tbody>
        {answer.value.map((result) => (
          <tr
            key={`${result.item.question}|${result.settings[1]}`}
            data-testid="compare.assumption"
            data-differs={result.differingEvents > 0}
          >
            <th scope="row">
              <RuleBadge rule={result.item.question} /> {result.item.about}
            </th>
            <td>{modeLabel(result.item.mode)}</td>
            <td>
              {result.settings[0]} → {result.settings[1]}
            </td>
            <td>{pair(result.users)}</td>
            <td>{pair(result.clusters)}</td>
            <td>{pair(result.failures)}</td>
            <td>{result.differingEvents}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function pair([a, b]: readonly [number, number]): string {
  return a === b ? `${a} (=)` : `${a} → ${b} (${percentChange(b, a)})`;
}
