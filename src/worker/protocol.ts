// Messages between the page and the import worker: every request carries an id; the reply (or error) echoes it.
import type { Mode, ResolveOptions, StreamRecord } from '../engine/index.ts';
import type {
  AssumptionResult,
  CompareOverview,
  CompareRow,
  CompareRowQuery,
  FunnelSpec,
  MiniCluster,
  MigrationWalkthrough,
} from '../compare/index.ts';
import type { ImportFormat } from '../io/index.ts';
import type { IdentityRecords } from './identityRecords.ts';
import type { SessionSummary } from './importSession.ts';
import type { ClusterSummary, IdentityDetail, RowFilter, RowPage, RowQuery, SearchHit } from './queries.ts';

export type ExportKind = 'resolved-ndjson' | 'resolved-csv' | 'mappings' | 'findings';

/** How far a load or a re-resolve has got: bytes of the file while reading, records while re-resolving. */
export interface WorkProgress {
  readonly phase: 'reading' | 'resolving';
  readonly done: number;
  readonly total: number;
  /** Records loaded so far (events and profile updates). */
  readonly records: number;
  /** Lines rejected so far. */
  readonly problems: number;
}

/** What the page can ask, and what each answer is. */
export interface Requests {
  load: {
    readonly args: {
      readonly file: Blob;
      readonly fileName?: string;
      readonly format: ImportFormat | 'auto';
      readonly rederive: boolean;
      readonly mode: Mode;
      readonly options: Partial<ResolveOptions>;
    };
    readonly result: SessionSummary | { readonly cancelled: true };
  };
  resolve: {
    readonly args: { readonly mode: Mode; readonly options: Partial<ResolveOptions> };
    readonly result: SessionSummary;
  };
  rows: { readonly args: RowQuery; readonly result: RowPage };
  /** Where an event sits among the rows a filter keeps (-1: the filter leaves it out). */
  locate: { readonly args: RowFilter & { readonly index: number }; readonly result: number };
  clusters: {
    readonly args: { readonly limit: number };
    readonly result: { total: number; clusters: ClusterSummary[] };
  };
  search: { readonly args: { readonly text: string; readonly limit: number }; readonly result: SearchHit[] };
  identity: { readonly args: { readonly id: string; readonly cap: number }; readonly result: IdentityDetail };
  /** "Edit as scenario": the first `cap` records that decide one identity (src/worker/identityRecords.ts). */
  identityRecords: {
    readonly args: { readonly id: string; readonly cap: number };
    readonly result: IdentityRecords;
  };
  export: { readonly args: { readonly kind: ExportKind }; readonly result: Blob };
  /** The Compare view (issue #13): every mode side by side, computed with src/compare as `idmerge compare` does. */
  compare: {
    readonly args: {
      readonly options: Partial<ResolveOptions>;
      readonly funnel?: FunnelSpec;
      readonly modes: readonly string[];
    };
    readonly result: CompareOverview;
  };
  compareRows: {
    readonly args: CompareRowQuery & { readonly options: Partial<ResolveOptions> };
    readonly result: { total: number; rows: CompareRow[] };
  };
  compareGraphs: {
    readonly args: { readonly options: Partial<ResolveOptions>; readonly ids: readonly string[] };
    readonly result: Record<string, MiniCluster[]>;
  };
  compareAssumptions: {
    readonly args: { readonly options: Partial<ResolveOptions> };
    readonly result: AssumptionResult[];
  };
  compareMigration: {
    readonly args: { readonly options: Partial<ResolveOptions> };
    readonly result: MigrationWalkthrough;
  };
  /** A loaded HAR again, with or without its failed requests' records (src/worker/harLoad.ts). */
  harInclude: {
    readonly args: {
      readonly includeFailed: boolean;
      readonly mode: Mode;
      readonly options: Partial<ResolveOptions>;
    };
    readonly result: SessionSummary;
  };
  /** A loaded HAR's records, for "Open as scenario", with its event property names (most used first). */
  harScenarioInput: {
    readonly args: Record<string, never>;
    readonly result: { readonly records: StreamRecord[]; readonly propertyNames: string[] };
  };
}

export type RequestName = keyof Requests;

export type RequestMessage = {
  [K in RequestName]: { readonly id: number; readonly name: K; readonly args: Requests[K]['args'] };
}[RequestName];

/** Cancels the load in progress (no reply). */
export interface CancelMessage {
  readonly id: number;
  readonly name: 'cancel';
}

export type ReplyMessage =
  | { readonly id: number; readonly kind: 'result'; readonly result: unknown }
  | { readonly id: number; readonly kind: 'error'; readonly message: string }
  | { readonly id: number; readonly kind: 'progress'; readonly progress: WorkProgress };
