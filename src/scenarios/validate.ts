// Reads a scenario through the one schema (schema.ts): the scenario, or every problem, each naming its JSON path
// and, for text, its line and column.
import { JsonPositions, positionAt, syntaxErrorOffset } from './jsonPositions.ts';
import { problemsOf, problemText, type ScenarioProblem } from './problems.ts';
import { LibraryScenarioSchema, ScenarioSchema } from './schema.ts';
import type { Scenario } from './types.ts';

/** One problem found in a scenario: its JSON path and what is wrong. */
export type { ScenarioProblem } from './problems.ts';

/** The result of reading a scenario: the scenario, or every problem found (`errors`: `path: what`, in order). */
export type ParsedScenario =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly string[]; readonly problems: readonly ScenarioProblem[] };

function failed(problems: readonly ScenarioProblem[]): ParsedScenario {
  return { ok: false, errors: problems.map(problemText), problems };
}

/** Validates parsed JSON as a scenario (`library`: with the lesson and group the library needs); never throws. */
export function parseScenario(json: unknown, { library = false } = {}): ParsedScenario {
  const result = (library ? LibraryScenarioSchema : ScenarioSchema).safeParse(json);
  if (result.success) return { ok: true, scenario: json as Scenario };
  return failed(problemsOf(result.error.issues, json));
}

/** Parses scenario text (JSON); every problem, a syntax error included, carries its line and column. */
export function parseScenarioText(text: string): ParsedScenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const { line, column } = positionAt(text, syntaxErrorOffset(text, error as Error));
    const message = `not valid JSON: ${(error as Error).message}`;
    return failed([{ path: [], message, line, column, ofFile: true }]);
  }
  const parsed = parseScenario(json);
  if (parsed.ok) return parsed;
  const positions = new JsonPositions(text);
  return failed(
    parsed.problems.map((problem) => {
      const { line, column } = positions.find(problem.path);
      return { ...problem, line, column };
    }),
  );
}

/** `file.json:3:14: steps[0].call: unknown call …`: a problem as the CLI prints it. */
export function problemWithPlace(source: string, problem: ScenarioProblem): string {
  const place = problem.line === undefined ? '' : `:${problem.line}:${problem.column ?? 1}`;
  return `${source}${place}: ${problemText(problem)}`;
}
