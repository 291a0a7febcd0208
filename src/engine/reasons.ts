// The reasons behind an event's outcome, as data: what kind of reason, the rules it cites, the ids and the event it
// names, and its words. The panel shows them as they are; the CLI and tests print them as "RULE: text" lines.

/** What a reason is about, so a view can treat each kind alike without reading its words. */
export type ReasonKind =
  /** Which id the event is attributed to (S-2, S-3, O-1, L-1, Q-7, LIM-2). */
  | 'derivation'
  /** A placeholder id the import API rejects (LIM-1). */
  | 'rejected'
  /** The link or merge the event made (S-6, O-7, O-11, O-14, L-1). */
  | 'link'
  /** A link the event asked for and did not get (S-9, O-7, O-11, O-15, L-2 …). */
  | 'refusal'
  /** An event that could have linked and changed nothing (S-6 repeated, S-8, S-14, L-5). */
  | 'no-effect'
  /** Where the event resolves, and what the canonical id means in this mode (S-11, S-12, O-2, O-3, L-1, L-3). */
  | 'resolution';

/** One reason behind an outcome. */
export interface Reason {
  readonly kind: ReasonKind;
  /** The spec rules it rests on, the main one first ("O-2", "O-3"); empty for a decision of DECISIONS.md. */
  readonly rules: readonly string[];
  /** Its words, without the rule prefix; rules cited in passing ("(S-12)") stay in the text. */
  readonly text: string;
  /** The ids it is about, each once, as the engine writes them (unlabelled), when it names any. */
  readonly ids?: readonly string[];
  /** The record index of the earlier event it points at ("by event #3"), when it names one. */
  readonly eventIndex?: number;
}

/** A spec rule id (S-9, LIM-1, SDK-8); a DECISIONS.md choice is not one and is named in the text instead. */
const SPEC_RULE = /^[A-Z]{1,4}-\d+[a-z]?$/;

/** Builds a reason; a cited rule that is not a spec rule id (DECISIONS) is kept as the text's prefix. */
export function reason(
  kind: ReasonKind,
  rules: string | readonly string[],
  text: string,
  about: { readonly ids?: readonly string[]; readonly eventIndex?: number | undefined } = {},
): Reason {
  const cited = typeof rules === 'string' ? [rules] : rules;
  const spec = cited.every((rule) => SPEC_RULE.test(rule));
  const { ids, eventIndex } = about;
  return {
    kind,
    rules: spec ? cited : [],
    text: spec ? text : `${cited.join(', ')}: ${text}`,
    ...(ids === undefined ? {} : { ids: [...new Set(ids)] }),
    ...(eventIndex === undefined ? {} : { eventIndex }),
  };
}

/** The reason as one line, "O-2, O-3: text": what the CLI prints and `Resolution.explain` returns. */
export function reasonLine(r: Reason): string {
  return r.rules.length === 0 ? r.text : `${r.rules.join(', ')}: ${r.text}`;
}
