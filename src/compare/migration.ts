// The migration walkthrough, Original → Simplified, as the migration guide (MP-MIGR) frames it: what changes for
// the same stream, which identity calls stop having effect, and which findings to fix first.
import { IDENTITY_EVENT_NAMES, type Link } from '../engine/index.ts';
import type { Comparison } from './comparison.ts';
import { summarise } from './summary.ts';

/** One identity call, with how many were sent and what each mode did with them. */
export interface CallEffect {
  readonly call: string;
  readonly sent: number;
  /** Links or merges it made on Original (O-6, O-10, O-13). */
  readonly linkedOnOriginal: number;
  /** On Simplified these events have no identity effect (S-8); P-4 warns about scripts that rely on them. */
  readonly rule: string;
}

/** A finding to fix before migrating, as the caller's linter reported it under Simplified. */
export interface MigrationFinding {
  readonly id: string;
  readonly title: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly rule: string;
  readonly count: number;
}

export interface MigrationWalkthrough {
  readonly users: { readonly original: number; readonly simplified: number };
  readonly clusters: { readonly original: number; readonly simplified: number };
  /** Events whose resolved distinct_id differs between the two. */
  readonly changedEvents: number;
  readonly calls: readonly CallEffect[];
  /** Ordinary events carrying both `$device_id` and `$user_id`: the only thing that links on Simplified (S-6). */
  readonly pairedEvents: number;
  /** Ordinary events: Original ignores their `$device_id`/`$user_id` (O-1); Simplified reads them (S-1). */
  readonly ordinaryEvents: number;
  /** Errors first, then warnings, then the rest; most events first within a severity. */
  readonly fixFirst: readonly MigrationFinding[];
}

const LINK_KIND_OF_CALL: Readonly<Record<string, Link['kind']>> = {
  $identify: 'identify',
  $create_alias: 'alias',
  $merge: 'merge',
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The walkthrough for a comparison that includes `original` and `simplified` variants. `pairedEvents` needs the
 * stream's own view of each event: the caller passes a predicate (true when the event carries both ids).
 */
export function migrationWalkthrough(
  comparison: Comparison,
  hasBothIds: (index: number) => boolean,
  findings: readonly MigrationFinding[],
): MigrationWalkthrough {
  const original = variantAt(comparison, 'original');
  const simplified = variantAt(comparison, 'simplified');
  const before = summarise(comparison.data, original);
  const after = summarise(comparison.data, simplified);
  const links = comparison.data.resolutions[original]!.final().links();
  const sent = new Map<string, number>();
  let paired = 0;
  let ordinary = 0;
  let changed = 0;
  const keys = [comparison.data.columns[original]!.keys, comparison.data.columns[simplified]!.keys];
  for (let index = 0; index < comparison.size; index++) {
    const name = comparison.nameOf(index);
    if (name === undefined) continue;
    if (keys[0]![index] !== keys[1]![index]) changed++;
    if (IDENTITY_EVENT_NAMES.has(name)) sent.set(name, (sent.get(name) ?? 0) + 1);
    else {
      ordinary++;
      if (hasBothIds(index)) paired++;
    }
  }
  const calls = [...IDENTITY_EVENT_NAMES].map((call) => ({
    call,
    sent: sent.get(call) ?? 0,
    linkedOnOriginal: links.filter((link) => link.kind === LINK_KIND_OF_CALL[call]).length,
    rule: 'S-8',
  }));
  return {
    users: { original: before.users, simplified: after.users },
    clusters: { original: before.clusters, simplified: after.clusters },
    changedEvents: changed,
    calls,
    pairedEvents: paired,
    ordinaryEvents: ordinary,
    fixFirst: [...findings].sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count,
    ),
  };
}

function variantAt(comparison: Comparison, mode: 'original' | 'simplified'): number {
  const at = comparison.variants.findIndex((variant) => variant.key === mode);
  if (at < 0) throw new RangeError(`the migration walkthrough needs the ${mode} mode in the comparison`);
  return at;
}
