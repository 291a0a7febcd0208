// Splits and merges: identities that one variant counts as one user and another as several, with the rules why.
import { modeRules } from '../engine/index.ts';
import { clusterIndexOf, isUserId, type ClusterIndex } from './clusterIndex.ts';
import type { ComparisonData } from './data.ts';
import type { Split } from './types.ts';

/** How many events of a split are named as examples. */
const SAMPLE_SIZE = 5;

/**
 * Why a mode keeps ids apart when no refusal says so: Simplified gives `$identify`/`$create_alias`/`$merge` no
 * effect (S-8), Original reads only distinct_id (O-1), Legacy never re-attributes what came before (L-3).
 */

/** Every split, for every ordered pair of variants; linear in the stream per pair. */
export function findSplits(data: ComparisonData): Split[] {
  const rules = data.resolutions.map((resolution) => new RuleIndex(clusterIndexOf(resolution, data.ids)));
  const splits: Split[] = [];
  data.variants.forEach((_, joined) => {
    data.variants.forEach((_, split) => {
      if (joined !== split) splits.push(...splitsBetween(data, joined, split, rules));
    });
  });
  return splits.sort((a, b) => b.events - a.events || (a.user < b.user ? -1 : +(a.user > b.user)));
}

/** Users of variant `joined` whose events land on two or more users of variant `split`. */
function splitsBetween(data: ComparisonData, joined: number, split: number, rules: RuleIndex[]): Split[] {
  const one = data.columns[joined]!.keys;
  const many = data.columns[split]!.keys;
  const pieces = countPieces(one, many, data.resolved.size);
  if (pieces.size === 0) return [];
  const samples = sampleEvents(one, many, pieces, data.resolved.size);
  const texts = data.resolved.texts;
  return [...pieces].map(([user, counts]) => {
    const into = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => texts[id]!);
    const userText = texts[user]!;
    return {
      joinedIn: data.variants[joined]!.key,
      user: userText,
      splitIn: data.variants[split]!.key,
      into,
      events: [...counts.values()].reduce((sum, count) => sum + count, 0),
      sample: samples.get(user) ?? [],
      rules: splitRules(data, rules, joined, split, userText, into),
    };
  });
}

/** Per user of `one` that meets two or more users of `many`: how many events land on each. */
function countPieces(one: Int32Array, many: Int32Array, ids: number): Map<number, Map<number, number>> {
  const first = new Int32Array(ids).fill(-1);
  const firstCount = new Int32Array(ids);
  const pieces = new Map<number, Map<number, number>>();
  for (let index = 0; index < one.length; index++) {
    const user = one[index]!;
    const other = many[index]!;
    if (user < 0 || other < 0) continue;
    if (first[user] === -1) first[user] = other;
    if (first[user] === other) {
      firstCount[user]!++;
      continue;
    }
    let counts = pieces.get(user);
    if (counts === undefined) pieces.set(user, (counts = new Map<number, number>()));
    counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  for (const [user, counts] of pieces) counts.set(first[user]!, firstCount[user]!);
  return pieces;
}

/** A few events of each split identity that land away from its biggest piece. */
function sampleEvents(
  one: Int32Array,
  many: Int32Array,
  pieces: Map<number, Map<number, number>>,
  ids: number,
): Map<number, number[]> {
  const home = new Int32Array(ids).fill(-1);
  for (const [user, counts] of pieces) {
    let best = -1;
    let most = 0;
    for (const [piece, count] of counts) {
      if (count > most || (count === most && piece < best)) [best, most] = [piece, count];
    }
    home[user] = best;
  }
  const samples = new Map<number, number[]>();
  for (let index = 0; index < one.length; index++) {
    const user = one[index]!;
    if (user < 0 || home[user] === -1 || many[index]! < 0 || many[index] === home[user]) continue;
    let list = samples.get(user);
    if (list === undefined) samples.set(user, (list = []));
    if (list.length < SAMPLE_SIZE) list.push(index);
  }
  return samples;
}

/** The joining variant's links for the identity, then the splitting variant's refusals or the rule that keeps apart. */
function splitRules(
  data: ComparisonData,
  rules: RuleIndex[],
  joined: number,
  split: number,
  user: string,
  into: readonly string[],
): string[] {
  const joining = rules[joined]!.linkRules(user);
  const refusing = new Set(into.flatMap((piece) => rules[split]!.refusalRules(piece)));
  if (refusing.size === 0) refusing.add(keepsApart(data, rules[split]!, split, into));
  return [...new Set([...joining, ...refusing])].sort();
}

/**
 * The mode rule for pieces kept apart without a refusal. Legacy: nothing aliased them (L-5, identify is client-only),
 * or an alias joined one anonymous history and this one stayed orphaned (L-4), or came too late (L-3). Simplified:
 * two user ids never merge (S-10), and identity events do nothing (S-8).
 */
function keepsApart(data: ComparisonData, rules: RuleIndex, split: number, into: readonly string[]): string {
  const pieces = into.map((piece) => ({
    linked: rules.linkRules(piece).length > 0,
    identified: isUserId(piece, data.ids) || rules.hasUserId(piece),
  }));
  return modeRules(data.variants[split]!.mode).words.keptApart(pieces);
}

/** A resolution's links and refusals, by the canonical id of the cluster they concern. */
class RuleIndex {
  private links: Map<string, Set<string>> | undefined;
  private refusals: Map<string, Set<string>> | undefined;

  constructor(readonly clusters: ClusterIndex) {}

  /** Whether the cluster `user` resolves into holds a user id. */
  hasUserId(user: string): boolean {
    return this.clusters.isIdentified(user);
  }

  linkRules(user: string): readonly string[] {
    this.links ??= this.indexLinks();
    return [...(this.links.get(this.clusters.canonicalOf(user)) ?? [])];
  }

  refusalRules(user: string): readonly string[] {
    this.refusals ??= this.indexRefusals();
    return [...(this.refusals.get(this.clusters.canonicalOf(user)) ?? [])];
  }

  private indexLinks(): Map<string, Set<string>> {
    const byCluster = new Map<string, Set<string>>();
    for (const link of this.clusters.view.links())
      addTo(byCluster, this.clusters.canonicalOf(link.to), link.rule);
    return byCluster;
  }

  private indexRefusals(): Map<string, Set<string>> {
    const byCluster = new Map<string, Set<string>>();
    for (const attempt of this.clusters.view.failedAttempts()) {
      for (const id of [attempt.from, attempt.to])
        if (id !== undefined) addTo(byCluster, this.clusters.canonicalOf(id), attempt.failure.rule);
    }
    return byCluster;
  }
}

function addTo(map: Map<string, Set<string>>, key: string, rule: string): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([rule]));
  else set.add(rule);
}
