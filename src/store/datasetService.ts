// The page's side of an imported dataset: starts the import worker on first use, runs loads and re-resolves
// through the store's named actions, and answers the views' page-sized questions.
import type { Mode, ResolveOptions } from '../engine/index.ts';
import { ImportClient } from '../worker/importClient.ts';
import type { ExportKind, Requests } from '../worker/protocol.ts';
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
  };
  return service;
}
