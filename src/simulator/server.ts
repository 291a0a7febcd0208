// Backend senders: they send exactly what they are given (S-20, O-19) plus token, time and $insert_id; no state.
import type { Channel, StreamRecord } from '../engine/index.ts';
import { CallArguments } from './args.ts';
import { extend, type JsonObject } from './json.ts';
import type { ServerCall } from './types.ts';

/** What a server sender gets from its simulation. */
export interface ServerEnvironment {
  readonly token: string;
  now(): number;
  nextInsertId(): string;
  send(record: StreamRecord): void;
}

/** A checked server call, ready to send. */
export type ServerAction = (label: string, env: ServerEnvironment) => void;

/** time and `$insert_id` unless the caller gave them, then token always, like the server SDKs' defaults. */
function sendEvent(name: string, props: JsonObject, channel: Channel): ServerAction {
  return (label, env) => {
    const properties = extend({}, props);
    if (!('time' in properties)) properties['time'] = env.now() / 1000;
    if (!('$insert_id' in properties)) properties['$insert_id'] = env.nextInsertId();
    properties['token'] = env.token;
    env.send({ kind: 'event', event: { event: name, properties, channel }, origin: { device: label } });
  };
}

function eventCall(channel: Channel): (args: CallArguments) => ServerAction {
  return (args) => {
    const name = args.atMost(2).string(0, 'event name');
    return sendEvent(name, args.object(1, 'properties', true) ?? {}, channel);
  };
}

/** An id the import API accepts: a non-empty string or a number. */
function requiredId(args: CallArguments, index: number, what: string): string | number {
  const id = args.id(index, what);
  if (id === null || id === undefined || id === '') return args.fail(`${what} is required`);
  return id;
}

const PARSERS: Readonly<Record<ServerCall, (args: CallArguments) => ServerAction>> = {
  track: eventCall('track'),
  import: eventCall('import'),
  /** The documented API shape (O-6), not the browser's `$anon_distinct_id` form (SDK-7). */
  identify: (args) => {
    const [identified, anon] = [
      requiredId(args.atMost(2), 0, 'identified id'),
      requiredId(args, 1, 'anon id'),
    ];
    return sendEvent(
      '$identify',
      { distinct_id: identified, $identified_id: identified, $anon_id: anon },
      'import',
    );
  },
  alias: (args) => {
    const [alias, distinctId] = [requiredId(args.atMost(2), 0, 'alias'), requiredId(args, 1, 'distinct_id')];
    return sendEvent('$create_alias', { alias, distinct_id: distinctId }, 'import');
  },
  /** O-13: exactly two ids, accepted only through the import API. */
  merge: (args) => {
    const ids = [requiredId(args.atMost(2), 0, 'first id'), requiredId(args, 1, 'second id')];
    return sendEvent('$merge', { $distinct_ids: ids }, 'import');
  },
  'people.set': (args) => {
    const distinctId = requiredId(args.atMost(2), 0, 'distinct_id');
    const props = args.object(1, 'properties') as JsonObject;
    return (label, env) => {
      const update = { $token: env.token, $distinct_id: distinctId, $set: extend({}, props) };
      env.send({ kind: 'profile', update, origin: { device: label } });
    };
  },
};

/** Whether `call` names a server-side call (track, import, identify, alias, merge, people.set) the simulator plays. */
export function isServerCall(call: string): call is ServerCall {
  return Object.hasOwn(PARSERS, call);
}

/** Checks the arguments of a server call and returns the action; throws SimulationError on a wrong argument. */
export function parseServerCall(call: ServerCall, args: readonly unknown[]): ServerAction {
  return PARSERS[call](new CallArguments(call, args));
}
