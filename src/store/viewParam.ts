// The URL's `view=import` parameter: the dataset workspace is open. Anything else opens the scenarios, so a stale
// or mistyped value can never blank the app.
import type { DataSource } from './dataset.ts';

const PARAM = 'view';
const DATASET_VIEW = 'import';

export function readSource(search: string): DataSource {
  return new URLSearchParams(search).get(PARAM) === DATASET_VIEW ? 'dataset' : 'scenario';
}

/** `search` (as writeLocation makes it) with the view parameter added when the dataset is on show. */
export function withSource(search: string, source: DataSource): string {
  if (source !== 'dataset') return search;
  const params = new URLSearchParams(search);
  params.set(PARAM, DATASET_VIEW);
  return `?${params.toString()}`;
}
