// The header's name for the dataset on show.
import { useDataset } from '../../store/hooks.ts';

export function DatasetTitle() {
  const fileName = useDataset((d) => d.fileName);
  return (
    <p className="dataset-title" data-testid="header.dataset">
      {fileName === null ? 'No file loaded' : fileName}
    </p>
  );
}
