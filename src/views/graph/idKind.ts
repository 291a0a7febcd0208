// Which kind of id a node shows: a device id, a user id, or another distinct_id, in the words of each mode.
import {
  isDeviceKey,
  looksAnonymous,
  modeRules,
  type Link,
  type ResolutionView,
} from '../../engine/index.ts';

export type IdKind = 'device' | 'user' | 'other';

export const ID_KIND_TEXT: Readonly<Record<IdKind, string>> = {
  device: 'device id',
  user: 'user id',
  other: 'distinct_id',
};

/** Tells an id's kind from its shape and how the stream used it. */
export type IdKindOf = (id: string) => IdKind;

/**
 * Simplified: a `$device:` key is a device, anything else a user id (S-3, S-4).
 * Original and Legacy have no `$user_id`, so GUID-shaped ids (and the SDK's generated ids) read as devices, as the
 * engine reads them; a non-GUID id used only as an `$identify` anon id is "other" (e.g. a backend's anon123).
 */
export function idKindsOf(final: ResolutionView, generatedDeviceIds: ReadonlySet<string>): IdKindOf {
  if (modeRules(final.mode).readsDeviceAndUserIds) return (id) => (isDeviceKey(id) ? 'device' : 'user');
  const anonOnly = anonymousSides(final);
  return (id) => {
    if (looksAnonymous(id) || generatedDeviceIds.has(id)) return 'device';
    return anonOnly.has(id) ? 'other' : 'user';
  };
}

/** Ids that were the anonymous side of an `$identify` (made or refused) and never the identified side. */
function anonymousSides(final: ResolutionView): Set<string> {
  const identifies: Array<Pick<Link, 'from' | 'to'>> = final.links().filter((l) => l.kind === 'identify');
  for (const attempt of final.failedAttempts()) {
    // O-7 is $identify's own validation; other refusals (alias, merge, cap) say nothing about which side is anonymous.
    if (attempt.failure.rule === 'O-7' && attempt.from !== undefined && attempt.to !== undefined)
      identifies.push({ from: attempt.from, to: attempt.to });
  }
  const identified = new Set(identifies.map((link) => link.to));
  return new Set(identifies.map((link) => link.from).filter((id) => !identified.has(id)));
}
