// Every identity problem the linter found, worst first: how often, where (click to jump), why, and the rule.
import { MODE_NAMES } from '../../store/assumptions.ts';
import { useDataset } from '../../store/hooks.ts';
import { FindingItem } from './FindingItem.tsx';

export function FindingsPanel() {
  const summary = useDataset((d) => d.summary);
  if (summary === null) return null;
  if (summary.findings.length === 0)
    return (
      <p className="panel-empty" data-testid="findings.none">
        No identity problems found under {MODE_NAMES[summary.mode]}.
      </p>
    );
  return (
    <ul className="findings" data-testid="findings">
      {summary.findings.map((finding) => (
        <li key={finding.id}>
          <FindingItem finding={finding} />
        </li>
      ))}
    </ul>
  );
}
