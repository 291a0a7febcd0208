// Does a scenario inferred from a log replay to the same identity fields, record for record (device ids aside)?
import type { StreamRecord } from '../engine/index.ts';
import { IDENTITY_FIELDS } from './fromLog.ts';
import { playScenario } from './play.ts';
import type { Scenario } from './types.ts';

/** Where the replay first differs from the log: the record number (1-based) and what differs. */
export interface ReplayDifference {
  readonly record: number;
  readonly difference: string;
}

const DEVICE_PREFIX = '$device:';
const PROFILE_FIELDS = ['$distinct_id', '$device_id', '$user_id'] as const;

/**
 * Plays `scenario` through the simulator and compares each record it sends with the log's: kind, event name,
 * channel, profile operations and every identity field. Device ids are random on both sides, so each log device id
 * is paired with the simulator's id found at the same place, and must then stay paired (one to one).
 */
export function replayDifferences(log: readonly StreamRecord[], scenario: Scenario): ReplayDifference[] {
  const played = playScenario(scenario).records;
  const pairs = new DevicePairs();
  const differences: ReplayDifference[] = [];
  const count = Math.max(log.length, played.length);
  for (let index = 0; index < count && differences.length < 20; index++) {
    const difference = compare(log[index], played[index], pairs);
    if (difference !== undefined) differences.push({ record: index + 1, difference });
  }
  return differences;
}

function compare(
  logged: StreamRecord | undefined,
  replayed: StreamRecord | undefined,
  pairs: DevicePairs,
): string | undefined {
  if (logged === undefined || replayed === undefined)
    return logged === undefined
      ? 'the replay sends a record the log does not have'
      : 'the replay sends nothing here';
  if (logged.kind !== replayed.kind)
    return `the log has a ${logged.kind} record, the replay a ${replayed.kind}`;
  if (logged.kind === 'event' && replayed.kind === 'event') {
    if (logged.event.event !== replayed.event.event)
      return `event "${logged.event.event}" was replayed as "${replayed.event.event}"`;
    if ((logged.event.channel ?? 'import') !== (replayed.event.channel ?? 'import'))
      return 'the channel differs';
    return compareFields(logged.event.properties, replayed.event.properties, IDENTITY_FIELDS, pairs);
  }
  if (logged.kind === 'profile' && replayed.kind === 'profile') {
    const operations = (update: object) =>
      Object.keys(update).filter(
        (key) => key.startsWith('$') && !PROFILE_FIELDS.includes(key as never) && key !== '$token',
      );
    if (operations(logged.update).join() !== operations(replayed.update).join())
      return 'the profile operation differs';
    return compareFields(logged.update, replayed.update, PROFILE_FIELDS, pairs);
  }
  return undefined;
}

function compareFields(
  logged: Readonly<Record<string, unknown>>,
  replayed: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  pairs: DevicePairs,
): string | undefined {
  const loggedDevice = logged['$device_id'];
  const replayedDevice = replayed['$device_id'];
  if (
    typeof loggedDevice === 'string' &&
    typeof replayedDevice === 'string' &&
    !pairs.pair(loggedDevice, replayedDevice)
  )
    return `device id ${loggedDevice} was replayed by a device already paired with another id`;
  for (const field of fields) {
    const expected = JSON.stringify(pairs.translate(logged[field]));
    const actual = JSON.stringify(replayed[field]);
    if (expected !== actual)
      return `${field}: the log has ${expected ?? 'nothing'}, the replay ${actual ?? 'nothing'}`;
  }
  return undefined;
}

/** Log device id ↔ replayed device id, one to one. */
class DevicePairs {
  private readonly toReplay = new Map<string, string>();
  private readonly toLog = new Map<string, string>();

  pair(logged: string, replayed: string): boolean {
    const known = this.toReplay.get(logged);
    if (known !== undefined) return known === replayed;
    if (this.toLog.has(replayed)) return false;
    this.toReplay.set(logged, replayed);
    this.toLog.set(replayed, logged);
    return true;
  }

  /** A value with every paired device id (bare, or in `$device:` form, or in a list) replaced by its replay id. */
  translate(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.translate(item));
    if (typeof value !== 'string') return value;
    if (value.startsWith(DEVICE_PREFIX)) {
      const paired = this.toReplay.get(value.slice(DEVICE_PREFIX.length));
      return paired === undefined ? value : DEVICE_PREFIX + paired;
    }
    return this.toReplay.get(value) ?? value;
  }
}
