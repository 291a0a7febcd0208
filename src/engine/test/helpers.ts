// Small builders for engine tests: events written as the catalogue writes them.
import type { Channel, MixpanelEvent } from '../types.ts';
import { resolve, type ResolveInput } from '../resolve.ts';
import type { Mode, ResolveOptions } from '../types.ts';

export function ev(
  event: string,
  properties: Record<string, unknown> = {},
  channel?: Channel,
): MixpanelEvent {
  return channel === undefined ? { event, properties } : { event, properties, channel };
}

/** GUID-form ids for Original scenarios (DECISIONS.md "Short ids in examples"). */
export const G1 = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
export const G2 = '0a6c3f3e-8d4b-4f6a-9a77-2f4c1b2d3e4f';
export const G3 = '6b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
export const DEV = (guid: string): string => `$device:${guid}`;

/** Resolved distinct_id of every record after each prefix: snapshots[k][i] for i ≤ k. */
export function snapshots(
  inputs: readonly ResolveInput[],
  mode: Mode,
  options: Partial<ResolveOptions> = {},
) {
  const resolution = resolve(inputs, mode, options, { trackSteps: true });
  return inputs.map((_, step) => {
    const view = resolution.at(step);
    return Array.from({ length: step + 1 }, (_, i) => view.outcome(i).resolvedId);
  });
}

/** The final resolved distinct_id of every record. */
export function finalIds(inputs: readonly ResolveInput[], mode: Mode, options: Partial<ResolveOptions> = {}) {
  return resolve(inputs, mode, options)
    .outcomes()
    .map((outcome) => outcome.resolvedId);
}

/** Clusters as sorted member lists, largest first, for order-free comparison. */
export function clusterSets(
  inputs: readonly ResolveInput[],
  mode: Mode,
  options: Partial<ResolveOptions> = {},
) {
  return resolve(inputs, mode, options)
    .final()
    .clusters()
    .map((cluster) => cluster.members.map((member) => member.id).sort())
    .sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));
}
