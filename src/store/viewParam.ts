// The URL's `view=import` parameter: the dataset workspace is open. Anything else opens the scenarios, so a stale
// or mistyped value can never blank the app.
import type { DataSource } from './dataset.ts';

const PARAM = 'view';
const DATASET_VIEW = 'import';
/** `view=compare`: every mode side by side (issue #13); a reload opens it on the scenario (files are not kept). */
const COMPARE_VIEW = 'compare';

export function readCompare(search: string): boolean {
  return new URLSearchParams(search).get(PARAM) === COMPARE_VIEW;
}

export function readSource(search: string): DataSource {
  return new URLSearchParams(search).get(PARAM) === DATASET_VIEW ? 'dataset' : 'scenario';
}

/** `search` (as writeLocation makes it) with the view parameter added when the dataset is on show. */
export function withSource(search: string, source: DataSource, compare = false): string {
  if (source !== 'dataset' && !compare) return search;
  const params = new URLSearchParams(search);
  params.set(PARAM, compare ? COMPARE_VIEW : DATASET_VIEW);
  return `?${params.toString()}`;
}
