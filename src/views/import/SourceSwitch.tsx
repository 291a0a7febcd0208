// Moves the main area between the scenarios and the imported dataset, either way.
import { useActions, useDataset } from '../../store/hooks.ts';

export function SourceSwitch() {
  const source = useDataset((d) => d.source);
  const fileName = useDataset((d) => d.fileName);
  const { showSource } = useActions();
  if (source === 'dataset')
    return (
      <button
        type="button"
        className="header-button"
        data-testid="header.toScenarios"
        onClick={() => showSource('scenario')}
      >
        Back to scenarios
      </button>
    );
  if (fileName === null) return null;
  return (
    <button
      type="button"
      className="header-button"
      data-testid="header.toDataset"
      onClick={() => showSource('dataset')}
    >
      Back to {fileName}
    </button>
  );
}
