// Turns the schema's issues into the format's problems: each names its JSON path and says what is wrong in the
// words the format's docs use (`steps[0].colour: unknown field (expected device, call, args, note, expect)`).
import type { z } from 'zod';
import { formatPath } from './describe.ts';
import { PICK_BRANCH } from './schema.ts';

/** One thing wrong with a scenario: where (a JSON path, and in a file the line and column) and what. */
export interface ScenarioProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** 1-based, when the scenario came from text. */
  readonly line?: number;
  /** 1-based, in UTF-16 code units (as editors count), when the scenario came from text. */
  readonly column?: number;
  /** A problem of the text as a whole (not JSON), named `(file)`. */
  readonly ofFile?: boolean;
}

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

/** The problems behind `issues`, raised by validating `input`; duplicates dropped, order kept. */
export function problemsOf(issues: readonly Issue[], input: unknown): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const seen = new Set<string>();
  const add = (path: Path, message: string) => {
    const key = `${formatPath(path)}: ${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ path, message });
  };
  for (const issue of issues) collect(issue, [], input, add);
  return problems;
}

/** `steps[0].call: unknown call …`; a problem of the whole scenario is named `(scenario)`. */
export function problemText(problem: ScenarioProblem): string {
  const where = problem.ofFile === true ? '(file)' : formatPath(problem.path) || '(scenario)';
  return `${where}: ${problem.message}`;
}

function collect(
  issue: Issue,
  prefix: Path,
  input: unknown,
  add: (path: Path, message: string) => void,
): void {
  const path: Path = [...prefix, ...(issue.path as Path)];
  if (issue.code === 'invalid_union' && issue.message.startsWith(PICK_BRANCH)) {
    const branch = issue.errors[Number(issue.message.slice(PICK_BRANCH.length))] ?? [];
    for (const inner of branch) collect(inner, path, input, add);
  } else if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) add([...path, key], `unknown field ${issue.message}`);
  } else if (issue.code === 'invalid_key') {
    add(path, issue.issues[0]?.message ?? issue.message);
  } else if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
    valueAt(input, path) === undefined
  ) {
    const values = issue.code === 'invalid_value' ? ` (one of ${issue.values.map(String).join(', ')})` : '';
    add(path, `is required${values}`);
  } else add(path, issue.message);
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}
