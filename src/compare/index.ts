// Public entry of the comparison metrics: one stream under several identity systems, measured the same way by the
// app, its import worker and `idmerge compare`. Pure: it reads the engine's public entry only.
export type { DailyUsers, FunnelSpec, FunnelStep, Split, Variant, VariantSummary } from './types.ts';
export { ComparisonBuilder, modeVariants, type RecordAdapter } from './builder.ts';
export { Comparison, DEFAULT_WINDOW_SECONDS } from './comparison.ts';
export { parseWindow } from './funnel.ts';
export { clusterIndexOf, isUserId, type ClusterIndex } from './clusterIndex.ts';
export { capSplits, compareRecords, reportOf, type CappedReport, type CompareReport } from './report.ts';
export {
  compareOverview,
  compareRows,
  identityGraphs,
  OVERVIEW_SPLITS,
  type CompareOverview,
  type CompareRow,
  type CompareRowQuery,
  type MiniCluster,
} from './queries.ts';
export {
  migrationWalkthrough,
  type CallEffect,
  type MigrationFinding,
  type MigrationWalkthrough,
} from './migration.ts';
export {
  ASSUMPTION_CASES,
  assumptionResult,
  assumptionVariants,
  compareAssumptions,
  type AssumptionCase,
  type AssumptionResult,
} from './assumptions.ts';
export { percentChange, share } from './format.ts';
