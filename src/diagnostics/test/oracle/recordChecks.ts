// Checks that judge each event on its own: placeholder ids, missing identity, email user ids, prefixed device ids.
import { DEVICE_PREFIX, looksAnonymous, modeRules } from '../../../engine/index.ts';
import { makeFinding, type Check, type CheckContext, type Observation } from './check.ts';
import {
  explainDevicePrefixed,
  explainEmail,
  explainNoIdentity,
  explainPlaceholder,
  explainPlaceholderLike,
} from '../../explainIds.ts';
import { looksLikeEmail, looksLikePlaceholder, stripDevicePrefix } from '../../idShapes.ts';
import { EventSample, IdSample } from '../../samples.ts';
import type { Finding } from '../../types.ts';

/** Most events flag nothing: one shared empty answer keeps a million events from allocating a million arrays. */
const NONE: readonly string[] = [];

/** The ids among `candidates` that `flag` flags, without allocating when there are none. */
function flagged(
  candidates: ReadonlyArray<string | undefined>,
  flag: (id: string) => boolean,
): readonly string[] {
  let found: string[] | undefined;
  for (const id of candidates) {
    if (id !== undefined && id !== '' && flag(id) && found?.includes(id) !== true) (found ??= []).push(id);
  }
  return found ?? NONE;
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
  protected flaggedIds({ facts, outcome }: Observation): readonly string[] {
    if (outcome.status !== 'attributed') return NONE;
    const isPlaceholder = (id: string) => looksLikePlaceholder(stripDevicePrefix(id));
    if (!modeRules(this.context.mode).readsDeviceAndUserIds)
      return flagged([outcome.derivedId], isPlaceholder);
    // S-1: on Simplified a sent distinct_id only counts when it is what the id was derived from (S-3).
    const fromSent = outcome.derivation === 'distinct-id-user' || outcome.derivation === 'distinct-id-device';
    return flagged([facts.userId, facts.deviceId, fromSent ? outcome.derivedId : undefined], isPlaceholder);
  }

  protected report(): Finding {
    const explanation = explainPlaceholderLike(this.ids.ids, this.ids.size, this.context.mode);
    return makeFinding('placeholder-like-id', this.context.mode, this.body(explanation));
  }
}

/** LIM-2, LIM-3: events the mode can attribute to no one. */
export class NoIdentityCheck implements Check {
  private readonly events: EventSample;
  private empty = 0;
  private unreadIds = 0;

  constructor(private readonly context: CheckContext) {
    this.events = new EventSample(context.settings.eventSampleSize);
  }

  observe({ ref, facts, outcome }: Observation): void {
    // Identity events carry no activity; when they fail or do nothing, the refusal and no-effect checks say so.
    if (outcome.status !== 'non-attributable' || facts.isIdentityEvent) return;
    this.events.add(ref);
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
  protected flaggedIds({ facts, outcome }: Observation): readonly string[] {
    if (outcome.status === 'rejected') return NONE;
    const derived = outcome.derivedId;
    const derivedUser = derived !== '' && !looksAnonymous(derived) ? derived : undefined;
    return flagged([facts.userId, facts.identifiedId, facts.alias, derivedUser], looksLikeEmail);
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
