// The dialog's second step: what the file looks like and how it will be read, before anything is loaded.
import { useEffect, useId, useRef } from 'react';
import { IMPORT_FORMATS, type ImportFormat } from '../../io/index.ts';
import { useActions, useDataset, useDatasetService } from '../../store/hooks.ts';
import { formatBytes, formatCount } from './format.ts';
import { RederiveOption } from './RederiveOption.tsx';

const FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  ndjson: 'NDJSON (Mixpanel events, one per line)',
  'json-array': 'JSON array (events or an import payload)',
  csv: 'CSV with a header row',
  'segment-ndjson': 'Segment messages, one per line',
  'segment-json-array': 'Segment messages in a JSON array',
  har: 'HAR network log (browser DevTools, proxy apps)',
  unknown: 'unknown',
};

export function FilePreviewView() {
  const preview = useDataset((d) => d.preview);
  const format = useDataset((d) => d.format);
  const { setImportFormat, clearPreview } = useActions();
  const service = useDatasetService();
  const formatId = useId();
  // Focus moves to what "Preview pasted text" (or choosing a file) produced, not to the page behind the dialog.
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), [preview]);
  if (preview === null) return null;
  const { detection } = preview;
  const unreadable = format === 'auto' && detection.format === 'unknown';
  return (
    <section
      className="file-preview"
      aria-label={`Preview of ${preview.name}`}
      tabIndex={-1}
      ref={region}
      data-testid="import.preview"
    >
      <p className="file-preview__name">
        <strong>{preview.name}</strong> · {formatBytes(preview.size)}
      </p>
      <div className="file-preview__format">
        <label htmlFor={formatId}>Read as</label>
        <select
          id={formatId}
          value={format}
          data-testid="import.format"
          onChange={(event) => setImportFormat(event.target.value as ImportFormat | 'auto')}
        >
          <option value="auto">Detected: {FORMAT_NAMES[detection.format]}</option>
          {IMPORT_FORMATS.filter((f) => f !== 'unknown').map((f) => (
            <option key={f} value={f}>
              {FORMAT_NAMES[f]}
            </option>
          ))}
        </select>
      </div>
      <p className="file-preview__reason" data-testid="import.detection">
        Why: {detection.reason}.
      </p>
      <FirstLines lines={preview.lines} />
      <p className="file-preview__sample">
        In the first lines: {formatCount(preview.sampleRecords)} records read
        {preview.sampleProblems > 0 ? `, ${formatCount(preview.sampleProblems)} rejected` : ''}.
      </p>
      {preview.exportNote === undefined ? null : <RederiveOption note={preview.exportNote} />}
      <div className="dialog-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={unreadable}
          data-testid="import.load"
          onClick={() => void service.load()}
        >
          Load {preview.name}
        </button>
        <button type="button" className="button" onClick={clearPreview}>
          Choose another file
        </button>
      </div>
      {unreadable ? <p className="import-error">Choose a format to read it as.</p> : null}
    </section>
  );
}

function FirstLines({ lines }: { readonly lines: readonly string[] }) {
  return (
    <ol className="first-lines" aria-label="First lines of the file" tabIndex={0}>
      {lines.map((line, index) => (
        <li key={index}>
          <code>{line === '' ? ' ' : line}</code>
        </li>
      ))}
    </ol>
  );
}
