// The spec's source table (section 0.3) read into addresses: each key (MP-SIMP, JS-CORE …) to a public page.
import type { RuleSource } from './types.ts';

/** The mixpanel/docs commit the spec's paths are at, unless a row names another (spec section 0.3). */
const DOCS_HEAD = 'ba229069';

/** Splits "A / B / C" key cells into their keys. */
function keysOf(cell: string): string[] {
  return cell.split('/').map((key) => key.trim().replace(/\*/g, ''));
}

const github = (repo: string, rest: string) => `https://github.com/${repo}/${rest}`;
const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The one address a source row points at: its first https address, else the GitHub file or commit it names. */
export function addressOf(location: string): string | undefined {
  const url = /https:\/\/[^\s)>,]+/.exec(location)?.[0];
  if (url !== undefined) return url.replace(/[.;]$/, '');
  const pull = /(mixpanel\/[\w.-]+) `refs\/pull\/(\d+)`/.exec(location);
  if (pull) return github(pull[1] ?? '', `pull/${pull[2]}`);
  const fileAt = /(mixpanel\/[\w.-]+) `([^`]+)` @ `([0-9a-f]+)`/.exec(location);
  if (fileAt) return github(fileAt[1] ?? '', `blob/${fileAt[3]}/${encodePath(fileAt[2] ?? '')}`);
  const fileCommit = /(mixpanel\/[\w.-]+) `([^`]+)` \(commit `([0-9a-f]+)`/.exec(location);
  if (fileCommit)
    return github(fileCommit[1] ?? '', `blob/${fileCommit[3]}/${encodePath(fileCommit[2] ?? '')}`);
  const treeAt = /(mixpanel\/[\w.-]+) at `([0-9a-f]+)`/.exec(location);
  if (treeAt) return github(treeAt[1] ?? '', `tree/${treeAt[2]}`);
  const commit = /(mixpanel-[\w.-]+) commit `([0-9a-f]+)`/.exec(location);
  if (commit) return github(`mixpanel/${commit[1]}`, `commit/${commit[2]}`);
  const file = /(mixpanel\/[\w.-]+) `([^`]+)`/.exec(location);
  if (file) return github(file[1] ?? '', `blob/HEAD/${encodePath(file[2] ?? '')}`);
  const docsPath = /^`([^`]+\.mdx?)`/.exec(location.trim());
  if (docsPath) return github('mixpanel/docs', `blob/${DOCS_HEAD}/${encodePath(docsPath[1] ?? '')}`);
  return undefined;
}

/** Every source key of the spec's table with its address. */
export function readSources(spec: string): Map<string, RuleSource> {
  const start = spec.indexOf('### 0.3 Sources');
  const end = spec.indexOf('\n## 1.', start);
  const sources = new Map<string, RuleSource>();
  for (const line of spec.slice(start, end).split('\n')) {
    const cells = /^\| (.+?) \| (.+) \|$/.exec(line);
    if (!cells || cells[1] === 'Key' || cells[1]?.startsWith('---')) continue;
    const url = addressOf(cells[2] ?? '');
    if (url === undefined) continue;
    for (const key of keysOf(cells[1] ?? '')) sources.set(key, { key, url });
  }
  return sources;
}
