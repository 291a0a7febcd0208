// Resolved output rows: the event as Mixpanel would show it after identity resolution (G-7, O-16).
import {
  modeRules,
  type EventOutcome,
  type Failure,
  type MixpanelEvent,
  type Mode,
  type Resolution,
  type StreamRecord,
} from '../engine/index.ts';

/** The output-side properties this module writes; any stale copy on the input event is replaced. */
export const OUTPUT_PROPERTIES = [
  '$distinct_id_before_identity',
  '$identity_failure_reason',
  '$failure_reason',
  '$failure_description',
] as const;

/** What a resolved export writes besides Mixpanel's own: the engine's failures too, if asked. */
export interface ResolvedEventOptions {
  /**
   * Also write failures that Mixpanel reports no code for (the engine's own, e.g. a `$merge` sent to /track),
   * under the same property names. Off by default, so the output matches what Mixpanel would show.
   */
  readonly engineFailures?: boolean;
}

/**
 * The event with `properties.distinct_id` set to the resolved id: null when rejected (LIM-1), "" when
 * non-attributable (LIM-2). Adds `$distinct_id_before_identity` when identity merging rewrote the id (G-7), and
 * a failure's properties: `$identity_failure_reason` on Simplified, `$failure_reason` and `$failure_description`
 * on Original and Legacy (G-7, O-16).
 */
export function toResolvedEvent(
  event: MixpanelEvent,
  outcome: Pick<EventOutcome, 'resolvedId' | 'distinctIdBeforeIdentity' | 'failure'>,
  mode: Mode,
  options: ResolvedEventOptions = {},
): MixpanelEvent {
  const properties: Record<string, unknown> = withoutOutputProperties(event.properties);
  properties['distinct_id'] = outcome.resolvedId;
  if (outcome.distinctIdBeforeIdentity !== undefined)
    properties['$distinct_id_before_identity'] = outcome.distinctIdBeforeIdentity;
  const failure = outcome.failure;
  if (failure !== undefined && (failure.official || options.engineFailures === true))
    Object.assign(properties, failureProperties(failure, mode));
  return event.channel === undefined
    ? { event: event.event, properties }
    : { event: event.event, properties, channel: event.channel };
}

/** Mixpanel's property names for a failure in each mode (G-7). */
export function failureProperties(failure: Failure, mode: Mode): Record<string, string> {
  return modeRules(mode).failureProperties(failure);
}

function withoutOutputProperties(properties: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const copy = { ...properties };
  for (const key of OUTPUT_PROPERTIES) delete copy[key];
  return copy;
}

/**
 * The resolved form of every event in `records`, in order, as resolved by `resolution` (which must have been made
 * from exactly these records; profile updates take an index but yield no row). Lazy, so a million rows can be
 * written out without holding them all.
 */
export function* resolvedEvents(
  records: readonly StreamRecord[],
  resolution: Resolution,
  options: ResolvedEventOptions = {},
): Generator<MixpanelEvent> {
  const view = resolution.final();
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    if (record?.kind === 'event')
      yield toResolvedEvent(record.event, view.outcome(index), resolution.mode, options);
  }
}
