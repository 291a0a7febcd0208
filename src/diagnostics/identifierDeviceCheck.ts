// P-5: `$device_id` values that are real identifiers (phone numbers, emails, ids also sent as user ids).
import { Int32Column } from '../engine/index.ts';
import { makeFinding, type Check, type CheckContext, type Observation } from './check.ts';
import { explainIdentifierAsDevice, type IdentifierTally } from './explainIds.ts';
import { looksLikeEmail, looksLikePhone } from './idShapes.ts';
import { EventSample, IdSample } from './samples.ts';
import type { EventRef, Finding } from './types.ts';

type IdentifierKind = 'phone' | 'email' | 'userId';

/** One `$device_id` value (by device number): its first event and how many events sent it. */
interface DeviceTally {
  readonly device: number;
  readonly first: EventRef;
  count: number;
}

export class IdentifierDeviceCheck implements Check {
  /**
   * Every `$device_id` seen, in first-seen order, so each identifier's first event comes out in stream order; a
   * CRM id sent as `$device_id` may appear as a `$user_id` only later in the stream, so each is judged at the end.
   */
  private readonly tallies: DeviceTally[] = [];
  /** By device number (issue #14: no string Map per event): the device's place in `tallies` plus one; 0 = unseen. */
  private readonly slots = new Int32Column();

  constructor(private readonly context: CheckContext) {}

  observe(observation: Observation): void {
    if (observation.facts.deviceId === undefined || observation.outcome.status === 'rejected') return;
    const device = observation.sentDeviceNumber;
    const slot = this.slots.get(device);
    const tally = slot === 0 ? undefined : this.tallies[slot - 1];
    if (tally !== undefined) {
      tally.count++;
      return;
    }
    this.tallies.push({ device, first: observation.ref, count: 1 });
    this.slots.set(device, this.tallies.length);
  }

  finish(): Finding[] {
    const { settings, mode } = this.context;
    const events = new EventSample(settings.eventSampleSize);
    const ids = new IdSample(settings.idSampleSize);
    const kinds: Record<IdentifierKind, number> = { phone: 0, email: 0, userId: 0 };
    for (const tally of this.tallies) {
      const device = this.context.devices.textOf(tally.device);
      const kind = this.identifierKind(device);
      if (kind === undefined) continue;
      kinds[kind]++;
      ids.add(device);
      events.add(tally.first, tally.count);
    }
    if (events.count === 0) return [];
    const explanation = explainIdentifierAsDevice(mode, kinds satisfies IdentifierTally, ids.ids, ids.size);
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
