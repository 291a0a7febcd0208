// Derived state: the played scenario, its resolution and what the table shows at the cursor, from the sources of truth.
import {
  resolve,
  type EventOutcome,
  type IdLabel,
  type Note,
  type Mode,
  type Resolution,
  type ResolutionView,
  type ResolveOptions,
  type StreamRecord,
  toIdText,
} from '../engine/index.ts';
import { playScenario, type PlayedScenario, type PlayedStep } from '../scenarios/play.ts';
import type { Scenario } from '../scenarios/types.ts';
import type { SdkVersion } from '../simulator/index.ts';

/** Everything the views need about the current step, computed once per change of scenario, mode, options or cursor. */
export interface StepModel {
  readonly played: PlayedScenario;
  readonly resolution: Resolution;
  /** Steps applied: 0 (nothing yet) to stepCount. */
  readonly cursor: number;
  readonly stepCount: number;
  /** The step just applied, if any. */
  readonly step: PlayedStep | undefined;
  /** Records [0, recordEnd) have been sent by now. */
  readonly recordEnd: number;
  /** The resolution after the last record sent; undefined before any record. */
  readonly view: ResolutionView | undefined;
  /** Records this step sent. */
  readonly newRecords: ReadonlySet<number>;
  /** Earlier records whose resolved id this step changed: the retroactive updates. */
  readonly changedRecords: ReadonlySet<number>;
  /** Short names for long ids: D1 for a generated device id, $device:D1 for its distinct_id. */
  readonly label: IdLabel;
}

/** One row of the event table. */
export interface EventRow {
  readonly recordIndex: number;
  /** 1-based number among events (profile updates are not rows); stable whatever is shown. */
  readonly number: number;
  /**
   * The number the table shows: among the rows shown, so with identity events hidden the seed flows number their
   * rows 1, 2, 3 as Mixpanel's guide does. Undefined for a hidden identity event.
   */
  readonly displayNumber: number | undefined;
  readonly name: string;
  readonly isIdentityEvent: boolean;
  /** The simulated device that sent it, if any. */
  readonly device: string | undefined;
  /** Identity properties as sent. */
  readonly sent: { readonly distinctId?: string; readonly deviceId?: string; readonly userId?: string };
  readonly time: number | undefined;
  readonly outcome: EventOutcome;
  /** The engine's notes, structured: kind, rule, text. */
  readonly notes: readonly Note[];
  /** Sent by the step just applied. */
  readonly isNew: boolean;
  /** Re-attributed by the step just applied. */
  readonly changed: boolean;
  /** For a re-attributed row: the resolved distinct_id it had before the step just applied (`$device:D1 → U1`). */
  readonly previousResolvedId?: string | null;
}

export const playScenarioMemo = memoizePlay();

function memoizePlay() {
  const cache = new WeakMap<Scenario, Map<string, PlayedScenario>>();
  return (scenario: Scenario, sdkVersion: SdkVersion | undefined): PlayedScenario => {
    const byVersion = cache.get(scenario) ?? new Map<string, PlayedScenario>();
    cache.set(scenario, byVersion);
    const key = sdkVersion ?? 'scenario';
    const played =
      byVersion.get(key) ?? playScenario(scenario, sdkVersion === undefined ? {} : { sdkVersion });
    byVersion.set(key, played);
    return played;
  };
}

/** Resolves a played scenario with step tracking, so every step can be read back without recomputation. */
export function resolvePlayed(
  played: PlayedScenario,
  mode: Mode,
  options: Partial<ResolveOptions>,
): Resolution {
  return resolve(played.records, mode, options, { trackSteps: true });
}

const labels = new WeakMap<ReadonlyMap<string, string>, IdLabel>();

/**
 * The short-name function for a scenario's aliases: one function per alias map, so a step hands the views the same
 * label and what they derived with it (projected table rows) stays valid.
 */
export function labelFor(aliases: ReadonlyMap<string, string>): IdLabel {
  const known = labels.get(aliases);
  if (known !== undefined) return known;
  const label: IdLabel = (id) => aliases.get(id) ?? id;
  labels.set(aliases, label);
  return label;
}

/** The model at `cursor` steps. */
export function stepModel(played: PlayedScenario, resolution: Resolution, cursor: number): StepModel {
  const stepCount = played.steps.length;
  const clamped = Math.min(Math.max(cursor, 0), stepCount);
  const step = clamped === 0 ? undefined : played.steps[clamped - 1];
  const recordEnd = step?.endRecord ?? 0;
  const view = recordEnd === 0 ? undefined : resolution.at(recordEnd - 1);
  const first = step?.firstRecord ?? 0;
  const newRecords = new Set(range(first, recordEnd));
  const changedRecords = new Set<number>();
  for (const index of newRecords) {
    for (const changed of resolution.at(index).changedEvents())
      if (changed < first) changedRecords.add(changed);
  }
  return {
    played,
    resolution,
    cursor: clamped,
    stepCount,
    step,
    recordEnd,
    view,
    newRecords,
    changedRecords,
    label: labelFor(played.aliases),
  };
}

/** The table's rows at the model's step. */
export function eventRows(model: StepModel, showIdentityEvents = true): EventRow[] {
  const { view, played } = model;
  if (view === undefined) return [];
  const rows: EventRow[] = [];
  let number = 0;
  let shown = 0;
  // What the table showed before this step, for the rows this step re-attributed.
  const first = model.step?.firstRecord ?? 0;
  const before = model.changedRecords.size > 0 && first > 0 ? model.resolution.at(first - 1) : undefined;
  for (let index = 0; index < model.recordEnd; index++) {
    const record = played.records[index];
    if (record?.kind !== 'event') continue;
    number++;
    const outcome = view.outcome(index);
    const isShown = showIdentityEvents || !outcome.isIdentityEvent;
    rows.push({
      recordIndex: index,
      number,
      displayNumber: isShown ? ++shown : undefined,
      name: record.event.event,
      isIdentityEvent: outcome.isIdentityEvent,
      device: record.origin?.device,
      sent: sentIds(record),
      time: typeof record.event.properties['time'] === 'number' ? record.event.properties['time'] : undefined,
      outcome,
      notes: view.notes(index, model.label, outcome),
      isNew: model.newRecords.has(index),
      changed: model.changedRecords.has(index),
      ...(before !== undefined && model.changedRecords.has(index)
        ? { previousResolvedId: before.outcome(index).resolvedId }
        : {}),
    });
  }
  return rows;
}

function sentIds(record: Extract<StreamRecord, { kind: 'event' }>): EventRow['sent'] {
  const p = record.event.properties;
  const text = (value: unknown) => (value === undefined || value === null ? undefined : toIdText(value));
  const distinctId = text(p['distinct_id']);
  const deviceId = text(p['$device_id']);
  const userId = text(p['$user_id']);
  return {
    ...(distinctId === undefined ? {} : { distinctId }),
    ...(deviceId === undefined ? {} : { deviceId }),
    ...(userId === undefined ? {} : { userId }),
  };
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}
