// Identity events that cannot do what they were sent for: identify with no event after it, special events ignored.
import { modeRules } from '../engine/index.ts';
import { makeFinding, type Check, type CheckContext, type EndOfStream, type Observation } from './check.ts';
import { explainIdentifyWithoutEvent, explainSpecialEvents } from './explainIdentity.ts';
import { deviceKeyOf, stripDevicePrefix } from './idShapes.ts';
import { EventSample, IdSample } from './samples.ts';
import type { EventRef, Finding } from './types.ts';

/** An `$identify` still waiting for an ordinary event with its pair. */
interface PendingIdentify {
  readonly ref: EventRef;
  readonly deviceKey: string;
  readonly user: string;
}

/** NUL cannot appear in a JSON-decoded id pair by accident, so it separates the two ids of a pair key. */
function pairKey(device: string, user: string): string {
  return `${device}\u0000${user}`;
}

/** P-3, S-7 (Simplified): an `$identify` whose device and user never travel together on an ordinary event. */
export class IdentifyWithoutEventCheck implements Check {
  private readonly pending = new Map<string, PendingIdentify>();

  constructor(private readonly context: CheckContext) {}

  observe(observation: Observation): void {
    const { facts, outcome } = observation;
    if (outcome.status === 'rejected') return;
    if (facts.name === '$identify') this.noteIdentify(observation);
    else if (!facts.isIdentityEvent && this.pending.size > 0 && facts.deviceId !== undefined) {
      // S-6: the first ordinary event with both ids makes the link; the $identify is then accounted for.
      if (facts.userId !== undefined) this.pending.delete(pairKey(facts.deviceId, facts.userId));
    }
  }

  private noteIdentify({ ref, facts }: Observation): void {
    // The SDK's $identify carries $device_id and $user_id (SDK-7); the API form names $anon_id / $identified_id.
    const anon = facts.anonId === undefined ? undefined : stripDevicePrefix(facts.anonId);
    const device = facts.deviceId ?? anon;
    const user = facts.identifiedId ?? facts.userId;
    if (device === undefined || user === undefined) return;
    const deviceKey = deviceKeyOf(device, this.context.options);
    // Already linked by an earlier event: identify() on a returning session needs nothing more.
    if (this.context.live.canonicalOf(deviceKey) === user) return;
    const key = pairKey(device, user);
    if (!this.pending.has(key)) this.pending.set(key, { ref, deviceKey, user });
  }

  finish({ view }: EndOfStream): Finding[] {
    const { settings, mode } = this.context;
    const events = new EventSample(settings.eventSampleSize);
    const users = new IdSample(settings.idSampleSize);
    for (const waiting of this.pending.values()) {
      if (view.canonicalOf(waiting.deviceKey) === waiting.user) continue;
      events.add(waiting.ref);
      users.add(waiting.user);
    }
    if (events.count === 0) return [];
    const explanation = explainIdentifyWithoutEvent(events.count, users.ids, users.size);
    const body = {
      explanation,
      count: events.count,
      events: events.events,
      ids: users.ids,
      idCount: users.size,
    };
    return [makeFinding('identify-without-event', mode, body)];
  }
}

/**
 * S-8, P-4 (Simplified) and L-5 (Legacy): special events the mode ignores. The SDK's own `$identify` (which has
 * `$anon_distinct_id`, not `$anon_id` / `$identified_id`) is sent on every mode and harms nothing, so only the API
 * form counts; `$create_alias` counts on Simplified, where even the SDK's alias() does nothing (S-8).
 */
export class SpecialEventCheck implements Check {
  readonly scope = 'identity-event';
  private readonly events: EventSample;
  private readonly byName = new Map<string, number>();

  constructor(private readonly context: CheckContext) {
    this.events = new EventSample(context.settings.eventSampleSize);
  }

  observe(observation: Observation): void {
    const { record, facts } = observation;
    if (!facts.isIdentityEvent || !this.hasNoEffect(facts.name, record.event.properties)) return;
    this.events.add(observation.ref);
    this.byName.set(facts.name, (this.byName.get(facts.name) ?? 0) + 1);
  }

  private hasNoEffect(name: string, properties: Readonly<Record<string, unknown>>): boolean {
    if (name === '$identify')
      return properties['$identified_id'] !== undefined || properties['$anon_id'] !== undefined;
    if (name === '$merge') return true;
    return !modeRules(this.context.mode).identityEventLinks(name);
  }

  finish(): Finding[] {
    if (this.events.count === 0) return [];
    const { mode } = this.context;
    const explanation = explainSpecialEvents(mode, this.byName);
    return [
      makeFinding('special-event-no-effect', mode, {
        explanation,
        count: this.events.count,
        events: this.events.events,
      }),
    ];
  }
}
