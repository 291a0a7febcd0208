// The shape of one rule of the behavioural reference (docs/spec/mixpanel-id-merge.md), as app, CLI and docs show it.

/** A public page a rule comes from: the spec's source key (MP-SIMP, JS-CORE …) and its address. */
export interface RuleSource {
  readonly key: string;
  readonly url: string;
}

/** How an open question (Q-*) is settled: DECISIONS.md's default, and the setting that changes it. */
export interface RuleAssumption {
  /** The default the engine takes. */
  readonly assumption: string;
  /** The alternatives DECISIONS.md offers, or "none". */
  readonly alternatives: string;
  /** Where to change it, when it can be changed: the app's settings label and the CLI flag. */
  readonly setting?: { readonly label: string; readonly flag: string };
}

export type RuleFamily = 'G' | 'S' | 'O' | 'L' | 'SDK' | 'LIM' | 'P' | 'Q' | 'SC';

/** One rule: its id, a short title, the statement in plain words, and where it comes from. */
export interface Rule {
  /** "S-9", "Q-5", "SC-S3". */
  readonly id: string;
  readonly family: RuleFamily;
  /** The spec's short name for it ("first link wins"). */
  readonly title: string;
  /** The rule as the spec states it, in plain words (markdown-light: `code`, **bold**, bullets as lines). */
  readonly statement: string;
  /** The spec's evidence line: tags and source keys ("[DOC] MP-SIMP §Mechanism"). */
  readonly evidence: string;
  /** The public pages it cites, first the one to open. */
  readonly sources: readonly RuleSource[];
  readonly decision?: RuleAssumption;
}
