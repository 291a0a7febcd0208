// The page's side of an imported dataset: starts the import worker on first use, runs loads and re-resolves
// through the store's named actions, and answers the views' page-sized questions.
import type { Mode, ResolveOptions } from '../engine/index.ts';
import { ImportClient } from '../worker/importClient.ts';
import type { ExportKind, Requests } from '../worker/protocol.ts';
import type { Scenario } from '../scenarios/types.ts';
import type { AppStore } from './appStore.ts';

type Answer<K extends keyof Requests> = Promise<Requests[K]['result']>;

export interface DatasetService {
  /** Previews a chosen or dropped file and opens the import dialog on it. */
  preview(file: Blob, name: string): Promise<void>;
  /** Previews pasted text as if it were a file. */
  previewText(text: string): Promise<void>;
  /** Loads the previewed file with the dialog's choices, resolved under the current mode. */
  load(): Promise<void>;
  /** Stops the load in progress; the dataset loaded before (if any) stays. */
  cancel(): void;
  /** Re-resolves the loaded file under `mode` and `options`. */
  resolve(mode: Mode, options: Partial<ResolveOptions>): Promise<void>;
  ask<K extends Exclude<keyof Requests, 'load' | 'resolve'>>(name: K, args: Requests[K]['args']): Answer<K>;
  exportFile(kind: ExportKind): Promise<Blob>;
  /** A loaded HAR again, with or without the records of its failed requests (they never reached Mixpanel). */
  includeFailedRequests(include: boolean): Promise<void>;
  /** The loaded HAR's events, for choosing which properties a scenario made from it may keep. */
  logPropertyNames(): Promise<string[]>;
  /** "Open as scenario": the scenario inferred from the loaded HAR, keeping only `keepProperties` beyond identity. */
  logScenario(keepProperties: readonly string[]): Promise<LogScenario>;
  /** "Edit as scenario": the records that decide identity `id`, as raw steps, opened in the scenario editor. */
  editIdentity(id: string): Promise<void>;
  /** Opens a scenario in the editor as the user's own (the scenario area replaces the workspace). */
  openInEditor(scenario: Scenario): Promise<void>;
}

/** A scenario inferred from a log, ready to download or to open by link (no token, headers or cookies in it). */
export interface LogScenario {
  readonly scenario: Scenario;
  readonly json: string;
  /** `?play=…` on this page; undefined when the scenario is too long for a link (download it instead). */
  readonly link: string | undefined;
}

/** The name pasted text gets in the report and in downloads. */
export const PASTED_NAME = 'pasted text';

export function createDatasetService(store: AppStore): DatasetService {
  let client: ImportClient | undefined;
  const worker = () => (client ??= ImportClient.start());
  const actions = () => store.getState();
  const fail = (error: unknown) =>
    actions().datasetWorkStopped(error instanceof Error ? error.message : String(error));

  const service: DatasetService = {
    async preview(file, name) {
      try {
        // The format readers load with the first preview, not with the page (issue #14's first-load budget).
        const { previewFile } = await import('../worker/preview.ts');
        actions().choosePreview(await previewFile(file, name));
      } catch (error) {
        actions().openImportDialog();
        fail(error);
      }
    },
    previewText: (text) => service.preview(new Blob([text], { type: 'text/plain' }), PASTED_NAME),
    async load() {
      const { dataset, mode, options } = store.getState();
      const preview = dataset.preview;
      if (preview === null || dataset.status === 'loading') return;
      actions().datasetWorkStarted('loading');
      try {
        const args = { file: preview.file, fileName: preview.name, format: dataset.format, mode, options };
        const result = await worker().request(
          'load',
          { ...args, rederive: dataset.rederive },
          actions().datasetProgressed,
        );
        if ('cancelled' in result) actions().datasetWorkStopped(null);
        else actions().datasetLoaded(result, preview.name);
      } catch (error) {
        fail(error);
      }
    },
    cancel: () => client?.cancel(),
    async resolve(mode, options) {
      actions().datasetWorkStarted('resolving');
      try {
        actions().datasetResolved(
          await worker().request('resolve', { mode, options }, actions().datasetProgressed),
        );
      } catch (error) {
        fail(error);
      }
    },
    ask: (name, args) => worker().request(name, args),
    exportFile: (kind) => worker().request('export', { kind }),
    async includeFailedRequests(include) {
      const { dataset, mode, options } = store.getState();
      actions().datasetWorkStarted('resolving');
      try {
        const summary = await worker().request('harInclude', { includeFailed: include, mode, options });
        actions().datasetLoaded(summary, dataset.fileName ?? '');
      } catch (error) {
        fail(error);
      }
    },
    logPropertyNames: async () => (await worker().request('harScenarioInput', {})).propertyNames,
    async logScenario(keepProperties) {
      // Loaded on first use: the inference and the link codec (with its validator) are not needed before.
      const [{ scenarioFromLog }, { encodeScenarioLink, fitsInLink }] = await Promise.all([
        import('../scenarios/fromLog.ts'),
        import('../scenarios/link.ts'),
      ]);
      const { records } = await worker().request('harScenarioInput', {});
      const title = store.getState().dataset.fileName ?? undefined;
      const scenario = scenarioFromLog(records, {
        keepProperties,
        ...(title === undefined ? {} : { title }),
      });
      const payload = encodeScenarioLink(scenario);
      const link = fitsInLink(payload) ? `${location.origin}${location.pathname}?play=${payload}` : undefined;
      return { scenario, json: JSON.stringify(scenario, null, 2) + '\n', link };
    },
    async editIdentity(id) {
      const { scenarioFromIdentity, IDENTITY_SCENARIO_CAP } = await import('../scenarios/fromIdentity.ts');
      const found = await worker().request('identityRecords', { id, cap: IDENTITY_SCENARIO_CAP });
      const { dataset, mode } = store.getState();
      const fileName = dataset.fileName ?? undefined;
      const scenario = scenarioFromIdentity({
        ...found,
        mode: dataset.summary?.mode ?? mode,
        ...(fileName === undefined ? {} : { fileName }),
      });
      await service.openInEditor(scenario);
    },
    async openInEditor(scenario) {
      const [{ encodeScenarioLink }, { parseScenario }] = await Promise.all([
        import('../scenarios/link.ts'),
        import('../scenarios/validate.ts'),
      ]);
      const parsed = parseScenario(scenario);
      if (!parsed.ok) throw new Error(`The scenario is not valid: ${parsed.errors[0] ?? 'unknown'}`);
      const payload = encodeScenarioLink(parsed.scenario);
      actions().setCompareOpen(false);
      actions().showCustom(
        { scenario: parsed.scenario, payload, editable: true },
        parsed.scenario.steps.length,
      );
      actions().setEditorOpen(true);
      actions().showSource('scenario');
    },
  };
  return service;
}
