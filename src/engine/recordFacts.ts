// Builders for what the ledger keeps per record: facts in column form, and refused attempts with their own texts.
import type { MutableRecordFacts, RecordFacts, RecordKind } from './receipts.ts';
import type { EventFacts } from './facts.ts';
import { NO_ID, ownCopy } from './idTable.ts';
import type { DerivedIdentity } from './kernel.ts';
import type { FailedAttempt, Failure, RecordOrigin } from './types.ts';

/** The record's kind from its derivation: rejected (LIM-1), non-attributable (LIM-2) or an event. */
export function kindOf(derived: DerivedIdentity, rejectedValue: string | undefined): RecordKind {
  if (rejectedValue !== undefined) return 'rejected';
  return derived.id === NO_ID ? 'non-attributable' : 'event';
}

/**
 * The stored facts of an event record, written into `into` (the ledger's one object, copied into receipts before the
 * next record): its derived id, device key and identity-event fields, as numbers.
 */
export function eventFacts(
  into: MutableRecordFacts,
  facts: EventFacts,
  derived: DerivedIdentity,
  rejectedValue: string | undefined,
  frozenId: number,
  newDevice: RecordFacts['newDevice'],
  origin: RecordOrigin | undefined,
): RecordFacts {
  into.kind = kindOf(derived, rejectedValue);
  into.name = facts.name;
  into.isIdentityEvent = facts.isIdentityEvent;
  into.derivedId = derived.id;
  into.derivation = derived.derivation;
  into.deviceKey = derived.deviceKey;
  into.frozenId = frozenId;
  into.rejectedValue = rejectedValue;
  into.newDevice = newDevice;
  into.origin = origin;
  return into;
}

/** The stored facts of a profile update, written into `into`: the literal id (S-16) and the key it lands on (O-17). */
export function profileFacts(
  into: MutableRecordFacts,
  literalId: number,
  key: number,
  origin: RecordOrigin | undefined,
): RecordFacts {
  into.kind = 'profile';
  into.name = '$profile';
  into.isIdentityEvent = false;
  into.derivedId = literalId;
  into.derivation = literalId === NO_ID ? 'none' : 'distinct-id';
  into.deviceKey = NO_ID;
  into.frozenId = key;
  into.rejectedValue = undefined;
  into.newDevice = undefined;
  into.origin = origin;
  return into;
}

/**
 * A refused attempt as kept for the rest of the run. Its texts are copied: read from a big chunk of a file, they
 * would otherwise keep the whole chunk alive for every refusal (memory must follow ids, not the file).
 */
export function keptAttempt(index: number, facts: EventFacts, failure: Failure): FailedAttempt {
  const { from, to } = attemptedPair(facts);
  return {
    eventIndex: index,
    from: from === undefined ? undefined : ownCopy(from),
    to: to === undefined ? undefined : ownCopy(to),
    failure: { ...failure, description: ownCopy(failure.description) },
  };
}

/** The two ids an identity event asked to link: the joining id first. */
function attemptedPair(facts: EventFacts): { from: string | undefined; to: string | undefined } {
  switch (facts.name) {
    case '$identify':
      return { from: facts.anonId, to: facts.identifiedId };
    case '$create_alias':
      return { from: facts.alias, to: facts.distinctId };
    case '$merge':
      return { from: facts.mergeIds?.[1], to: facts.mergeIds?.[0] };
    default:
      return { from: undefined, to: undefined };
  }
}
