// Checks that judge each event on its own: placeholder ids, missing identity, email user ids, prefixed device ids.
import { DEVICE_PREFIX, looksAnonymous, modeRules } from '../engine/index.ts';
import { makeFinding, type Check, type CheckContext, type Observation } from './check.ts';
import {
  explainDevicePrefixed,
  explainEmail,
  explainNoIdentity,
  explainPlaceholder,
  explainPlaceholderLike,
} from './explainIds.ts';
import { RememberedTest } from './columns.ts';
import { looksLikeEmail, looksLikePlaceholder, stripDevicePrefix } from './idShapes.ts';
import { EventSample, IdSample } from './samples.ts';
import type { Finding } from './types.ts';

/** Most events flag nothing: one shared empty answer keeps a million events from allocating a million arrays. */
const NONE: readonly string[] = [];

/** Adds a flagged `id` to an event's flagged ids, keeping candidate order and each id once; allocates on the first. */
function withFlagged(found: string[] | undefined, id: string): string[] {
  if (found === undefined) return [id];
  if (!found.includes(id)) found.push(id);
  return found;
}

/** LIM-1, Q-12, P-8: an id that reads as a placeholder, with or without the `$device:` prefix. */
function isPlaceholder(id: string): boolean {
  return id !== '' && looksLikePlaceholder(stripDevicePrefix(id));
}

/** P-2: an id shaped like an email. */
function isEmail(id: string | undefined): id is string {
  return id !== undefined && id !== '' && looksLikeEmail(id);
}

/** A check that collects matching events and the ids that made them match into one finding. */
abstract class SampledCheck implements Check {
  protected readonly events: EventSample;
  protected readonly ids: IdSample;

  constructor(protected readonly context: CheckContext) {
    this.events = new EventSample(context.settings.eventSampleSize);
    this.ids = new IdSample(context.settings.idSampleSize);
  }

  /** The ids of this event that the check flags; none means the event is fine. */
  protected abstract flaggedIds(observation: Observation): readonly string[];

  protected abstract report(): Finding;

  observe(observation: Observation): void {
    const flagged = this.flaggedIds(observation);
    if (flagged.length === 0) return;
    this.events.add(observation.ref);
    for (const id of flagged) this.ids.add(id);
  }

  finish(): Finding[] {
    return this.events.count === 0 ? [] : [this.report()];
  }

  protected body(explanation: string) {
    return {
      explanation,
      count: this.events.count,
      events: this.events.events,
      ids: this.ids.ids,
      idCount: this.ids.size,
    };
  }
}

/** LIM-1: the engine rejected the event because its distinct_id or `$insert_id` is on the placeholder list. */
export class PlaceholderCheck extends SampledCheck {
  readonly scope = 'rejected';
  protected flaggedIds({ outcome }: Observation): readonly string[] {
    return outcome.status === 'rejected' && outcome.rejectedValue !== undefined
      ? [outcome.rejectedValue]
      : NONE;
  }

  protected report(): Finding {
    const explanation = explainPlaceholder(this.ids.ids, this.ids.size);
    return makeFinding('placeholder-id', this.context.mode, this.body(explanation));
  }
}

/** LIM-1, Q-12, P-8: accepted ids that read as placeholders; on Simplified `$device_id`/`$user_id` count too. */
export class PlaceholderLikeCheck extends SampledCheck {
  /** Ids tested once each (issue #14): derived ids by engine number, devices by device number. */
  private readonly derivedTests = new RememberedTest();
  private readonly deviceTests = new RememberedTest();
  private readonly readsDeviceAndUserIds = modeRules(this.context.mode).readsDeviceAndUserIds;

  protected flaggedIds(observation: Observation): readonly string[] {
    const { facts, outcome } = observation;
    if (outcome.status !== 'attributed') return NONE;
    if (!this.readsDeviceAndUserIds)
      return this.derivedIsPlaceholder(observation) ? [outcome.derivedId] : NONE;
    // S-1: on Simplified a sent distinct_id only counts when it is what the id was derived from (S-3).
    const fromSent = outcome.derivation === 'distinct-id-user' || outcome.derivation === 'distinct-id-device';
    let found = facts.userId !== undefined && isPlaceholder(facts.userId) ? [facts.userId] : undefined;
    if (facts.deviceId !== undefined && this.deviceIsPlaceholder(observation))
      found = withFlagged(found, facts.deviceId);
    if (fromSent && this.derivedIsPlaceholder(observation)) found = withFlagged(found, outcome.derivedId);
    return found ?? NONE;
  }

  private derivedIsPlaceholder({ derivedKey, outcome }: Observation): boolean {
    // NO_ID: no derived id ('').
    if (derivedKey < 0) return false;
    const known = this.derivedTests.known(derivedKey);
    return known ?? this.derivedTests.remember(derivedKey, isPlaceholder(outcome.derivedId));
  }

  /** Called only when the event has a `$device_id`. */
  private deviceIsPlaceholder({ sentDeviceNumber, facts }: Observation): boolean {
    const known = this.deviceTests.known(sentDeviceNumber);
    return known ?? this.deviceTests.remember(sentDeviceNumber, isPlaceholder(facts.deviceId ?? ''));
  }

  protected report(): Finding {
    const explanation = explainPlaceholderLike(this.ids.ids, this.ids.size, this.context.mode);
    return makeFinding('placeholder-like-id', this.context.mode, this.body(explanation));
  }
}

/** LIM-2, LIM-3: events the mode can attribute to no one. */
export class NoIdentityCheck implements Check {
  readonly scope = 'non-attributable';
  private readonly events: EventSample;
  private empty = 0;
  private unreadIds = 0;

  constructor(private readonly context: CheckContext) {
    this.events = new EventSample(context.settings.eventSampleSize);
  }

  observe(observation: Observation): void {
    const { facts, outcome } = observation;
    // Identity events carry no activity; when they fail or do nothing, the refusal and no-effect checks say so.
    if (outcome.status !== 'non-attributable' || facts.isIdentityEvent) return;
    this.events.add(observation.ref);
    if (facts.distinctId === '') this.empty++;
    // O-1: Original and Legacy read only distinct_id, so a $user_id or $device_id here goes unread.
    if (facts.userId !== undefined || facts.deviceId !== undefined) this.unreadIds++;
  }

  finish(): Finding[] {
    const count = this.events.count;
    if (count === 0) return [];
    const tally = { empty: this.empty, missing: count - this.empty, unreadIds: this.unreadIds };
    const explanation = explainNoIdentity(this.context.mode, tally);
    return [
      makeFinding('no-usable-identity', this.context.mode, {
        explanation,
        count,
        events: this.events.events,
      }),
    ];
  }
}

/** P-2: user ids shaped like an email, wherever the event names a user id. */
export class EmailUserIdCheck extends SampledCheck {
  /** Derived ids tested once each, by engine number (issue #14). */
  private readonly derivedTests = new RememberedTest();

  protected flaggedIds(observation: Observation): readonly string[] {
    const { facts, outcome } = observation;
    if (outcome.status === 'rejected') return NONE;
    let found = isEmail(facts.userId) ? [facts.userId] : undefined;
    if (isEmail(facts.identifiedId)) found = withFlagged(found, facts.identifiedId);
    if (isEmail(facts.alias)) found = withFlagged(found, facts.alias);
    if (this.derivedIsEmailUser(observation)) found = withFlagged(found, outcome.derivedId);
    return found ?? NONE;
  }

  /** The derived id counts when it names a user, not an anonymous device. */
  private derivedIsEmailUser({ derivedKey, outcome }: Observation): boolean {
    if (derivedKey < 0) return false;
    const known = this.derivedTests.known(derivedKey);
    if (known !== undefined) return known;
    const derived = outcome.derivedId;
    return this.derivedTests.remember(derivedKey, !looksAnonymous(derived) && isEmail(derived));
  }

  protected report(): Finding {
    const explanation = explainEmail(this.context.mode, this.ids.ids, this.ids.size);
    return makeFinding('email-user-id', this.context.mode, this.body(explanation));
  }
}

/** a `$device_id` that already carries the `$device:` prefix (Simplified only reads `$device_id`). */
export class DevicePrefixCheck extends SampledCheck {
  protected flaggedIds({ facts }: Observation): readonly string[] {
    return facts.deviceId?.startsWith(DEVICE_PREFIX) === true ? [facts.deviceId] : NONE;
  }

  protected report(): Finding {
    const explanation = explainDevicePrefixed(this.context.options, this.ids.ids, this.ids.size);
    return makeFinding('device-id-prefixed', this.context.mode, this.body(explanation));
  }
}
