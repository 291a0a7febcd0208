// Assumptions compared: where the spec leaves a behaviour undocumented (the Q-items of DECISIONS.md), the same mode
// under the default and under another setting, so the uncertainty shows as numbers rather than hiding in a default.
import { DEFAULT_OPTIONS, type Mode, type ResolveOptions, type StreamRecord } from '../engine/index.ts';
import { ComparisonBuilder, type RecordAdapter } from './builder.ts';
import type { Comparison } from './comparison.ts';
import { summarise } from './summary.ts';
import type { Variant } from './types.ts';

/** One undocumented behaviour and the alternative setting to compare against the default. */
export interface AssumptionCase {
  readonly question: string;
  readonly mode: Mode;
  readonly option: keyof ResolveOptions;
  readonly alternative: ResolveOptions[keyof ResolveOptions];
  /** What the question is about, in a few words. */
  readonly about: string;
}

/** The Q-items that change who an event belongs to, each with the alternative most worth seeing. */
export const ASSUMPTION_CASES: readonly AssumptionCase[] = [
  {
    question: 'Q-5',
    mode: 'original',
    option: 'canonical',
    alternative: 'user-id-when-present',
    about: 'which id becomes canonical',
  },
  {
    question: 'Q-5',
    mode: 'original',
    option: 'canonical',
    alternative: 'first-seen',
    about: 'which id becomes canonical',
  },
  {
    question: 'Q-1',
    mode: 'simplified',
    option: 'linkOrder',
    alternative: 'event-time',
    about: 'which link is "first"',
  },
  {
    question: 'Q-3',
    mode: 'original',
    option: 'guidCheck',
    alternative: 'off',
    about: 'the GUID check on $identify',
  },
  {
    question: 'Q-8',
    mode: 'simplified',
    option: 'devicePrefix',
    alternative: 'strip',
    about: 'a $device_id already prefixed',
  },
  {
    question: 'Q-12',
    mode: 'simplified',
    option: 'blockedIdMatch',
    alternative: 'case-insensitive',
    about: 'placeholder ids',
  },
];

/** The default and the alternative, as a two-column comparison. */
export function assumptionVariants(item: AssumptionCase, options: Partial<ResolveOptions> = {}): Variant[] {
  const base = { ...options };
  delete base[item.option];
  return [
    { key: `${item.option}: ${String(DEFAULT_OPTIONS[item.option])}`, mode: item.mode, options: base },
    {
      key: `${item.option}: ${String(item.alternative)}`,
      mode: item.mode,
      options: { ...base, [item.option]: item.alternative },
    },
  ];
}

/** What changes between the two settings: users, clusters, and events resolved differently. */
export interface AssumptionResult {
  readonly item: AssumptionCase;
  readonly settings: readonly [string, string];
  readonly users: readonly [number, number];
  readonly clusters: readonly [number, number];
  readonly failures: readonly [number, number];
  readonly differingEvents: number;
}

export function assumptionResult(item: AssumptionCase, comparison: Comparison): AssumptionResult {
  const [a, b] = [summarise(comparison.data, 0), summarise(comparison.data, 1)];
  return {
    item,
    settings: [comparison.variants[0]!.key, comparison.variants[1]!.key],
    users: [a.users, b.users],
    clusters: [a.clusters, b.clusters],
    failures: [a.failures, b.failures],
    differingEvents: comparison.differingCount(),
  };
}

/** Every case over one stream: each is its own two-variant comparison, read from `records` once per case. */
export function compareAssumptions(
  records: () => Iterable<StreamRecord>,
  options: Partial<ResolveOptions> = {},
  adapt?: RecordAdapter,
): AssumptionResult[] {
  return ASSUMPTION_CASES.map((item) => {
    const comparison = new ComparisonBuilder(assumptionVariants(item, options), adapt)
      .addAll(records())
      .finish();
    return assumptionResult(item, comparison);
  });
}
