// Turns a harness step into an SDK device call; arguments are checked before the device is touched.
import { CallArguments } from './args.ts';
import { alias, identify, reset } from './identity.ts';
import type { JsonObject } from './json.ts';
import {
  incrementUpdate,
  keyValueUpdate,
  queueOrSendProfileUpdate,
  unionUpdate,
  unsetUpdate,
} from './people.ts';
import type { SdkDevice } from './sdkDevice.ts';
import type { SdkCall } from './types.ts';

/** A checked call, ready to run on a device. */
export type SdkAction = (device: SdkDevice) => void;

/** `register(props, days_or_options)`: only `{persistent: false}` keeps properties in page memory. */
function isPersistent(args: CallArguments, index: number): boolean {
  const options = args.at(index);
  if (options === undefined || typeof options === 'number') return true;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return args.fail('options must be {persistent: boolean} or a number of days');
  return (options as { persistent?: unknown }).persistent !== false;
}

function silentRegister(device: SdkDevice): void {
  device.env.note({ kind: 'silent', text: 'Super properties change; nothing is sent', rule: 'SDK-4' });
}

function registerCall(args: CallArguments): SdkAction {
  const props = args.atMost(2).object(0, 'properties') as JsonObject;
  const persistent = isPersistent(args, 1);
  return (device) => {
    device.register(props, persistent);
    silentRegister(device);
  };
}

function registerOnceCall(args: CallArguments): SdkAction {
  const props = args.atMost(3).object(0, 'properties') as JsonObject;
  const defaultValue = args.value(1, 'default value');
  const persistent = isPersistent(args, 2);
  return (device) => {
    device.registerOnce(props, defaultValue, persistent);
    silentRegister(device);
  };
}

function unregisterCall(args: CallArguments): SdkAction {
  const name = args.atMost(2).string(0, 'property name');
  const persistent = isPersistent(args, 1);
  return (device) => {
    device.unregister(name, persistent);
    silentRegister(device);
  };
}

function trackCall(args: CallArguments): SdkAction {
  const name = args.atMost(2).string(0, 'event name');
  const props = args.object(1, 'properties', true);
  return (device) => device.track(name, props);
}

function unsetCall(args: CallArguments): SdkAction {
  const names = args.atMost(1).at(0);
  const valid =
    typeof names === 'string' || (Array.isArray(names) && names.every((n) => typeof n === 'string'));
  if (!valid) args.fail('property names must be a string or a list of strings');
  return (device) => queueOrSendProfileUpdate(device, '$unset', unsetUpdate(names));
}

/** people.set / set_once / append / increment / union: `(name, value)` or `({name: value})`. */
function peopleCall(
  action: '$set' | '$set_once' | '$append' | '$add' | '$union',
  build: (prop: string | JsonObject, value: unknown) => JsonObject,
): (args: CallArguments) => SdkAction {
  return (args) => {
    const prop = args.atMost(2).nameOrObject(0, 'property name or properties');
    const update = build(prop, args.value(1, 'value'));
    return (device) => queueOrSendProfileUpdate(device, action, update);
  };
}

/** reset and reload take no arguments. */
function noArguments(run: SdkAction): (args: CallArguments) => SdkAction {
  return (args) => {
    args.atMost(0);
    return run;
  };
}

const PARSERS: Readonly<Record<SdkCall, (args: CallArguments) => SdkAction>> = {
  track: trackCall,
  identify: (args) => {
    const id = args.atMost(1).id(0, 'id');
    return (device) => identify(device, id);
  },
  alias: (args) => {
    const [newAlias, original] = [args.atMost(2).id(0, 'alias'), args.id(1, 'original')];
    return (device) => alias(device, newAlias, original);
  },
  reset: noArguments(reset),
  reload: noArguments((device) => {
    device.reload();
    const text = 'Page load: page memory is lost; profile updates wait for identify() again';
    device.env.note({ kind: 'silent', text, rule: 'SDK-10' });
  }),
  register: registerCall,
  register_once: registerOnceCall,
  unregister: unregisterCall,
  'people.set': peopleCall('$set', keyValueUpdate),
  'people.set_once': peopleCall('$set_once', keyValueUpdate),
  'people.append': peopleCall('$append', keyValueUpdate),
  'people.increment': peopleCall('$add', incrementUpdate),
  'people.union': peopleCall('$union', unionUpdate),
  'people.unset': unsetCall,
};

/** Whether `call` names an SDK call the simulator plays. */
export function isSdkCall(call: string): call is SdkCall {
  return Object.hasOwn(PARSERS, call);
}

/** Checks the arguments of an SDK call and returns the action; throws SimulationError on a wrong argument. */
export function parseSdkCall(call: SdkCall, args: readonly unknown[]): SdkAction {
  return PARSERS[call](new CallArguments(call, args));
}
