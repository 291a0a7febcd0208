// The dataset service behind a door that opens on first use: its code and the import worker's client load when the
// user first previews a file, not with the page (issue #14: initial JavaScript ≤ 150 kB gzip).
import type { AppStore } from './appStore.ts';
import type { DatasetService } from './datasetService.ts';

/** A DatasetService whose every call first loads the real one (once); `cancel` before that has nothing to stop. */
export function createLazyDatasetService(store: AppStore): DatasetService {
  let loading: Promise<DatasetService> | undefined;
  let loaded: DatasetService | undefined;
  const real = () =>
    (loading ??= import('./datasetService.ts').then(
      (module) => (loaded = module.createDatasetService(store)),
    ));
  return {
    preview: async (file, name) => (await real()).preview(file, name),
    previewText: async (text) => (await real()).previewText(text),
    load: async () => (await real()).load(),
    cancel: () => loaded?.cancel(),
    resolve: async (mode, options) => (await real()).resolve(mode, options),
    ask: async (name, args) => (await real()).ask(name, args),
    exportFile: async (kind) => (await real()).exportFile(kind),
    includeFailedRequests: async (include) => (await real()).includeFailedRequests(include),
    logPropertyNames: async () => (await real()).logPropertyNames(),
    logScenario: async (keep) => (await real()).logScenario(keep),
    editIdentity: async (id) => (await real()).editIdentity(id),
    openInEditor: async (scenario) => (await real()).openInEditor(scenario),
  };
}
