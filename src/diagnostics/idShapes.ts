// How ids look: emails, phone numbers, placeholders, and who (device, user) an ordinary event speaks for.
import {
  BLOCKED_IDS,
  DEVICE_PREFIX,
  looksAnonymous,
  modeRules,
  type EventFacts,
  type Mode,
  type ResolveOptions,
} from '../engine/index.ts';

/** P-2: a deliberately simple shape, something@something.tld with no spaces; it is a hint, not validation. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function looksLikeEmail(id: string): boolean {
  // The shape needs an "@"; looking for one first spares most ids the pattern (every party of every event).
  return id.includes('@') && EMAIL.test(id);
}

/** P-5: E.164-ish: a leading "+", then 7–15 digits, optionally grouped by spaces, dots, dashes or parentheses. */
const PHONE = /^\+[0-9][0-9 ().-]*[0-9]$/;

export function looksLikePhone(id: string): boolean {
  // Asked of every device at the end of a lint (issue #14): the leading "+" is looked for before the pattern.
  if (id.charCodeAt(0) !== 0x2b || !PHONE.test(id)) return false;
  const digits = id.replace(/[^0-9]/g, '').length;
  return digits >= 7 && digits <= 15;
}

/**
 * Values other vendors and real streams use as "no id" (research §5.6), beyond LIM-1's own list: Mixpanel accepts
 * them, and every event carrying one lands on a single shared id (P-8).
 */
export const SUSPECT_IDS: ReadonlySet<string> = new Set([
  'nan',
  '[object object]',
  'guest',
  'id',
  'user_id',
  'userid',
  'distinct_id',
  'device_id',
  'email',
]);

/** Lengths of the named placeholders (LIM-1's list and the suspects). */
const PLACEHOLDER_LENGTHS: ReadonlySet<number> = new Set(
  [...BLOCKED_IDS, ...SUSPECT_IDS].map((id) => id.length),
);
const ZEROS_AND_DASHES = /^[0-]+$/;

/** A value that reads as a placeholder: LIM-1's list in any letter case, the suspects above, or only 0s and dashes. */
export function looksLikePlaceholder(id: string): boolean {
  const first = id.charCodeAt(0);
  if ((first === 0x30 || first === 0x2d) && ZEROS_AND_DASHES.test(id)) return true;
  // Checked for every party of every event (issue #14): most ids are not of a placeholder's length, so they skip
  // lower-casing. Lower-casing keeps a string's length but for U+0130, whose lower case holds U+0307, which no
  // placeholder does (src/diagnostics/idShapes.test.ts checks the shortcut against the plain definition).
  if (!PLACEHOLDER_LENGTHS.has(id.length)) return false;
  const lower = id.toLowerCase();
  return BLOCKED_IDS.has(lower) || SUSPECT_IDS.has(lower);
}

/** The `$device:` key Mixpanel files a raw device id under (S-4), honouring the Q-8 option like the engine does. */
export function deviceKeyOf(rawDevice: string, options: ResolveOptions): string {
  if (options.devicePrefix === 'strip' && rawDevice.startsWith(DEVICE_PREFIX)) return rawDevice;
  return DEVICE_PREFIX + rawDevice;
}

/** A raw device id from an id that may carry the `$device:` prefix. */
export function stripDevicePrefix(id: string): string {
  return id.startsWith(DEVICE_PREFIX) ? id.slice(DEVICE_PREFIX.length) : id;
}

/** Who an ordinary event speaks for: the device that sent it and the user, if any, it names. */
export interface Parties {
  readonly device: string | undefined;
  readonly user: string | undefined;
}

/**
 * Reads the device and user of an ordinary event, in any mode: the SDK sends `$device_id` and `$user_id` on every
 * mode (G-10), so they tell who used a device even where the mode ignores them. Without them, a sent distinct_id
 * counts: on Simplified as S-3 reads it; elsewhere anonymous-looking ids are devices and the rest are users.
 */
export function readParties(facts: EventFacts, mode: Mode): Parties {
  const parties: { device: string | undefined; user: string | undefined } = {
    device: undefined,
    user: undefined,
  };
  readPartiesInto(parties, facts, mode);
  return parties;
}

/** `readParties` written into `parties`, for a reader that reuses one object for every event (issue #14). */
export function readPartiesInto(
  parties: { device: string | undefined; user: string | undefined },
  facts: EventFacts,
  mode: Mode,
): void {
  const sent = facts.distinctId === '' ? undefined : facts.distinctId;
  if (modeRules(mode).readsDeviceAndUserIds) {
    const sentDevice = sent?.startsWith(DEVICE_PREFIX) === true;
    // S-1: a sent distinct_id is overridden as soon as $device_id is present.
    const sentUser = sent !== undefined && !sentDevice && facts.deviceId === undefined ? sent : undefined;
    parties.device =
      facts.deviceId ?? (sentDevice && sent !== undefined ? stripDevicePrefix(sent) : undefined);
    parties.user = facts.userId ?? sentUser;
    return;
  }
  // Whether the sent id looks anonymous matters only when $device_id or $user_id is missing (most SDK events
  // carry both): asked then, not for every event.
  parties.device =
    facts.deviceId ?? (sent !== undefined && looksAnonymous(sent) ? stripDevicePrefix(sent) : undefined);
  parties.user = facts.userId ?? (sent !== undefined && !looksAnonymous(sent) ? sent : undefined);
}
