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

/** A report listing at most `max` splits (the biggest, as reportOf sorts them), with how many there are in all. */
export interface CappedReport extends CompareReport {
  readonly differences: CompareReport['differences'] & { readonly splitCount: number };
}

/**
 * Caps a report's splits: a million-event file can split tens of thousands of identities (issue #13 measured 58,741,
 * 15 MB of JSON), more than a person reads; the count keeps the whole answer honest.
 */
export function capSplits(report: CompareReport, max: number): CappedReport {
  const { splits } = report.differences;
  return {
    ...report,
    differences: { ...report.differences, splits: splits.slice(0, max), splitCount: splits.length },
  };
}

/** Compares a whole in-memory stream (tests, scenarios). */
export function compareRecords(
  records: Iterable<StreamRecord>,
  variants: readonly Variant[],
  funnel?: FunnelSpec,
): CompareReport {
  return reportOf(new ComparisonBuilder(variants).addAll(records).finish(), funnel);
}
