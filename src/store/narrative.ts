// The story of one step in the mode shown: the scenario's own note where it was written for that mode, otherwise
// sentences generated from what the engine did at that step in that mode, each carrying the facts it states.
import {
  linkNote,
  modeRules,
  type EventLabel,
  type EventOutcome,
  type FailureCode,
  type IdLabel,
  type Mode,
  type ResolutionView,
} from '../engine/index.ts';
import type { Scenario } from '../scenarios/types.ts';
import { MODE_NAMES } from './assumptions.ts';
import type { EventRow, StepModel } from './derive.ts';
import { eventLabelFor } from './explanation.ts';

/** A fact a sentence states, in the mode it is stated for: what a test checks against the engine. */
export type NarrativeClaim =
  | {
      readonly kind: 'link';
      readonly mode: Mode;
      readonly event: number;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: 'refusal'; readonly mode: Mode; readonly event: number; readonly code: FailureCode }
  | { readonly kind: 'no-effect'; readonly mode: Mode; readonly event: number }
  | { readonly kind: 'cluster'; readonly mode: Mode; readonly members: readonly string[] }
  | {
      readonly kind: 'resolves';
      readonly mode: Mode;
      readonly events: readonly number[];
      /** null: rejected (LIM-1); '' non-attributable. */
      readonly to: string | null;
    };

/** One sentence, its rule ids inline ("… (S-6)"), and the facts it states. */
export interface NarrativeLine {
  readonly text: string;
  readonly claims: readonly NarrativeClaim[];
}

/** A record's sentence, and the clause the difference line quotes ("event #5 links D2 ⇒ U2 (S-6)"). */
interface RecordLine extends NarrativeLine {
  readonly clause: string;
}

export interface Narrative {
  /** True when the scenario's own note for this step is shown (the mode is one it was written for). */
  readonly written: boolean;
  readonly lines: readonly NarrativeLine[];
  /** When the mode is not one the scenario was written for: what that mode does differently at this step. */
  readonly difference: NarrativeLine | undefined;
}

interface Speaker {
  readonly view: ResolutionView;
  readonly mode: Mode;
  readonly label: IdLabel;
  readonly eventLabel: EventLabel;
}

const NO_EFFECT_RULE: Readonly<Record<Mode, string>> = { simplified: 'S-8', original: 'O-16', legacy: 'L-5' };
const CLUSTER_RULE: Readonly<Record<Mode, string>> = { simplified: 'S-10', original: 'O-2', legacy: 'L-1' };
const RETRO_RULE: Readonly<Record<Mode, string>> = { simplified: 'S-12', original: 'O-5', legacy: 'L-3' };

function eventWord(indexes: readonly number[], eventLabel: EventLabel): string {
  const names = indexes.map(eventLabel);
  return `${names.length === 1 ? 'Event' : 'Events'} ${names.join(', ')}`;
}

function resolvedWord(resolvedId: string | null, label: IdLabel): string {
  if (resolvedId === null) return 'no one (rejected)';
  return resolvedId === '' ? 'no user' : label(resolvedId);
}

/** Why an ordinary event resolves where it does, by mode. */
function resolveRule(outcome: EventOutcome, mode: Mode): string {
  return modeRules(mode).words.resolvedRule(outcome.derivation, outcome.resolvedId !== outcome.derivedId);
}

/** The sentence for one record the step sent. */
function recordLine(index: number, speaker: Speaker): RecordLine | undefined {
  const { view, mode, label, eventLabel } = speaker;
  const outcome = view.outcome(index);
  const event = eventLabel(index);
  const name = outcome.isIdentityEvent && !event.includes(outcome.name) ? ` (${outcome.name})` : '';
  if (outcome.status === 'rejected')
    return {
      text: `Event ${event} is rejected: "${outcome.rejectedValue ?? ''}" is a placeholder id the import API refuses, so it counts for no one (LIM-1).`,
      clause: `event ${event} is rejected (LIM-1)`,
      claims: [{ kind: 'resolves', mode, events: [index], to: null }],
    };
  if (outcome.status === 'non-attributable')
    return {
      text: `Event ${event} carries no usable identity, so it belongs to no user (LIM-2).`,
      clause: `event ${event} belongs to no user (LIM-2)`,
      claims: [{ kind: 'resolves', mode, events: [index], to: '' }],
    };
  if (outcome.link) {
    const links = `${linkNote(outcome.link, label).replace(/^./, (c) => c.toLowerCase())} (${outcome.link.rule})`;
    return {
      text: `Event ${event}${name}: ${links}.`,
      clause: `event ${event} ${links}`,
      claims: [{ kind: 'link', mode, event: index, from: outcome.link.from, to: outcome.link.to }],
    };
  }
  if (outcome.failure)
    return {
      text: `Event ${event}${name} is refused with ${outcome.failure.code} (${outcome.failure.rule}): ${outcome.failure.description.replace(/\.$/, '')}. It stays with ${resolvedWord(outcome.resolvedId, label)}.`,
      clause: `event ${event} is refused with ${outcome.failure.code} (${outcome.failure.rule})`,
      claims: [
        { kind: 'refusal', mode, event: index, code: outcome.failure.code },
        { kind: 'resolves', mode, events: [index], to: outcome.resolvedId },
      ],
    };
  if (outcome.isIdentityEvent)
    return {
      text: `Event ${event}${name} links nothing on ${MODE_NAMES[mode]} (${NO_EFFECT_RULE[mode]}); it is attributed to ${resolvedWord(outcome.resolvedId, label)}.`,
      clause: `event ${event}${name} links nothing (${NO_EFFECT_RULE[mode]})`,
      claims: [
        { kind: 'no-effect', mode, event: index },
        { kind: 'resolves', mode, events: [index], to: outcome.resolvedId },
      ],
    };
  return undefined;
}

/** Ordinary events the step sent, grouped by where they resolve: "Events #4, #5 resolve to $device:D2 (S-2)." */
function plainLines(indexes: readonly number[], speaker: Speaker): NarrativeLine[] {
  const groups = new Map<string, { outcome: EventOutcome; indexes: number[] }>();
  for (const index of indexes) {
    const outcome = speaker.view.outcome(index);
    const key = `${outcome.resolvedId}|${resolveRule(outcome, speaker.mode)}`;
    const group = groups.get(key) ?? { outcome, indexes: [] };
    group.indexes.push(index);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ outcome, indexes: group }) => ({
    text: `${eventWord(group, speaker.eventLabel)}${sentAs(group, speaker)} ${group.length === 1 ? 'resolves' : 'resolve'} to ${resolvedWord(outcome.resolvedId, speaker.label)} (${resolveRule(outcome, speaker.mode)}).`,
    claims: [{ kind: 'resolves', mode: speaker.mode, events: group, to: outcome.resolvedId }],
  }));
}

/** ", sent as U1," when the events' own ids differ from where they resolve. */
function sentAs(indexes: readonly number[], speaker: Speaker): string {
  const outcomes = indexes.map((index) => speaker.view.outcome(index));
  const sent = [...new Set(outcomes.map((o) => o.derivedId))];
  if (outcomes.every((o) => o.resolvedId === o.derivedId) || sent.length !== 1) return '';
  return `, sent as ${speaker.label(sent[0] ?? '')},`;
}

/** Earlier events this step re-attributed, grouped by their new id. */
function retroLines(changed: readonly number[], speaker: Speaker): NarrativeLine[] {
  const byId = new Map<string | null, number[]>();
  for (const index of changed) {
    const to = speaker.view.outcome(index).resolvedId;
    byId.set(to, [...(byId.get(to) ?? []), index]);
  }
  return [...byId].map(([to, events]) => ({
    text: `${eventWord(events, speaker.eventLabel)} ${events.length === 1 ? 'is' : 'are'} retroactively updated to ${resolvedWord(to, speaker.label)} (${RETRO_RULE[speaker.mode]}).`,
    claims: [{ kind: 'resolves', mode: speaker.mode, events, to }],
  }));
}

/** The ids a step's links and refusals touched: what they linked, or what was sent and refused. */
function touchedIds(indexes: readonly number[], view: ResolutionView): Set<string> {
  const ids = new Set<string>();
  for (const index of indexes) {
    const outcome = view.outcome(index);
    const refused = outcome.failure ? [outcome.derivedId, outcome.deviceKey] : [];
    for (const id of [outcome.link?.from, outcome.link?.to, ...refused])
      if (id !== undefined && id !== '') ids.add(id);
  }
  return ids;
}

/** The clusters of two or more ids that hold an id the step linked or refused. */
function clusterLines(indexes: readonly number[], speaker: Speaker): NarrativeLine[] {
  const touched = touchedIds(indexes, speaker.view);
  return speaker.view
    .clusters()
    .filter((cluster) => cluster.members.length > 1 && cluster.members.some((m) => touched.has(m.id)))
    .map((cluster) => {
      const members = cluster.members.map((member) => member.id);
      const shown = members.slice(0, 6).map(speaker.label).join(', ');
      const more = members.length > 6 ? ` and ${members.length - 6} more` : '';
      return {
        text: `${speaker.label(cluster.canonical)}'s cluster now holds ${shown}${more} (${CLUSTER_RULE[speaker.mode]}).`,
        claims: [{ kind: 'cluster', mode: speaker.mode, members }],
      };
    });
}

/** What the engine did at this step, in this mode, as sentences. */
export function generatedLines(model: StepModel, eventLabel: EventLabel): NarrativeLine[] {
  const { view, step } = model;
  if (step === undefined) return [];
  const events = [...model.newRecords].filter((index) => model.played.records[index]?.kind === 'event');
  if (view === undefined || events.length === 0)
    return [{ text: 'No event reaches Mixpanel at this step, so no id changes.', claims: [] }];
  const speaker: Speaker = { view, mode: view.mode, label: model.label, eventLabel };
  const lines: NarrativeLine[] = [];
  const plain: number[] = [];
  for (const index of events) {
    const line = recordLine(index, speaker);
    if (line) lines.push(line);
    else plain.push(index);
  }
  lines.push(...plainLines(plain, speaker));
  lines.push(
    ...retroLines(
      [...model.changedRecords].sort((a, b) => a - b),
      speaker,
    ),
  );
  lines.push(...clusterLines(events, speaker));
  return lines;
}

/** The step's story in the mode shown. */
export function narrate(
  scenario: Scenario,
  model: StepModel,
  writtenModel: StepModel | undefined,
  rows: readonly EventRow[],
): Narrative {
  const eventLabel = eventLabelFor(rows);
  const mode = model.resolution.mode;
  const note = model.step?.note;
  const writtenFor = scenario.modes.includes(mode);
  if (writtenFor && note !== undefined)
    return { written: true, lines: [{ text: note, claims: [] }], difference: undefined };
  const lines = generatedLines(model, eventLabel);
  const difference =
    writtenFor || writtenModel === undefined ? undefined : differenceLine(model, writtenModel, rows);
  return { written: false, lines, difference };
}

/** One line on what the mode the scenario was written for does differently at this step. */
function differenceLine(model: StepModel, written: StepModel, rows: readonly EventRow[]): NarrativeLine {
  const eventLabel = eventLabelFor(rows);
  const here = model.view;
  const there = written.view;
  const writtenMode = written.resolution.mode;
  const name = MODE_NAMES[writtenMode];
  if (model.step === undefined || there === undefined || here === undefined)
    return { text: `Written for ${name}; shown under ${MODE_NAMES[model.resolution.mode]}.`, claims: [] };
  const events = [...written.newRecords].filter((i) => written.played.records[i]?.kind === 'event');
  const speaker: Speaker = { view: there, mode: writtenMode, label: written.label, eventLabel };
  const thereLines = events.flatMap((index) => recordLine(index, speaker) ?? []);
  const acts = thereLines.filter((line) =>
    line.claims.some((c) => c.kind === 'link' || c.kind === 'refusal'),
  );
  const shown = rows.filter((row) => row.displayNumber !== undefined).map((row) => row.recordIndex);
  const differing = shown.filter((i) => here.outcome(i).resolvedId !== there.outcome(i).resolvedId);
  const did = acts.length === 0 ? 'this step links nothing' : acts.map((line) => line.clause).join(', and ');
  const outcome =
    differing.length === 0
      ? 'every event so far resolves the same here'
      : `${differing.length} of ${shown.length} events resolve differently here (${differing
          .slice(0, 3)
          .map((i) => `${eventLabel(i)}: ${resolvedWord(there.outcome(i).resolvedId, written.label)} there`)
          .join('; ')})`;
  return {
    text: `Written for ${name}, where ${did}; ${outcome}.`,
    claims: acts.flatMap((line) => line.claims),
  };
}
