// The comparison as `idmerge compare --json` prints it and the app's summary shows it: one shape, one computation.
import { ComparisonBuilder } from './builder.ts';
import type { Comparison } from './comparison.ts';
import type { FunnelSpec, Split, Variant, VariantSummary } from './types.ts';
import type { StreamRecord } from '../engine/index.ts';

/** `{"modes": {"<mode>": summary}, "differences": {"events": n, "splits": [...]}}`. */
export interface CompareReport {
  readonly modes: Readonly<Record<string, VariantSummary>>;
  readonly differences: { readonly events: number; readonly splits: readonly Split[] };
}

/** The report of a finished comparison, with the funnel when one is asked for; `keys` picks some variants. */
export function reportOf(
  comparison: Comparison,
  funnel?: FunnelSpec,
  keys?: readonly string[],
): CompareReport {
  const summaries = comparison.summary(funnel);
  const modes: Record<string, VariantSummary> = {};
  const chosen = new Set(comparison.variantIndexes(keys).map((at) => comparison.variants[at]!.key));
  comparison.variants.forEach((variant, at) => {
    if (chosen.has(variant.key)) modes[variant.key] = summaries[at]!;
  });
  const splits = comparison
    .splits()
    .filter((split) => chosen.has(split.joinedIn) && chosen.has(split.splitIn));
  return { modes, differences: { events: comparison.differingCount(keys), splits } };
}

/** Compares a whole in-memory stream (tests, scenarios). */
export function compareRecords(
  records: Iterable<StreamRecord>,
  variants: readonly Variant[],
  funnel?: FunnelSpec,
): CompareReport {
  return reportOf(new ComparisonBuilder(variants).addAll(records).finish(), funnel);
}
