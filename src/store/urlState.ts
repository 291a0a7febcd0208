// The URL holds the view: ?scenario=ID&mode=MODE&step=N. A bad parameter opens the nearest valid view with a notice.
// Every parameter the page reads, and its reader (each returns a valid value plus notices naming what it ignored,
// quoted by quoteInput; none throws): scenario, mode, step (here); view (viewParam.ts); play, embed (custom.ts,
// the play payload decoded by scenarios/link.ts). src/app/doors.test.ts feeds all of them hostile values.
import { MODES, type Mode } from '../engine/index.ts';
import { quoteInput } from './quote.ts';

export interface ViewLocation {
  readonly scenarioId: string;
  readonly mode: Mode;
  readonly cursor: number;
}

export interface ReadLocation {
  readonly location: ViewLocation;
  /** What was wrong with the URL, in words; empty when it was valid. */
  readonly notices: string[];
}

/** What the reader needs to know about the library: which ids exist, and each scenario's step count and modes. */
export interface LocationCatalogue {
  readonly defaultScenarioId: string;
  stepCount(scenarioId: string): number | undefined;
  defaultMode(scenarioId: string): Mode;
}

/** Reads a location from a query string, repairing what it must and saying why. */
export function readLocation(search: string, catalogue: LocationCatalogue): ReadLocation {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const scenarioId = readScenario(params.get('scenario'), catalogue, notices);
  const mode = readMode(params.get('mode'), catalogue.defaultMode(scenarioId), notices);
  const steps = catalogue.stepCount(scenarioId) ?? 0;
  const cursor = readStep(params.get('step'), steps, notices);
  return { location: { scenarioId, mode, cursor }, notices };
}

function readScenario(value: string | null, catalogue: LocationCatalogue, notices: string[]): string {
  if (value === null) return catalogue.defaultScenarioId;
  if (catalogue.stepCount(value) !== undefined) return value;
  notices.push(
    `There is no scenario ${quoteInput(value)}; showing "${catalogue.defaultScenarioId}" instead.`,
  );
  return catalogue.defaultScenarioId;
}

function readMode(value: string | null, fallback: Mode, notices: string[]): Mode {
  if (value === null) return fallback;
  if (MODES.includes(value as Mode)) return value as Mode;
  notices.push(`${quoteInput(value)} is not a mode (simplified, original or legacy); showing ${fallback}.`);
  return fallback;
}

function readStep(value: string | null, steps: number, notices: string[]): number {
  if (value === null) return 0;
  // Digits only (an optional minus): Number() would also take '0x1f', '1e3', ' 7' and ''.
  const step = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(step)) {
    notices.push(`${quoteInput(value)} is not a step number; showing the start.`);
    return 0;
  }
  if (step < 0 || step > steps) {
    const nearest = Math.min(Math.max(step, 0), steps);
    notices.push(`This scenario has steps 0 to ${steps}; showing step ${nearest}.`);
    return nearest;
  }
  return step;
}

/** The query string for a location. */
export function writeLocation(location: ViewLocation): string {
  const params = new URLSearchParams({
    scenario: location.scenarioId,
    mode: location.mode,
    step: String(location.cursor),
  });
  return `?${params.toString()}`;
}
