// Words for what the engine decided: short notes for the event table, and reasons naming their rules for the panel.
// What differs between modes is asked of the mode's rules (modes/*/rules.ts); what is shared is written here.
import type { StoredRecord } from './ledger.ts';
import { modeRules, type ModeWords } from './modes/index.ts';
import { linkNote, type Note, type NoteKind } from './notes.ts';
import { reason, type Reason } from './reasons.ts';
import type { ResolveOptions } from './types.ts';
import type { EventOutcome, ResolutionView } from './view.ts';
import { asIs, byPosition, rawDevice, type EventLabel, type IdLabel } from './words.ts';

/** The naming callbacks explanations take (labels for ids and events). */
export type { EventLabel, IdLabel } from './words.ts';
export { linkNote, type Note, type NoteKind } from './notes.ts';
export { reasonLine, type Reason, type ReasonKind } from './reasons.ts';

/** Short notes for the table's Notes column, in the words of Mixpanel's guide where it has them. */
export function notesFor(
  outcome: EventOutcome,
  record: StoredRecord,
  view: ResolutionView,
  label: IdLabel = asIs,
): Note[] {
  const rules = modeRules(view.mode);
  const notes: Note[] = [];
  const note = (kind: NoteKind, rule: string, text: string) => notes.push({ kind, rule, text });
  const device = record.newDevice;
  if (device && record.origin?.afterReset)
    note('reset', 'SDK-8', `Reset generated new ID: ${rawDevice(device.key, label)}`);
  else if (device && device.ordinal > 1)
    note('new-device', 'SDK-3', `New device ${rawDevice(device.key, label)}`);
  if (outcome.status === 'rejected')
    note('rejected', 'LIM-1', `Rejected: "${outcome.rejectedValue ?? ''}" is a placeholder id`);
  if (outcome.status === 'non-attributable') note('no-identity', 'LIM-2', 'No usable identity');
  if (outcome.isIdentityEvent && !rules.identityEventLinks(record.name))
    note('no-effect', rules.words.noEffectRule, `No effect on ${rules.label}`);
  if (outcome.link) note('link', outcome.link.rule, linkNote(outcome.link, label));
  if (outcome.failure) note('failure', outcome.failure.rule, outcome.failure.code);
  // L-3: where an event frozen at ingestion was stored, when an alias sent it elsewhere.
  if (
    !rules.retroactive &&
    outcome.resolvedId !== null &&
    outcome.resolvedId !== outcome.derivedId &&
    outcome.resolvedId !== ''
  ) {
    note('stored-as', 'L-3', `Stored as ${label(outcome.resolvedId)}`);
  }
  if (outcome.retroactivelyUpdated) note('retroactive', rules.words.retroactiveRule, 'Retroactively updated');
  return notes;
}

/** The reasons behind one event's outcome, each naming its rule, for the explanation panel and the CLI. */
export function explainOutcome(
  outcome: EventOutcome,
  record: StoredRecord,
  view: ResolutionView,
  options: ResolveOptions,
  label: IdLabel = asIs,
  eventLabel: EventLabel = byPosition,
): Reason[] {
  const words = modeRules(view.mode).words;
  const byEvent = (index: number | undefined) =>
    index === undefined ? '' : ` by event ${eventLabel(index)}`;
  const lines = [derivationReason(outcome, label, words)];
  if (outcome.status === 'rejected') {
    lines.push(
      reason(
        'rejected',
        'LIM-1',
        `"${outcome.rejectedValue ?? ''}" is a placeholder the import API rejects; the event is kept but counted for no one (Q-12, ${options.blockedIdMatch} match).`,
      ),
    );
    return lines;
  }
  if (outcome.status === 'non-attributable') return lines;
  const context = { view, options, label, byEvent };
  lines.push(...words.identity(outcome, record, context));
  lines.push(words.resolution(outcome, context));
  return lines;
}

function derivationReason(o: EventOutcome, label: IdLabel, words: ModeWords): Reason {
  if (o.derivation === 'none') return words.noIdentity;
  const id = label(o.derivedId);
  if (o.derivation === 'distinct-id') return { ...words.distinctId(id), ids: [o.derivedId] };
  const [rule, text] = derivationWords(o, id, label);
  const ids = o.deviceKey === undefined ? [o.derivedId] : [o.derivedId, o.deviceKey];
  return reason('derivation', rule, text, { ids });
}

/** The rule and words for the derivations every mode shares (S-2, S-3 only arise where `$user_id` is read). */
function derivationWords(o: EventOutcome, id: string, label: IdLabel): [string, string] {
  switch (o.derivation) {
    case 'user-id':
      return [
        'S-2',
        o.deviceKey === undefined
          ? `$user_id ${id} is present, so the event's distinct_id is ${id}.`
          : `$user_id ${id} is present, so the event's distinct_id is ${id}; it also carries $device_id ${rawDevice(o.deviceKey, label)}.`,
      ];
    case 'device-id':
      return ['S-2', `no $user_id; $device_id ${rawDevice(o.derivedId, label)} gives distinct_id ${id}.`];
    case 'distinct-id-device':
      return [
        'S-3',
        `only distinct_id was sent; it starts with $device:, so it is read as device ${rawDevice(o.derivedId, label)}.`,
      ];
    case 'distinct-id-user':
      return [
        'S-3',
        `only distinct_id was sent; without the $device: prefix it is read as the user id ${id}, and Mixpanel adds $user_id.`,
      ];
    case 'identified-id':
      return ['Q-7', `$identify is attributed to its identified id ${id}.`];
    case 'merge-first-id':
      return [
        'Q-7',
        `$merge has no distinct_id, so it is attributed to its first $distinct_ids entry, ${id}.`,
      ];
    case 'distinct-id':
    case 'none':
      throw new RangeError(`${o.derivation} is worded by the mode`);
  }
}
