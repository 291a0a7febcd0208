// A file picker that is also a drop target (the page takes drops anywhere; this is where to aim).
import { useState, type ChangeEvent, type DragEvent } from 'react';
import { useDatasetService } from '../../store/hooks.ts';

/** Extensions offered first in the picker; any file can still be chosen. */
const ACCEPT = '.ndjson,.jsonl,.json,.csv,.txt,application/json,text/csv,text/plain';

export function DropZone() {
  const service = useDatasetService();
  const [over, setOver] = useState(false);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file !== undefined) void service.preview(file, file.name);
    event.target.value = '';
  };
  const onDrag = (event: DragEvent<HTMLDivElement>, entering: boolean) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    setOver(entering);
  };
  return (
    <div
      className="drop-zone"
      data-over={over}
      data-testid="import.dropZone"
      onDragEnter={(event) => onDrag(event, true)}
      onDragLeave={(event) => onDrag(event, false)}
      onDrop={() => setOver(false)}
    >
      <p className="drop-zone__text">Drop a file here, or</p>
      <label className="button button--primary drop-zone__pick">
        Choose a file…
        <input
          type="file"
          className="visually-hidden"
          accept={ACCEPT}
          data-testid="import.fileInput"
          onChange={onChange}
        />
      </label>
    </div>
  );
}
