// The Compare view's questions, answered over one stream: in the import worker for a file, in the page for a
// scenario. Both build the comparison with src/compare, so the app shows what `idmerge compare --json` prints.
import { MODES, modeRules, type ResolveOptions, type StreamRecord } from '../engine/index.ts';
import { rederiveIdentity } from '../io/index.ts';
import type { EventStore } from './eventStore.ts';
import { lintStream } from '../diagnostics/index.ts';
import {
  compareAssumptions,
  ComparisonBuilder,
  compareOverview,
  compareRows,
  identityGraphs,
  migrationWalkthrough,
  modeVariants,
  type AssumptionResult,
  type Comparison,
  type CompareOverview,
  type CompareRow,
  type CompareRowQuery,
  type FunnelSpec,
  type MiniCluster,
  type MigrationWalkthrough,
  type RecordAdapter,
} from '../compare/index.ts';

/** Where the stream comes from: it is read once per comparison built (and once per assumption compared). */
export interface CompareStream {
  readonly records: () => Iterable<StreamRecord>;
  readonly options: Partial<ResolveOptions>;
  /** The G-6 re-derivation the file was loaded with (Simplified only). */
  readonly adapt?: RecordAdapter;
}

/** Every answer the Compare view needs, from one comparison of all three modes built on first use. */
export class CompareSession {
  private built: Comparison | undefined;

  constructor(private readonly stream: CompareStream) {}

  private get comparison(): Comparison {
    this.built ??= new ComparisonBuilder(modeVariants(MODES, this.stream.options), this.stream.adapt)
      .addAll(this.stream.records())
      .finish();
    return this.built;
  }

  overview(funnel: FunnelSpec | undefined, modes: readonly string[]): CompareOverview {
    return compareOverview(this.comparison, funnel, modes);
  }

  rows(query: CompareRowQuery): { total: number; rows: CompareRow[] } {
    return compareRows(this.comparison, query);
  }

  graphs(ids: readonly string[]): Record<string, MiniCluster[]> {
    return identityGraphs(this.comparison, ids);
  }

  assumptions(): AssumptionResult[] {
    return compareAssumptions(this.stream.records, this.stream.options, this.stream.adapt);
  }

  /** Original → Simplified, with the findings the linter reports under Simplified (fix these first). */
  migration(hasBothIds: (index: number) => boolean): MigrationWalkthrough {
    const findings = lintStream(this.stream.records(), 'simplified', this.stream.options);
    return migrationWalkthrough(this.comparison, hasBothIds, findings);
  }
}

/** Whether a record is an event carrying both `$device_id` and `$user_id` (what links on Simplified, S-6). */
export function carriesBothIds(record: StreamRecord | undefined): boolean {
  if (record?.kind !== 'event') return false;
  const { properties } = record.event;
  return properties['$device_id'] != null && properties['$user_id'] != null;
}

/**
 * The comparison of an imported file's stored records; with `rederive` (G-6), modes that read `$device_id` and
 * `$user_id` get each event's identity re-derived from them, as the file was loaded.
 */
export function storedCompareSession(
  store: EventStore,
  rederive: boolean,
  options: Partial<ResolveOptions>,
): CompareSession {
  return new CompareSession({
    records: () => store.records(),
    options,
    ...(rederive
      ? {
          adapt: (record, variant) =>
            modeRules(variant.mode).readsDeviceAndUserIds && record.kind === 'event'
              ? { ...record, event: rederiveIdentity(record.event) }
              : record,
        }
      : {}),
  });
}
