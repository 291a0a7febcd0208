// Shared devices (P-1): one device id under several users, and the anonymous events caught between them.
import { Int32Column } from '../engine/index.ts';
import type { ResolutionView } from '../engine/index.ts';
import {
  isOrdinaryAttributed,
  makeFinding,
  type Check,
  type CheckContext,
  type EndOfStream,
  type Observation,
} from './check.ts';
import {
  explainDeviceTwoUsers,
  explainDeviceUsersMerged,
  explainHandover,
  type Handover,
  type SharedDevice,
} from './explainIdentity.ts';
import { EventSample, IdSample, TaggedSample } from './samples.ts';
import type { EventRef, Finding } from './types.ts';

/** Enough other users per device to tell whether any was merged with the first; more add nothing to the finding. */
const OTHER_USERS_KEPT = 8;

/** Anonymous events on a device since its last user: candidates for a handover. */
interface AnonymousRun {
  readonly first: EventRef;
  readonly derivedId: string;
  count: number;
}

/** What one device has shown; kept only for devices seen with a user, so memory follows ids, not events. */
interface DeviceUse {
  readonly device: string;
  readonly firstUser: string;
  lastUser: string;
  readonly otherUsers: string[];
  /** Events naming a user other than the first. */
  conflicts: number;
  run: AnonymousRun | undefined;
}

export class SharedDeviceCheck implements Check {
  /** Devices seen with a user, in first-seen order (the order findings list them in). */
  private readonly uses: DeviceUse[] = [];
  /** By device number (issue #14: no string Map per event): the device's place in `uses` plus one; 0 = none. */
  private readonly slots = new Int32Column();
  private readonly conflictEvents: TaggedSample;
  private readonly handoverEvents: EventSample;
  private readonly handoverDevices: IdSample;
  private handoverRuns = 0;
  private handoverExample: Handover | undefined;

  constructor(private readonly context: CheckContext) {
    const { eventSampleSize, idSampleSize } = context.settings;
    this.conflictEvents = new TaggedSample(eventSampleSize);
    this.handoverEvents = new EventSample(eventSampleSize);
    this.handoverDevices = new IdSample(idSampleSize);
  }

  observe(observation: Observation): void {
    // Identity events repeat the pair of the ordinary events around them; only ordinary events show usage.
    if (!isOrdinaryAttributed(observation)) return;
    const { device, user } = observation.parties;
    if (device === undefined) return;
    const number = observation.deviceNumber;
    const slot = this.slots.get(number);
    const use = slot === 0 ? undefined : this.uses[slot - 1];
    if (user === undefined) {
      if (use !== undefined) extendRun(use, observation);
      return;
    }
    if (use === undefined) {
      this.uses.push({
        device,
        firstUser: user,
        lastUser: user,
        otherUsers: [],
        conflicts: 0,
        run: undefined,
      });
      this.slots.set(number, this.uses.length);
      return;
    }
    if (user !== use.firstUser) this.noteConflict(use, device, user, observation.ref);
    if (use.run !== undefined && user !== use.lastUser) this.judgeRun(use.run, use, device, user);
    use.run = undefined;
    use.lastUser = user;
  }

  private noteConflict(use: DeviceUse, device: string, user: string, ref: EventRef): void {
    use.conflicts++;
    if (use.otherUsers.length < OTHER_USERS_KEPT && !use.otherUsers.includes(user)) use.otherUsers.push(user);
    this.conflictEvents.add(ref, device);
  }

  /**
   * SC-S5, P-1: anonymous events between one user and a different next user are reported only when they resolve
   * to an earlier user of the device. Judged now, when the next user appears: Simplified's first link (under the
   * default ingestion order, Q-1) and Original's merges never move an id out of a cluster afterwards (S-6, O-4).
   */
  private judgeRun(run: AnonymousRun, use: DeviceUse, device: string, nextUser: string): void {
    const { live } = this.context;
    const owner = live.canonicalOf(run.derivedId);
    const earlier = owner === live.canonicalOf(use.lastUser) || owner === live.canonicalOf(use.firstUser);
    if (!earlier || owner === live.canonicalOf(nextUser)) return;
    this.handoverEvents.add(run.first, run.count);
    this.handoverDevices.add(device);
    this.handoverRuns++;
    this.handoverExample ??= { device, earlier: use.lastUser, later: nextUser };
  }

  finish({ view }: EndOfStream): Finding[] {
    return [...this.sharedDeviceFindings(view), ...this.handoverFindings()];
  }

  private sharedDeviceFindings(view: ResolutionView): Finding[] {
    const { mode, settings } = this.context;
    const split = {
      merged: new SharedSet(settings.idSampleSize),
      apart: new SharedSet(settings.idSampleSize),
    };
    for (const use of this.uses) {
      if (use.conflicts === 0) continue;
      const { device } = use;
      const owner = view.canonicalOf(use.firstUser);
      const merged = use.otherUsers.some((user) => view.canonicalOf(user) === owner);
      (merged ? split.merged : split.apart).add(device, use);
    }
    const findings: Finding[] = [];
    const { merged, apart } = split;
    if (merged.example !== undefined) {
      const explanation = explainDeviceUsersMerged(mode, merged.example, merged.devices.size);
      findings.push(makeFinding('device-users-merged', mode, merged.body(explanation, this.conflictEvents)));
    }
    if (apart.example !== undefined) {
      const explanation = explainDeviceTwoUsers(mode, apart.example, apart.devices.size);
      findings.push(makeFinding('device-two-users', mode, apart.body(explanation, this.conflictEvents)));
    }
    return findings;
  }

  private handoverFindings(): Finding[] {
    const example = this.handoverExample;
    if (example === undefined) return [];
    const { mode } = this.context;
    const events = this.handoverEvents;
    const explanation = explainHandover(mode, example, this.handoverRuns, events.count);
    const ids = this.handoverDevices;
    return [
      makeFinding('anonymous-handover', mode, {
        explanation,
        count: events.count,
        events: events.events,
        ids: ids.ids,
        idCount: ids.size,
      }),
    ];
  }
}

function extendRun(use: DeviceUse, observation: Observation): void {
  // `ref` is built on each read of it: read only when the run starts.
  use.run ??= { first: observation.ref, derivedId: observation.outcome.derivedId, count: 0 };
  use.run.count++;
}

/** The shared devices of one kind (merged, or kept apart), with a first example for the explanation. */
class SharedSet {
  readonly devices: IdSample;
  private readonly keys = new Set<string>();
  private conflicts = 0;
  example: SharedDevice | undefined;

  constructor(idSampleSize: number) {
    this.devices = new IdSample(idSampleSize);
  }

  add(device: string, use: DeviceUse): void {
    this.devices.add(device);
    this.keys.add(device);
    this.conflicts += use.conflicts;
    this.example ??= { device, users: [use.firstUser, ...use.otherUsers] };
  }

  body(explanation: string, events: TaggedSample) {
    return {
      explanation,
      count: this.conflicts,
      events: events.refsWhere((device) => this.keys.has(device)),
      ids: this.devices.ids,
      idCount: this.devices.size,
    };
  }
}
