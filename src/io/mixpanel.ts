// Mixpanel objects from NDJSON or JSON: an event or a profile update comes out, or a named rejection.
import type { Channel, MixpanelEvent, ProfileUpdate } from '../engine/index.ts';
import { checkEventFields } from './fields.ts';
import { isPlainObject } from './text.ts';
import { accepted, rejected, type Normalised } from './types.ts';

/** The engage operations a profile update may carry (S-16, O-17). */
export const PROFILE_OPERATIONS = [
  '$set',
  '$set_once',
  '$unset',
  '$add',
  '$append',
  '$union',
  '$remove',
  '$delete',
] as const;

/** Operations whose value is an object of property → value; `$unset` takes a list and `$delete` anything. */
const OBJECT_OPERATIONS = ['$set', '$set_once', '$add', '$append', '$union', '$remove'] as const;

/**
 * Reads one parsed JSON value as Mixpanel sends it: an object with a string `event` is an event, an object with
 * `$distinct_id` and an operation is a profile update. Ids are kept as they are (numbers too): the engine
 * decides how to compare them. Unknown top-level keys are dropped, as the import API ignores them.
 */
export function normaliseMixpanel(value: unknown): Normalised {
  if (!isPlainObject(value)) return rejected('not-an-object', 'not a JSON object');
  if ('event' in value) return normaliseEvent(value);
  if ('$distinct_id' in value) return normaliseProfileUpdate(value);
  return rejected('missing-event-name', 'missing event name');
}

function normaliseEvent(value: Record<string, unknown>): Normalised {
  const name = value['event'];
  if (typeof name !== 'string') return rejected('bad-event-name', 'event name is not a string');
  if (name === '') return rejected('missing-event-name', 'missing event name');
  const properties = 'properties' in value ? value['properties'] : {};
  if (!isPlainObject(properties)) return rejected('properties-not-object', 'properties is not an object');
  const channel = readChannel(value['channel']);
  if (channel === 'invalid') return rejected('bad-channel', describeBadChannel(value['channel']));
  const problem = checkEventFields(properties);
  if (problem !== undefined) return rejected(problem.code, problem.reason);
  const event: MixpanelEvent =
    channel === undefined ? { event: name, properties } : { event: name, properties, channel };
  return accepted([{ kind: 'event', event }]);
}

/** DECISIONS.md: a file's events count as imported unless marked `"channel": "track"`. */
export function readChannel(value: unknown): Channel | undefined | 'invalid' {
  if (value === undefined) return undefined;
  return value === 'track' || value === 'import' ? value : 'invalid';
}

/** The reason for a `channel` that is neither track nor import (O-13). */
export function describeBadChannel(value: unknown): string {
  return `channel must be "track" or "import", not ${JSON.stringify(value) ?? String(value)}`;
}

function normaliseProfileUpdate(value: Record<string, unknown>): Normalised {
  if (!PROFILE_OPERATIONS.some((operation) => operation in value)) {
    return rejected(
      'bad-profile-update',
      `profile update has no operation (${PROFILE_OPERATIONS.join(', ')})`,
    );
  }
  const badOperation = OBJECT_OPERATIONS.find(
    (operation) => operation in value && !isPlainObject(value[operation]),
  );
  if (badOperation !== undefined) return rejected('bad-profile-update', `${badOperation} is not an object`);
  if ('$unset' in value && !isListOfNames(value['$unset'])) {
    return rejected('bad-profile-update', '$unset is not a list of property names');
  }
  const update = value as ProfileUpdate;
  return accepted([{ kind: 'profile', update }]);
}

function isListOfNames(value: unknown): boolean {
  return Array.isArray(value) && value.every((name) => typeof name === 'string');
}
