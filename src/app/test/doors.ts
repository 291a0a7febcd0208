// Property checks of the app's doors (issue #11): every URL parameter and every stored key the page reads, fed
// hostile values through the same readers the page uses. Shared by the vitest suite (few runs) and `npm run fuzz`.
// Each reader must return a valid value, name every value it ignored in a short notice, never throw, and leave
// Object.prototype untouched. The e2e spec e2e/doors.spec.ts opens the same kinds of values in Chromium.
import fc from 'fast-check';
import LZString from 'lz-string';
import { DEFAULT_OPTIONS, MODES, OPTION_FLAGS, withDefaults, type Mode } from '../../engine/index.ts';
import { LIBRARY } from '../../scenarios/library/index.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../scenarios/link.ts';
import { readEmbedParam, readPlay } from '../../store/custom.ts';
import { locate } from '../../store/locate.ts';
import { quoteInput } from '../../store/quote.ts';
import { ASIDE_KEY, SAVED_KEY, type SavedScenario } from '../../store/savedScenarios.ts';
import { readViewDetails } from '../../store/urlState.ts';
import { readView } from '../../store/viewParam.ts';
import { readSavedState } from '../savedState.ts';
import { THEME_STORAGE_KEY } from '../themePreference.ts';

/** Longest notice a reader may show: a quoted value is cut, so a notice never grows with its input. */
const MAX_NOTICE = 400;

/** Values that have broken lesser readers: prototype keys, script, markup, odd numbers, encodings, JSON scraps. */
export const HOSTILE_VALUES: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '\u0000',
  '\u202e',
  '\ud800',
  'NaN',
  'Infinity',
  '-1',
  '-0',
  '1e400',
  '0x10',
  ' 3',
  '3 ',
  '1.5',
  '',
  '{"__proto__":{"polluted":1}}',
  '[]',
  'null',
  'true',
  '%E0%A4%A',
  '%',
];

const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)) },
);

const libraryIds = LIBRARY.map((scenario) => scenario.id);
const validValue = {
  scenario: fc.constantFrom(...libraryIds),
  mode: fc.constantFrom(...MODES),
  step: fc.nat({ max: 3 }).map(String),
  view: fc.constantFrom('import', 'compare'),
  embed: fc.constantFrom('1', '0'),
};
type Param = keyof typeof validValue;
const PARAMS = Object.keys(validValue) as Param[];

/** Each parameter absent, valid or hostile. */
const urlParams: fc.Arbitrary<Partial<Record<Param, string>>> = fc.record(
  Object.fromEntries(PARAMS.map((param) => [param, fc.oneof(validValue[param], hostileValue)])) as Record<
    Param,
    fc.Arbitrary<string>
  >,
  { requiredKeys: [] },
);

/** A page's query string; URLSearchParams encodes what a browser would. */
function searchOf(params: Partial<Record<Param, string>>): string {
  const search = new URLSearchParams();
  for (const param of PARAMS) if (params[param] !== undefined) search.set(param, params[param]);
  return `?${search.toString()}`;
}

/** The values as the page reads them back (a lone surrogate arrives as U+FFFD, as in a browser). */
function asRead(search: string): Partial<Record<Param, string>> {
  const read = new URLSearchParams(search);
  const params: Partial<Record<Param, string>> = {};
  for (const param of PARAMS) {
    const value = read.get(param);
    if (value !== null) params[param] = value;
  }
  return params;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function checkPrototypeUntouched(): void {
  check(Object.keys(Object.prototype).length === 0, 'Object.prototype gained a property');
  check(({} as Record<string, unknown>)['polluted'] === undefined, '({}).polluted is set');
}

function checkNotices(notices: readonly string[]): void {
  for (const notice of notices)
    check(notice.length <= MAX_NOTICE, `a notice of ${notice.length} characters: ${notice.slice(0, 80)}…`);
}

/** A notice names `value` when it repeats its quoted start. */
function names(notices: readonly string[], value: string): boolean {
  const quoted = quoteInput(value);
  const head = quoted.slice(0, Math.min(quoted.length, 20));
  return notices.some((notice) => notice.includes(head));
}

/** The location readers: scenario, mode, step → a playable library view, a notice for each value ignored. */
function checkLocation(generated: Partial<Record<Param, string>>): void {
  const search = searchOf(generated);
  const params = asRead(search);
  const { location, stepCount, notices } = locate(search, undefined);
  const scenario = LIBRARY.find((entry) => entry.id === location.scenarioId);
  check(scenario !== undefined, `opened unknown scenario ${location.scenarioId}`);
  check(MODES.includes(location.mode), `opened unknown mode ${location.mode}`);
  check(stepCount === scenario?.steps.length, 'step count is not the scenario’s');
  check(Number.isInteger(location.cursor) && location.cursor >= 0, `cursor ${location.cursor}`);
  check(location.cursor <= stepCount, `cursor ${location.cursor} beyond ${stepCount}`);
  checkNotices(notices);
  const { scenario: id, mode, step } = params;
  if (id !== undefined && !libraryIds.includes(id))
    check(names(notices, id), `no notice names scenario ${quoteInput(id)}`);
  if (mode !== undefined && !MODES.includes(mode as Mode))
    check(names(notices, mode), `no notice names mode ${quoteInput(mode)}`);
  if (step !== undefined && !/^-?\d+$/.test(step))
    check(names(notices, step), `no notice names step ${quoteInput(step)}`);
  const valid =
    (id === undefined || libraryIds.includes(id)) &&
    (mode === undefined || MODES.includes(mode as Mode)) &&
    (step === undefined || (/^\d+$/.test(step) && Number(step) <= stepCount));
  if (valid) check(notices.length === 0, `valid URL gave notices: ${notices.join(' | ')}`);
}

/** view and embed: a known value or a notice naming the one ignored. */
function checkViewAndEmbed(generated: Partial<Record<Param, string>>): void {
  const search = searchOf(generated);
  const params = asRead(search);
  const view = readView(search);
  checkNotices(view.notices);
  const knownView = params.view === undefined || ['import', 'compare'].includes(params.view);
  check(knownView === (view.notices.length === 0), `view ${quoteInput(params.view ?? '')}: notices wrong`);
  if (!knownView) check(names(view.notices, params.view ?? ''), 'the view notice does not name the value');
  const embed = readEmbedParam(search);
  checkNotices(embed.notices);
  const knownEmbed = params.embed === undefined || ['1', '0'].includes(params.embed);
  check(
    knownEmbed === (embed.notices.length === 0),
    `embed ${quoteInput(params.embed ?? '')}: notices wrong`,
  );
  check(embed.embed === (params.embed === '1'), 'embed on without embed=1');
}

/** The view details (#17): each option by its CLI flag, then sdk, event, id, panel, table, identity-events. */
const DETAIL_CHOICES: Readonly<Record<string, readonly string[]>> = {
  sdk: ['current', 'legacy'],
  panel: ['why', 'devices', 'profiles', 'settings'],
  table: ['as-sent', 'as-shown'],
  'identity-events': ['scenario', 'shown', 'hidden'],
};
const OPTION_PARAMS = Object.entries(OPTION_FLAGS) as [keyof typeof OPTION_FLAGS, string][];
const detailParams: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    ...Object.fromEntries(
      Object.entries(DETAIL_CHOICES).map(([param, choices]) => [
        param,
        fc.oneof(fc.constantFrom(...choices), hostileValue),
      ]),
    ),
    ...Object.fromEntries(
      OPTION_PARAMS.map(([key, flag]) => [
        flag,
        fc.oneof(fc.constant(String(DEFAULT_OPTIONS[key])), hostileValue),
      ]),
    ),
    event: fc.oneof(fc.integer({ min: 1, max: 1e9 }).map(String), hostileValue),
    id: fc.oneof(fc.constantFrom('alice', '__proto__', '$device:D1'), hostileValue),
  },
  { requiredKeys: [] },
);

/** The view details: every value read is one the app knows, every value ignored is named. */
function checkViewDetails(generated: Record<string, string>): void {
  const search = new URLSearchParams(generated);
  const read: Record<string, string> = {};
  for (const [key, value] of search) read[key] ??= value;
  const { details, notices } = readViewDetails(`?${search.toString()}`);
  checkNotices(notices);
  const chosen: Record<string, string | undefined> = {
    sdk: details.sdkVersion,
    panel: details.sidePanel,
    table: details.tableView,
    'identity-events': details.identityEvents,
  };
  for (const [param, choices] of Object.entries(DETAIL_CHOICES)) {
    const value = read[param];
    if (value === undefined) continue;
    if (choices.includes(value)) check(chosen[param] === value, `${param}=${value} not applied`);
    else
      check(chosen[param] === undefined && names(notices, value), `${param}: ${quoteInput(value)} not named`);
  }
  // Whatever options were kept, the engine accepts them together.
  withDefaults(details.options ?? {});
  for (const [key, flag] of OPTION_PARAMS) {
    const value = read[flag];
    if (value !== undefined && details.options?.[key] === undefined)
      check(names(notices, value), `${flag}: ${quoteInput(value)} ignored without a notice`);
  }
  const selection = details.selection;
  if (selection?.kind === 'event')
    check(Number.isInteger(selection.recordIndex) && selection.recordIndex >= 0, 'bad event index');
  if (selection?.kind === 'id') check(selection.id !== '' && selection.id.length <= 200, 'bad id selection');
}

const realPayload = fc.constantFrom(...LIBRARY.slice(0, 6)).map((scenario) => encodeScenarioLink(scenario));

/** Link payloads: cut short, bit-flipped, over-long, hostile JSON compressed properly, or plain junk. */
const playPayload: fc.Arbitrary<string> = fc.oneof(
  realPayload.chain((payload) => fc.nat({ max: payload.length }).map((cut) => payload.slice(0, cut))),
  realPayload.chain((payload) =>
    fc
      .tuple(fc.nat({ max: payload.length - 1 }), fc.constantFrom('A', '-', '+', '$', '%'))
      .map(([at, char]) => `${payload.slice(0, at)}${char}${payload.slice(at + 1)}`),
  ),
  fc.constant(null).chain(() => fc.constantFrom(...hostilePayloads())),
  hostileValue,
);

let compressed: string[] | undefined;
/** Hostile JSON, properly compressed (once: compressing is the slow part). */
function hostilePayloads(): string[] {
  compressed ??= [
    '{"__proto__":{"polluted":1},"id":"x"}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '{"$link":99}',
    '{"$link":"1"}',
    `${'['.repeat(5_000)}1${']'.repeat(5_000)}`,
    JSON.stringify({ ...LIBRARY[0], title: '<img src=x onerror=alert(1)>', __proto__: null }),
    'a'.repeat(300_000),
  ].map((json) => LZString.compressToEncodedURIComponent(json));
  return compressed;
}

/** play: the payload read back from the URL decodes to a scenario or to a reason; never a throw. */
function checkPlay(payload: string): void {
  const search = `?play=${payload}&mode=simplified&step=1`;
  const read = readPlay(search);
  check(read !== null, 'the play parameter was not found');
  const decoded = decodeScenarioLink(read ?? '');
  if (!decoded.ok) checkNotices([decoded.reason]);
}

interface StoredValues {
  readonly theme?: string;
  readonly saved?: string;
}

const validEntry: fc.Arbitrary<SavedScenario> = fc.record({
  key: fc.string({ maxLength: 8 }),
  title: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...HOSTILE_VALUES)),
  payload: realPayload,
  savedAt: fc.nat(),
});
const junkEntry = fc.oneof(
  fc.constantFrom(null, 1, 'x', [], {}, { key: 1, title: 't', payload: 'p', savedAt: 0 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":1},"key":"k","title":"t","payload":"p"}') as unknown),
  fc.jsonValue({ maxDepth: 3 }),
);
const savedText: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.oneof(validEntry, junkEntry), { maxLength: 6 }).map((entries) => JSON.stringify(entries)),
  fc.array(validEntry, { maxLength: 4 }).map((entries) => JSON.stringify(entries)),
  hostileValue,
  fc.jsonValue({ maxDepth: 3 }).map((json) => JSON.stringify(json) ?? 'undefined'),
);
const storedValues: fc.Arbitrary<StoredValues> = fc.record(
  { theme: fc.oneof(fc.constantFrom('light', 'dark'), hostileValue), saved: savedText },
  { requiredKeys: [] },
);

/** A Map-backed Storage, as the browser's localStorage behaves for one origin. */
export function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

function isSavedShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry['key'] === 'string' &&
    typeof entry['title'] === 'string' &&
    typeof entry['payload'] === 'string' &&
    typeof entry['savedAt'] === 'number'
  );
}

/** Stored keys: a valid theme or a notice naming the value; saved scenarios kept one entry at a time. */
function checkSavedState(values: StoredValues): void {
  const initial: Record<string, string> = {};
  if (values.theme !== undefined) initial[THEME_STORAGE_KEY] = values.theme;
  if (values.saved !== undefined) initial[SAVED_KEY] = values.saved;
  const storage = memoryStorage(initial);
  const state = readSavedState(storage);
  checkNotices(state.notices);
  const themeValid = values.theme === undefined || values.theme === 'light' || values.theme === 'dark';
  check(state.theme === (themeValid ? values.theme : undefined), `theme ${String(state.theme)}`);
  if (!themeValid) {
    check(names(state.notices, values.theme ?? ''), 'no notice names the stored theme');
    check(storage.getItem(THEME_STORAGE_KEY) === null, 'the bad theme was kept');
  }
  if (values.saved !== undefined) {
    const before = parseOrUndefined(values.saved);
    const good = Array.isArray(before) ? before.filter(isSavedShape) : [];
    const clean = Array.isArray(before) && good.length === before.length;
    check(clean === (state.notices.length === (themeValid ? 0 : 1)), 'saved list: notice mismatch');
    const after = parseOrUndefined(storage.getItem(SAVED_KEY) ?? 'null');
    check(JSON.stringify(after) === JSON.stringify(good), 'saved list: readable entries were not kept');
    if (!clean) check(storage.getItem(ASIDE_KEY) !== null, 'damaged saved data was not set aside');
  }
  // Set aside once: the next page opens without a notice.
  check(readSavedState(storage).notices.length === 0, 'the same damage was reported twice');
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Storage that refuses every call (privacy settings): defaults, and no throw. */
function checkBlockedStorage(): void {
  const refuse = () => {
    throw new DOMException('blocked', 'SecurityError');
  };
  const blocked = { ...memoryStorage(), getItem: refuse, setItem: refuse, removeItem: refuse };
  const state = readSavedState(blocked);
  check(state.theme === undefined && state.notices.length === 0, 'blocked storage gave a theme or notice');
}

export const DOOR_PROPERTIES: Readonly<
  Record<string, () => fc.IPropertyWithHooks<never> | fc.IProperty<never>>
> = {
  'URL scenario/mode/step: a playable view, each ignored value named': () =>
    fc.property(urlParams, (params) => {
      checkLocation(params);
      checkPrototypeUntouched();
    }) as never,
  'URL view/embed: a known view, each ignored value named': () =>
    fc.property(urlParams, (params) => {
      checkViewAndEmbed(params);
      checkPrototypeUntouched();
    }) as never,
  'URL view details (options, sdk, selection, panel, table): known values, each ignored value named': () =>
    fc.property(detailParams, (params) => {
      checkViewDetails(params);
      checkPrototypeUntouched();
    }) as never,
  'URL play payloads: a scenario or a short reason, never a throw': () =>
    fc.property(playPayload, (payload) => {
      checkPlay(payload);
      checkPrototypeUntouched();
    }) as never,
  'raw query strings: every reader copes': () =>
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (raw) => {
      const search = `?${raw}`;
      checkNotices(locate(search, undefined).notices);
      checkNotices(readView(search).notices);
      checkNotices(readEmbedParam(search).notices);
      const play = readPlay(search);
      if (play !== null) checkPlay(play);
      checkPrototypeUntouched();
    }) as never,
  'stored theme and saved scenarios: set aside one key at a time, with a notice': () =>
    fc.property(storedValues, (values) => {
      checkSavedState(values);
      checkBlockedStorage();
      checkPrototypeUntouched();
    }) as never,
};
