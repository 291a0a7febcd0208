// The URL's `view` parameter: `import` opens the dataset workspace, `compare` the Compare view. Anything else opens
// the scenarios with a notice, so a stale or mistyped value can never blank the app.
import type { DataSource } from './dataset.ts';
import { quoteInput } from './quote.ts';

const PARAM = 'view';
const DATASET_VIEW = 'import';
/** `view=compare`: every mode side by side (issue #13); a reload opens it on the scenario (files are not kept). */
const COMPARE_VIEW = 'compare';

/** What the `view` parameter opens, and a notice when its value was not one the app knows. */
export interface ReadView {
  readonly source: DataSource;
  readonly compare: boolean;
  readonly notices: readonly string[];
}

export function readView(search: string): ReadView {
  const value = new URLSearchParams(search).get(PARAM);
  if (value === null) return { source: 'scenario', compare: false, notices: [] };
  if (value === DATASET_VIEW) return { source: 'dataset', compare: false, notices: [] };
  if (value === COMPARE_VIEW) return { source: 'scenario', compare: true, notices: [] };
  return {
    source: 'scenario',
    compare: false,
    notices: [`${quoteInput(value)} is not a view (import or compare); showing the scenarios.`],
  };
}

export function readCompare(search: string): boolean {
  return readView(search).compare;
}

export function readSource(search: string): DataSource {
  return readView(search).source;
}

/** `search` (as writeLocation makes it) with the view parameter added when the dataset is on show. */
export function withSource(search: string, source: DataSource, compare = false): string {
  if (source !== 'dataset' && !compare) return search;
  const params = new URLSearchParams(search);
  params.set(PARAM, compare ? COMPARE_VIEW : DATASET_VIEW);
  return `?${params.toString()}`;
}
