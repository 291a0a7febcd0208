// Every determinate scenario of the spec's catalogue (section 8), data-driven: final ids, snapshots, failures, clusters.
import { describe, expect, it } from 'vitest';
import { resolve } from './resolve.ts';
import {
  LEGACY_CASES,
  ORIGINAL_CASES,
  SIMPLIFIED_CASES,
  type CatalogueCase,
  type Expected,
} from './test/catalogue.ts';
import type { ResolutionView } from './view.ts';

/** Replaces `canon:X` with the canonical id of X's cluster, after checking that id belongs to that cluster. */
function expand(expected: readonly Expected[], view: ResolutionView): Array<string | null> {
  return expected.map((id) => {
    if (id === null || !id.startsWith('canon:')) return id;
    const member = id.slice('canon:'.length);
    const canonical = view.canonicalOf(member);
    const cluster = view.clusters().find((c) => c.canonical === canonical);
    expect(cluster?.members.map((m) => m.id)).toContain(member);
    return canonical;
  });
}

function check(testCase: CatalogueCase) {
  const resolution = resolve(testCase.inputs, testCase.mode, testCase.options, { trackSteps: true });
  const final = resolution.final();
  expect(resolution.outcomes().map((o) => o.resolvedId)).toEqual(expand(testCase.resolved, final));
  for (const snapshot of testCase.snapshots ?? []) {
    const view = resolution.at(snapshot.after);
    const ids = Array.from({ length: snapshot.after + 1 }, (_, i) => view.outcome(i).resolvedId);
    expect(ids, `after record ${snapshot.after + 1}`).toEqual(expand(snapshot.resolved, view));
  }
  const failures = Object.fromEntries(
    resolution
      .outcomes()
      .filter((o) => o.failure)
      .map((o) => [o.index + 1, o.failure?.code]),
  );
  expect(failures).toEqual(testCase.failures ?? {});
  if (testCase.clusters) {
    const actual = final.clusters().map((c) => c.members.map((m) => m.id).sort());
    expect(actual).toEqual(expect.arrayContaining(testCase.clusters.map((c) => [...c].sort())));
    expect(actual).toHaveLength(testCase.clusters.length);
  }
}

describe.each([
  ['Simplified (S-rules)', SIMPLIFIED_CASES],
  ['Original (O-rules)', ORIGINAL_CASES],
  ['Legacy (L-rules)', LEGACY_CASES],
])('%s', (_name, cases) => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => check(testCase));
});
