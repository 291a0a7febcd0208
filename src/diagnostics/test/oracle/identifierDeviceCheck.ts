// P-5: `$device_id` values that are real identifiers (phone numbers, emails, ids also sent as user ids).
import { makeFinding, type Check, type CheckContext, type Observation } from './check.ts';
import { explainIdentifierAsDevice, type IdentifierTally } from '../../explainIds.ts';
import { looksLikeEmail, looksLikePhone } from '../../idShapes.ts';
import { EventSample, IdSample } from '../../samples.ts';
import type { EventRef, Finding } from '../../types.ts';

type IdentifierKind = 'phone' | 'email' | 'userId';

/** One `$device_id` value: its first event and how many events sent it. */
interface DeviceTally {
  readonly first: EventRef;
  count: number;
}

export class IdentifierDeviceCheck implements Check {
  /** Every `$device_id` seen; a CRM id sent as `$device_id` may appear as a `$user_id` only later in the stream. */
  private readonly devices = new Map<string, DeviceTally>();

  constructor(private readonly context: CheckContext) {}

  observe({ ref, facts, outcome }: Observation): void {
    const device = facts.deviceId;
    if (device === undefined || outcome.status === 'rejected') return;
    const tally = this.devices.get(device);
    if (tally === undefined) this.devices.set(device, { first: ref, count: 1 });
    else tally.count++;
  }

  finish(): Finding[] {
    const { settings, mode } = this.context;
    const events = new EventSample(settings.eventSampleSize);
    const ids = new IdSample(settings.idSampleSize);
    const kinds: Record<IdentifierKind, number> = { phone: 0, email: 0, userId: 0 };
    for (const [device, tally] of this.devices) {
      const kind = this.identifierKind(device);
      if (kind === undefined) continue;
      kinds[kind]++;
      ids.add(device);
      events.add(tally.first, tally.count);
    }
    if (events.count === 0) return [];
    const explanation = explainIdentifierAsDevice(mode, kinds satisfies IdentifierTally, ids.ids, ids.size);
    // Map order is first-seen order, so each identifier's first event comes out in stream order.
    return [
      makeFinding('identifier-as-device-id', mode, {
        explanation,
        count: events.count,
        events: events.events,
        ids: ids.ids,
        idCount: ids.size,
      }),
    ];
  }

  private identifierKind(device: string): IdentifierKind | undefined {
    if (looksLikePhone(device)) return 'phone';
    if (looksLikeEmail(device)) return 'email';
    return this.context.knownUsers.has(device) ? 'userId' : undefined;
  }
}
