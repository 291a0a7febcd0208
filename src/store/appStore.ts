// The app's sources of truth and the named actions that change them; everything else is derived (derive.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Mode, ResolveOptions } from '../engine/index.ts';
import type { SdkVersion } from '../simulator/index.ts';
import { createDatasetActions, INITIAL_DATASET, type DatasetActions, type DatasetState } from './dataset.ts';
import type { CustomScenario } from './custom.ts';
import type { ViewDetails, ViewLocation } from './urlState.ts';

/** What the explanation panel is about: an event (by record index) or an id (a graph node). */
export type Selection =
  { readonly kind: 'event'; readonly recordIndex: number } | { readonly kind: 'id'; readonly id: string };

export type Theme = 'light' | 'dark';

/** The tabs of the side area: the explanation, the devices, the profiles and the settings. */
export type SidePanel = 'why' | 'devices' | 'profiles' | 'settings';

export interface AppState {
  readonly scenarioId: string;
  readonly mode: Mode;
  /** Overrides of the engine's defaults (DECISIONS.md); empty means every default is in force. */
  readonly options: Partial<ResolveOptions>;
  /** Overrides the scenario's SDK version. */
  readonly sdkVersion: SdkVersion | undefined;
  /** Steps applied: 0 (nothing yet) to the scenario's step count. */
  readonly cursor: number;
  readonly stepCount: number;
  readonly selection: Selection | null;
  /** "as sent" shows the stored properties; "as Mixpanel shows it" fills in the resolved ids. */
  readonly tableView: 'as-sent' | 'as-shown';
  /** Identity events in the table: the scenario's choice unless the user picked one. */
  readonly identityEvents: 'scenario' | 'shown' | 'hidden';
  readonly theme: Theme;
  readonly playing: boolean;
  /** Steps per second while playing. */
  readonly speed: number;
  readonly notices: readonly string[];
  /** The side area's open tab. */
  readonly sidePanel: SidePanel;
  /** An imported file, and whether the main area shows it instead of the scenarios (issue #5). */
  readonly dataset: DatasetState;
  /** The Compare view (every mode side by side, issue #13) replaces the main area, for a scenario or the dataset. */
  readonly compareOpen: boolean;
  /** A scenario that is not in the library (edited, or opened from a link); shown instead of `scenarioId`'s. */
  readonly custom: CustomScenario | null;
  /** Whether the scenario editor is open. */
  readonly editorOpen: boolean;
  /** `&embed=1`: only the timeline, table and graph. */
  readonly embed: boolean;
}

export interface AppActions extends DatasetActions {
  /** Opens a location (scenario, mode, step), as from the URL or the back button. */
  readonly openLocation: (location: ViewLocation, stepCount: number) => void;
  /** Restores the rest of a view from a link (back/forward): assumptions, selection, panel, table choices. */
  readonly openViewDetails: (details: ViewDetails) => void;
  readonly selectScenario: (scenarioId: string, stepCount: number, mode?: Mode) => void;
  readonly setMode: (mode: Mode) => void;
  readonly setOption: <K extends keyof ResolveOptions>(key: K, value: ResolveOptions[K] | undefined) => void;
  readonly resetOptions: () => void;
  readonly setSdkVersion: (version: SdkVersion | undefined) => void;
  readonly stepForward: () => void;
  readonly stepBack: () => void;
  readonly stepFirst: () => void;
  readonly stepLast: () => void;
  readonly stepTo: (cursor: number) => void;
  readonly togglePlay: () => void;
  readonly setSpeed: (stepsPerSecond: number) => void;
  readonly select: (selection: Selection | null) => void;
  readonly setTableView: (view: AppState['tableView']) => void;
  readonly setIdentityEvents: (choice: AppState['identityEvents']) => void;
  readonly setTheme: (theme: Theme) => void;
  readonly addNotice: (text: string) => void;
  readonly dismissNotice: (index: number) => void;
  readonly showSidePanel: (panel: SidePanel) => void;
  readonly setCompareOpen: (open: boolean) => void;
  /** Shows a custom scenario, keeping mode and (clamped) step so the table keeps its place while editing. */
  readonly showCustom: (custom: CustomScenario, cursor?: number) => void;
  readonly setEditorOpen: (open: boolean) => void;
}

export type AppStore = StoreApi<AppState & AppActions>;

export const INITIAL_STATE: AppState = {
  scenarioId: 'new-user-signup',
  mode: 'simplified',
  options: {},
  sdkVersion: undefined,
  cursor: 0,
  stepCount: 0,
  selection: null,
  tableView: 'as-sent',
  identityEvents: 'scenario',
  theme: 'light',
  playing: false,
  speed: 1,
  notices: [],
  sidePanel: 'why',
  dataset: INITIAL_DATASET,
  compareOpen: false,
  custom: null,
  editorOpen: false,
  embed: false,
};

const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);

/** A fresh store; tests make one each, the app one per page. */
export function createAppStore(initial: Partial<AppState> = {}): AppStore {
  return createStore<AppState & AppActions>()((set, get) => ({
    ...INITIAL_STATE,
    ...initial,
    openLocation: (location, stepCount) =>
      set({
        custom: location.scenarioId === get().custom?.scenario.id ? get().custom : null,
        ...location,
        stepCount,
        cursor: clamp(location.cursor, stepCount),
        selection: null,
        playing: false,
      }),
    openViewDetails: (details) => set({ ...details }),
    selectScenario: (scenarioId, stepCount, mode) =>
      set({
        custom: null,
        editorOpen: false,
        scenarioId,
        stepCount,
        cursor: 0,
        selection: null,
        playing: false,
        identityEvents: 'scenario',
        ...(mode ? { mode } : {}),
      }),
    setMode: (mode) => set({ mode }),
    setOption: (key, value) => {
      const options: Partial<ResolveOptions> = { ...get().options };
      if (value === undefined) delete options[key];
      else options[key] = value;
      set({ options });
    },
    resetOptions: () => set({ options: {} }),
    setSdkVersion: (sdkVersion) => set({ sdkVersion }),
    stepForward: () => set(({ cursor, stepCount }) => ({ cursor: clamp(cursor + 1, stepCount) })),
    stepBack: () =>
      set(({ cursor, stepCount }) => ({ cursor: clamp(cursor - 1, stepCount), playing: false })),
    stepFirst: () => set({ cursor: 0, playing: false }),
    stepLast: () => set(({ stepCount }) => ({ cursor: stepCount, playing: false })),
    stepTo: (cursor) => set(({ stepCount }) => ({ cursor: clamp(cursor, stepCount) })),
    togglePlay: () =>
      set(({ playing, cursor, stepCount }) =>
        playing ? { playing: false } : { playing: true, cursor: cursor >= stepCount ? 0 : cursor },
      ),
    setSpeed: (speed) => set({ speed }),
    select: (selection) => set({ selection }),
    setTableView: (tableView) => set({ tableView }),
    setIdentityEvents: (identityEvents) => set({ identityEvents }),
    setTheme: (theme) => set({ theme }),
    addNotice: (text) => set(({ notices }) => ({ notices: [...notices, text] })),
    dismissNotice: (index) => set(({ notices }) => ({ notices: notices.filter((_, i) => i !== index) })),
    showSidePanel: (sidePanel) => set({ sidePanel }),
    setCompareOpen: (compareOpen) => set({ compareOpen, playing: false }),
    showCustom: (custom, at) =>
      set((state) => {
        const stepCount = custom.scenario.steps.length;
        const same = state.scenarioId === custom.scenario.id;
        // At the end before an edit, at the end after it: an added step shows its effect at once.
        const atEnd = same && state.cursor === state.stepCount;
        const cursor = at ?? (same && !atEnd ? state.cursor : stepCount);
        return {
          custom,
          scenarioId: custom.scenario.id,
          stepCount,
          cursor: clamp(cursor, stepCount),
          selection: null,
          playing: false,
        };
      }),
    setEditorOpen: (editorOpen) => set({ editorOpen }),
    ...createDatasetActions((change) => set(({ dataset }) => ({ dataset: change(dataset) }))),
  }));
}
