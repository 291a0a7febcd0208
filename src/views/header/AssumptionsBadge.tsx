// A compact line in the header when the view departs from the defaults; it opens the settings that explain it.
import { departures } from '../../store/assumptions.ts';
import { useActions, useAppState, useScenario } from '../../store/hooks.ts';

export function AssumptionsBadge() {
  const scenario = useScenario();
  const mode = useAppState((state) => state.mode);
  const options = useAppState((state) => state.options);
  const sdkVersion = useAppState((state) => state.sdkVersion);
  const { showSidePanel } = useActions();
  const lines = departures(scenario, mode, options, sdkVersion);
  if (lines.length === 0) return null;
  return (
    <button
      type="button"
      className="assumptions-badge"
      data-testid="header.assumptions"
      title={lines.join('\n')}
      onClick={() => showSidePanel('settings')}
    >
      Assumptions: {lines.length === 1 ? lines[0] : `${lines.length} changed`}
    </button>
  );
}
