// Test helpers: tiny streams written as Mixpanel events, and short ways to ask what the linter found.
import type { Channel, Mode, ResolveOptions, StreamRecord } from '../../engine/index.ts';
import { findScenario } from '../../scenarios/library/index.ts';
import { playScenario } from '../../scenarios/play.ts';
import { lintStream } from '../linter.ts';
import type { Finding, FindingId, LinterSettings } from '../types.ts';

/** An event record; `import` is the engine's default channel for files. */
export function event(name: string, properties: Record<string, unknown>, channel?: Channel): StreamRecord {
  return {
    kind: 'event',
    event: channel === undefined ? { event: name, properties } : { event: name, properties, channel },
  };
}

/** An ordinary event with the given identity properties. */
export function track(properties: Record<string, unknown>, name = 'Page View'): StreamRecord {
  return event(name, properties);
}

/** Lints and returns the finding with `id`, if any. */
export function findingOf(
  id: FindingId,
  records: readonly StreamRecord[],
  mode: Mode,
  options: Partial<ResolveOptions> = {},
  settings: LinterSettings = {},
): Finding | undefined {
  return lintStream(records, mode, options, settings).find((finding) => finding.id === id);
}

/** The ids of the findings that are errors or warnings: what a clean flow must not have. */
export function seriousFindings(records: readonly StreamRecord[], mode: Mode): string[] {
  return lintStream(records, mode)
    .filter((finding) => finding.severity !== 'info')
    .map((finding) => finding.id);
}

/** The records a library scenario sends, up to (not including) step `endStep` when given. */
export function scenarioRecords(id: string, endStep?: number): readonly StreamRecord[] {
  const scenario = findScenario(id);
  if (scenario === undefined) throw new Error(`no scenario ${id}`);
  const played = playScenario(scenario);
  if (endStep === undefined) return played.records;
  const end = played.steps[endStep - 1]?.endRecord ?? 0;
  return played.records.slice(0, end);
}

/** A version-4 shaped UUID built from a number, for device ids that pass the GUID check (O-8). */
export function uuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `f47ac10b-58cc-4372-a567-${hex}`;
}
