// The dataset slice: an imported file's state in the app (what is loaded, how far a load got, what is selected).
// The rows, clusters and identities themselves stay in the import worker; the views ask it page by page.
import type { ImportFormat } from '../io/index.ts';
import type { SessionSummary } from '../worker/importSession.ts';
import type { FilePreview } from '../worker/preview.ts';
import type { WorkProgress } from '../worker/protocol.ts';
import type { RowFilter } from '../worker/queries.ts';

/** What the main area shows: the built-in scenarios, or the imported dataset. */
export type DataSource = 'scenario' | 'dataset';

/** The dataset workspace's side tabs. */
export type DatasetTab = 'findings' | 'identity' | 'report';

/** `loading`: the worker reads a file; `resolving`: it re-resolves the loaded one under another mode or option. */
export type DatasetStatus = 'idle' | 'loading' | 'resolving';

export interface DatasetState {
  readonly source: DataSource;
  readonly dialogOpen: boolean;
  /** The file chosen, dropped or pasted, before it is loaded. */
  readonly preview: FilePreview | null;
  readonly format: ImportFormat | 'auto';
  /** G-6: re-derive identity from `$device_id` / `$user_id` instead of an export's resolved distinct_id. */
  readonly rederive: boolean;
  readonly status: DatasetStatus;
  readonly progress: WorkProgress | null;
  /** The loaded file's answer under the mode it was last resolved with; null until a file is loaded. */
  readonly summary: SessionSummary | null;
  readonly fileName: string | null;
  /** Bumped by every new summary, so views re-ask the worker. */
  readonly version: number;
  /** Bumped by every file loaded (not by a re-resolve), so the workspace can move focus to what a load produced. */
  readonly loads: number;
  readonly error: string | null;
  /** The identity the graph, the identity tab and the clusters list show. */
  readonly selectedId: string | null;
  /** The record index of the event selected in the table. */
  readonly selectedEvent: number | null;
  /** A request to scroll the table to an event; `seq` makes a repeated jump to the same event count. */
  readonly jump: { readonly index: number; readonly seq: number } | null;
  readonly filter: RowFilter;
  readonly tab: DatasetTab;
}

export const INITIAL_DATASET: DatasetState = {
  source: 'scenario',
  dialogOpen: false,
  preview: null,
  format: 'auto',
  rederive: false,
  status: 'idle',
  progress: null,
  summary: null,
  fileName: null,
  version: 0,
  loads: 0,
  error: null,
  selectedId: null,
  selectedEvent: null,
  jump: null,
  filter: {},
  tab: 'findings',
};

/** The slice's named actions, part of the app store's actions. */
export interface DatasetActions {
  readonly showSource: (source: DataSource) => void;
  readonly openImportDialog: () => void;
  /** Closes the import dialog (not while a file is loading: cancel first). */
  readonly closeImportDialog: () => void;
  readonly choosePreview: (preview: FilePreview) => void;
  readonly clearPreview: () => void;
  readonly setImportFormat: (format: ImportFormat | 'auto') => void;
  readonly setRederive: (rederive: boolean) => void;
  readonly datasetWorkStarted: (status: Exclude<DatasetStatus, 'idle'>) => void;
  readonly datasetProgressed: (progress: WorkProgress) => void;
  /** A new file is loaded: the workspace opens on it, with nothing selected. */
  readonly datasetLoaded: (summary: SessionSummary, fileName: string) => void;
  /** The loaded file was re-resolved (another mode or option). */
  readonly datasetResolved: (summary: SessionSummary) => void;
  /** A load or re-resolve ended without an answer: cancelled (null) or failed (the reason). */
  readonly datasetWorkStopped: (error: string | null) => void;
  readonly selectIdentity: (id: string | null) => void;
  readonly selectDatasetEvent: (index: number | null, identity?: string) => void;
  /** Selects an event and scrolls the table to it. */
  readonly jumpToEvent: (index: number, identity?: string) => void;
  readonly setDatasetFilter: (filter: RowFilter) => void;
  readonly showDatasetTab: (tab: DatasetTab) => void;
}

type Change = (dataset: DatasetState) => DatasetState;

/** The actions over a store whose `dataset` slice `update` replaces. */
export function createDatasetActions(update: (change: Change) => void): DatasetActions {
  return {
    showSource: (source) => update((d) => ({ ...d, source })),
    openImportDialog: () => update((d) => ({ ...d, dialogOpen: true, error: null })),
    closeImportDialog: () =>
      update((d) => (d.status === 'loading' ? d : { ...d, dialogOpen: false, preview: null, error: null })),
    choosePreview: (preview) =>
      update((d) => ({
        ...d,
        dialogOpen: true,
        preview,
        format: 'auto',
        rederive: preview.exportNote !== undefined,
        error: null,
      })),
    clearPreview: () => update((d) => ({ ...d, preview: null, error: null })),
    setImportFormat: (format) => update((d) => ({ ...d, format })),
    setRederive: (rederive) => update((d) => ({ ...d, rederive })),
    datasetWorkStarted: (status) => update((d) => ({ ...d, status, progress: null, error: null })),
    datasetProgressed: (progress) => update((d) => ({ ...d, progress })),
    datasetLoaded: (summary, fileName) => update((d) => loadedState(d, summary, fileName)),
    datasetResolved: (summary) =>
      update((d) => ({ ...d, status: 'idle', progress: null, summary, version: d.version + 1 })),
    datasetWorkStopped: (error) => update((d) => ({ ...d, status: 'idle', progress: null, error })),
    selectIdentity: (id) => update((d) => ({ ...d, selectedId: id, tab: id === null ? d.tab : 'identity' })),
    selectDatasetEvent: (index, identity) =>
      update((d) => ({ ...d, selectedEvent: index, selectedId: identity ?? d.selectedId })),
    jumpToEvent: (index, identity) =>
      update((d) => ({
        ...d,
        selectedEvent: index,
        selectedId: identity ?? d.selectedId,
        jump: { index, seq: (d.jump?.seq ?? 0) + 1 },
      })),
    setDatasetFilter: (filter) => update((d) => ({ ...d, filter })),
    showDatasetTab: (tab) => update((d) => ({ ...d, tab })),
  };
}

/** A fresh workspace on the new file; the report tab first when lines were rejected, else the findings. */
function loadedState(previous: DatasetState, summary: SessionSummary, fileName: string): DatasetState {
  return {
    ...INITIAL_DATASET,
    source: 'dataset',
    summary,
    fileName,
    version: previous.version + 1,
    loads: previous.loads + 1,
    tab: summary.report.rejected > 0 ? 'report' : 'findings',
  };
}
