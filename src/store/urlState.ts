// The URL holds the view: ?scenario=ID&mode=MODE&step=N, then the details that differ from the defaults
// (assumptions, selection, panel …). A bad parameter opens the nearest valid view with a notice.
// Every parameter the page reads, and its reader (each returns a valid value plus notices naming what it ignored,
// quoted by quoteInput; none throws): scenario, mode, step and the view details (here); view (viewParam.ts);
// play, embed (custom.ts, the play payload decoded by scenarios/link.ts). src/app/doors.test.ts feeds all of
// them hostile values.
import {
  DEFAULT_OPTIONS,
  MODES,
  OPTION_FLAGS,
  withDefaults,
  type Mode,
  type ResolveOptions,
} from '../engine/index.ts';
import type { SdkVersion } from '../simulator/index.ts';
import type { AppState, Selection, SidePanel } from './appStore.ts';
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

// ---- The rest of the view: assumptions, SDK version, the selection, the side panel, the table's choices. ----
// Written only when they differ from the defaults, so a plain link stays short; each is read with a notice for
// a value the app does not know, and that one value falls back to its default.

/** The parts of the view beyond the location that a link carries (issue #17: "the link holds the whole view"). */
export interface ViewDetails {
  readonly options: Partial<ResolveOptions>;
  readonly sdkVersion: SdkVersion | undefined;
  readonly selection: Selection | null;
  readonly sidePanel: SidePanel;
  readonly tableView: AppState['tableView'];
  readonly identityEvents: AppState['identityEvents'];
}

/** What a page shows when its link names none of the details. */
export const DEFAULT_VIEW_DETAILS: ViewDetails = {
  options: {},
  sdkVersion: undefined,
  selection: null,
  sidePanel: 'why',
  tableView: 'as-sent',
  identityEvents: 'scenario',
};

export interface ReadViewDetails {
  /** Only the details the link names, so the caller keeps its own for the rest. */
  readonly details: Partial<ViewDetails>;
  readonly notices: string[];
}

const SIDE_PANELS: readonly SidePanel[] = ['why', 'devices', 'profiles', 'settings'];
const TABLE_VIEWS: readonly AppState['tableView'][] = ['as-sent', 'as-shown'];
const IDENTITY_EVENTS: readonly AppState['identityEvents'][] = ['scenario', 'shown', 'hidden'];
const SDK_VERSIONS: readonly SdkVersion[] = ['current', 'legacy'];
/** Longest id a link may select: ids are short, and a notice must not repeat a megabyte. */
const MAX_ID_LENGTH = 200;

/** Reads the details a query string names: `link-order=…` (each option by its CLI flag), `sdk`, `event` or `id`, `panel`, `table`, `identity-events`. */
export function readViewDetails(search: string): ReadViewDetails {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const details: { -readonly [K in keyof ViewDetails]?: ViewDetails[K] } = {};
  const options = readOptions(params, notices);
  if (Object.keys(options).length > 0) details.options = options;
  const sdk = readChoice(params.get('sdk'), SDK_VERSIONS, 'an SDK version', notices);
  if (sdk !== undefined) details.sdkVersion = sdk;
  const selection = readSelection(params, notices);
  if (selection !== undefined) details.selection = selection;
  const panel = readChoice(params.get('panel'), SIDE_PANELS, 'a panel', notices);
  if (panel !== undefined) details.sidePanel = panel;
  const table = readChoice(params.get('table'), TABLE_VIEWS, 'a table view', notices);
  if (table !== undefined) details.tableView = table;
  const identity = readChoice(
    params.get('identity-events'),
    IDENTITY_EVENTS,
    'an identity-events choice',
    notices,
  );
  if (identity !== undefined) details.identityEvents = identity;
  return { details, notices };
}

function readChoice<T extends string>(
  value: string | null,
  choices: readonly T[],
  what: string,
  notices: string[],
): T | undefined {
  if (value === null) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  notices.push(`${quoteInput(value)} is not ${what} (${choices.join(', ')}); ignoring it.`);
  return undefined;
}

function readOptions(params: URLSearchParams, notices: string[]): Partial<ResolveOptions> {
  const options: Partial<Record<keyof ResolveOptions, string | number>> = {};
  for (const key of Object.keys(OPTION_FLAGS) as (keyof ResolveOptions)[]) {
    const value = params.get(OPTION_FLAGS[key]);
    if (value === null) continue;
    const parsed = key === 'clusterLimit' ? (/^\d{1,9}$/.test(value) ? Number(value) : Number.NaN) : value;
    try {
      withDefaults({ [key]: parsed });
      options[key] = parsed;
    } catch (error) {
      const reason = error instanceof RangeError ? error.message.replace(/; got .*$/s, '') : 'not valid';
      notices.push(`${OPTION_FLAGS[key]}=${quoteInput(value)} is ignored: ${reason}.`);
    }
  }
  return options as Partial<ResolveOptions>;
}

function readSelection(params: URLSearchParams, notices: string[]): Selection | undefined {
  const event = params.get('event');
  if (event !== null) {
    if (/^\d{1,9}$/.test(event) && Number(event) >= 1)
      return { kind: 'event', recordIndex: Number(event) - 1 };
    notices.push(`${quoteInput(event)} is not an event number (1, 2, 3 …); nothing is selected.`);
    return undefined;
  }
  const id = params.get('id');
  if (id === null) return undefined;
  if (id !== '' && id.length <= MAX_ID_LENGTH) return { kind: 'id', id };
  notices.push(`${quoteInput(id)} is not an id the lab can select; nothing is selected.`);
  return undefined;
}

/**
 * `search` with the details that differ from the defaults appended (by hand, like `embed`, so a `play` payload's
 * '+' survives). The selected event is written as its 1-based position in the stream (`event=4` is record 3),
 * which does not change when identity events are hidden.
 */
export function withViewDetails(search: string, details: ViewDetails): string {
  const pairs: [string, string][] = [];
  for (const key of Object.keys(OPTION_FLAGS) as (keyof ResolveOptions)[]) {
    const value = details.options[key];
    if (value !== undefined && value !== DEFAULT_OPTIONS[key]) pairs.push([OPTION_FLAGS[key], String(value)]);
  }
  if (details.sdkVersion !== undefined) pairs.push(['sdk', details.sdkVersion]);
  if (details.selection?.kind === 'event') pairs.push(['event', String(details.selection.recordIndex + 1)]);
  if (details.selection?.kind === 'id') pairs.push(['id', details.selection.id]);
  if (details.sidePanel !== DEFAULT_VIEW_DETAILS.sidePanel) pairs.push(['panel', details.sidePanel]);
  if (details.tableView !== DEFAULT_VIEW_DETAILS.tableView) pairs.push(['table', details.tableView]);
  if (details.identityEvents !== DEFAULT_VIEW_DETAILS.identityEvents)
    pairs.push(['identity-events', details.identityEvents]);
  if (pairs.length === 0) return search;
  const tail = pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return `${search}${search.includes('?') ? '&' : '?'}${tail}`;
}

/** The details of a state, as a link writes them. */
export function viewDetailsOf(state: Pick<AppState, keyof ViewDetails>): ViewDetails {
  const { options, sdkVersion, selection, sidePanel, tableView, identityEvents } = state;
  return { options, sdkVersion, selection, sidePanel, tableView, identityEvents };
}
