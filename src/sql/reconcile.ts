// Compares a mappings table exported from Mixpanel with the lab's resolution of the same events, id by id, and
// names the rule behind the lab's answer: why a warehouse count differs from Mixpanel's.
import { modeRules, type FailedAttempt, type Link, type ResolutionView } from '../engine/index.ts';

export interface MappingPair {
  readonly distinct_id: string;
  readonly resolved_distinct_id: string;
}

/** One id on which the two disagree. */
export interface Disagreement {
  readonly id: string;
  /** Where Mixpanel's table sends it (itself when the table has no row for it, G-6). */
  readonly mixpanel: string;
  /** Where the lab resolves it. */
  readonly lab: string;
  /** The rule behind the lab's answer, and the event that decided it when there is one. */
  readonly rule: string;
  readonly why: string;
  /** The record (0-based ingestion order) that decided it, if any. */
  readonly eventIndex: number | undefined;
}

/** Every id either side maps, where the one-hop answers differ (ids neither side maps agree: each is itself). */
export function reconcile(mixpanel: readonly MappingPair[], view: ResolutionView): Disagreement[] {
  const theirs = new Map(mixpanel.map((row) => [row.distinct_id, row.resolved_distinct_id]));
  const ours = new Map(view.mappings().map((row) => [row.distinct_id, row.resolved_distinct_id]));
  const seen = new Set(view.ids());
  const explainer = new Explainer(view);
  const ids = [...new Set([...theirs.keys(), ...ours.keys()])];
  return ids.flatMap((id) => {
    const mp = theirs.get(id) ?? id;
    const lab = ours.get(id) ?? id;
    if (mp === lab) return [];
    return [{ id, mixpanel: mp, lab, ...explainer.explain(id, lab, seen.has(id)) }];
  });
}

class Explainer {
  private readonly linkInto = new Map<string, Link>();
  private readonly refusals = new Map<string, FailedAttempt>();

  constructor(private readonly view: ResolutionView) {
    for (const link of view.links()) if (!this.linkInto.has(link.from)) this.linkInto.set(link.from, link);
    for (const attempt of view.failedAttempts()) {
      for (const id of [attempt.from, attempt.to])
        if (id !== undefined && !this.refusals.has(id)) this.refusals.set(id, attempt);
    }
  }

  explain(id: string, lab: string, seen: boolean): Pick<Disagreement, 'rule' | 'why' | 'eventIndex'> {
    if (!seen)
      return {
        rule: 'G-6',
        why: 'the events given never mention this id, so the lab leaves it as itself',
        eventIndex: undefined,
      };
    const link = this.linkInto.get(id);
    if (lab !== id && link !== undefined)
      return {
        rule: link.rule,
        why: `${describeLink(link)}; ${id} resolves to ${lab}`,
        eventIndex: link.eventIndex,
      };
    if (lab !== id)
      return {
        rule: modeRules(this.view.mode).words.canonicalRule,
        why: `${id} is in the cluster whose canonical id is ${lab}`,
        eventIndex: undefined,
      };
    const refusal = this.refusals.get(id);
    if (refusal !== undefined) {
      const { failure } = refusal;
      return {
        rule: failure.rule,
        why: `a link was refused (${failure.code}): ${failure.description}`,
        eventIndex: refusal.eventIndex,
      };
    }
    const unlinked = modeRules(this.view.mode).words.unlinked(id);
    return { rule: unlinked.rule, why: unlinked.text, eventIndex: undefined };
  }
}

function describeLink(link: Link): string {
  const what = {
    'device-link': 'the first event carrying both ids linked',
    identify: '$identify merged',
    alias: '$create_alias merged',
    merge: '$merge merged',
    'legacy-alias': '$create_alias made an alias of',
  }[link.kind];
  return `${what} ${link.from} → ${link.to}`;
}
