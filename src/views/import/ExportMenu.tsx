// Downloads: resolved events (NDJSON, CSV), the identity mappings, the findings, and the drawn graph (PNG, SVG).
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useDataset, useDatasetService } from '../../store/hooks.ts';
import { useDatasetAnswer } from '../../store/useDatasetAnswer.ts';
import type { ExportKind } from '../../worker/protocol.ts';
import { baseName, saveBlob } from './download.ts';
import { graphPngBlob, graphSvgBlob } from './graphImage.ts';
import { IDENTITY_CAP } from './IdentityPanel.tsx';
import { neighbourhoodOf } from './neighbourhood.ts';

interface Item {
  readonly key: string;
  readonly label: string;
  readonly file: (base: string, mode: string) => string;
}

const DATA_ITEMS: ReadonlyArray<Item & { readonly kind: ExportKind }> = [
  {
    key: 'resolved-ndjson',
    kind: 'resolved-ndjson',
    label: 'Resolved events (NDJSON)',
    file: (b, m) => `${b}.resolved-${m}.ndjson`,
  },
  {
    key: 'resolved-csv',
    kind: 'resolved-csv',
    label: 'Resolved events (CSV)',
    file: (b, m) => `${b}.resolved-${m}.csv`,
  },
  {
    key: 'mappings',
    kind: 'mappings',
    label: 'Identity mappings (NDJSON)',
    file: (b, m) => `${b}.mappings-${m}.ndjson`,
  },
  { key: 'findings', kind: 'findings', label: 'Findings (JSON)', file: (b, m) => `${b}.findings-${m}.json` },
];

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const fileName = useDataset((d) => d.fileName);
  const mode = useDataset((d) => d.summary?.mode ?? 'simplified');
  const selectedId = useDataset((d) => d.selectedId);
  const service = useDatasetService();
  const identity = useDatasetAnswer(
    'identity',
    selectedId === null ? null : { id: selectedId, cap: IDENTITY_CAP },
  );
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const base = baseName(fileName);

  const run = async (label: string, make: () => Promise<Blob> | Blob, name: string) => {
    setBusy(label);
    setStatus(`Preparing ${label}…`);
    try {
      saveBlob(await make(), name);
      setStatus(`${label} saved as ${name}.`);
    } catch (error) {
      setStatus(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
      setOpen(false);
    }
  };
  // The layout places every label clear of the rest: done once per identity, not on each open/busy/status render.
  const graph = useMemo(
    () => (selectedId === null || identity.value === undefined ? undefined : neighbourhoodOf(identity.value)),
    [selectedId, identity.value],
  );
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div
      className="export-menu"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Focus (or a click) moving anywhere outside the menu closes it.
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="header-button"
        aria-expanded={open}
        aria-controls={menuId}
        data-testid="dataset.export"
        onClick={() => setOpen(!open)}
      >
        {busy === null ? 'Export' : 'Exporting…'}
      </button>
      <div id={menuId} className="export-menu__list" hidden={!open}>
        {DATA_ITEMS.map((item) => (
          <button
            key={item.key}
            type="button"
            disabled={busy !== null}
            data-testid={`export.${item.key}`}
            onClick={() => void run(item.label, () => service.exportFile(item.kind), item.file(base, mode))}
          >
            {item.label}
          </button>
        ))}
        <GraphItems base={base} graph={graph} busy={busy !== null} run={run} />
      </div>
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}

function GraphItems(props: {
  readonly base: string;
  readonly graph: ReturnType<typeof neighbourhoodOf> | undefined;
  readonly busy: boolean;
  readonly run: (label: string, make: () => Promise<Blob> | Blob, name: string) => Promise<void>;
}) {
  const { graph, base, busy, run } = props;
  const title = graph === undefined ? 'Select an identity to draw its graph first' : undefined;
  const name = graph === undefined ? '' : `${base}.graph-${graph.canonical.replace(/[^\w.-]+/g, '_')}`;
  return (
    <>
      <button
        type="button"
        disabled={busy || graph === undefined}
        title={title}
        data-testid="export.graph-png"
        onClick={() => graph && void run('Graph (PNG)', () => graphPngBlob(graph), `${name}.png`)}
      >
        Graph of the selected identity (PNG)
      </button>
      <button
        type="button"
        disabled={busy || graph === undefined}
        title={title}
        data-testid="export.graph-svg"
        onClick={() => graph && void run('Graph (SVG)', () => graphSvgBlob(graph), `${name}.svg`)}
      >
        Graph of the selected identity (SVG)
      </button>
    </>
  );
}
