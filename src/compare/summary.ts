// Per variant: the counts a product team quotes (definitions on VariantSummary in types.ts).
import { clusterIndexOf } from './clusterIndex.ts';
import { REJECTED, type ComparisonData } from './data.ts';
import type { VariantSummary } from './types.ts';

/** One pass over the variant's column, one over its clusters. */
export function summarise(data: ComparisonData, at: number): VariantSummary {
  const column = data.columns[at]!;
  const seen = new Uint8Array(data.resolved.size);
  let events = 0;
  let rejected = 0;
  let users = 0;
  let failures = 0;
  for (let index = 0; index < column.keys.length; index++) {
    const key = column.keys[index]!;
    if (data.nameIds[index]! < 0) continue;
    events++;
    failures += column.failed[index]!;
    if (key === REJECTED) rejected++;
    else if (key >= 0 && seen[key] === 0) {
      seen[key] = 1;
      users++;
    }
  }
  const clusters = clusterIndexOf(data.resolutions[at]!, data.ids);
  let identifiedUsers = 0;
  seen.forEach((flag, key) => {
    if (flag === 1 && clusters.isIdentified(data.resolved.texts[key]!)) identifiedUsers++;
  });
  let multi = 0;
  let largest = 0;
  for (const size of clusters.sizes.values()) {
    if (size >= 2) multi++;
    if (size > largest) largest = size;
  }
  return {
    events,
    rejected,
    users,
    identifiedUsers,
    anonymousUsers: users - identifiedUsers,
    clusters: multi,
    largestCluster: largest,
    failures,
    funnel: [],
  };
}
