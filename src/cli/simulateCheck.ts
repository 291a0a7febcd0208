// `idmerge simulate --check FILE`: validates a scenario file and plays it, printing each problem as
// `FILE:LINE:COL: path: what` (the form editors and terminals link to), and nothing else when it is fine.
import { JsonPositions } from '../scenarios/jsonPositions.ts';
import { playScenario, ScenarioPlayError, type PlayOptions } from '../scenarios/play.ts';
import { parseScenarioText, problemWithPlace } from '../scenarios/validate.ts';

/** What the check needs from the outside world (a subset of SimulateIo). */
export interface CheckIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

/** Checks `text` read from `source`; resolves to the exit code (0 fine, 1 problems). */
export function checkScenarioText(source: string, text: string, options: PlayOptions, io: CheckIo): number {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    for (const problem of parsed.problems) io.stderr(problemWithPlace(source, problem));
    io.stderr(`${source}: ${parsed.problems.length} problem(s)`);
    return 1;
  }
  try {
    playScenario(parsed.scenario, options);
  } catch (error) {
    if (!(error instanceof ScenarioPlayError)) throw error;
    const { line, column } = new JsonPositions(text).find(['steps', error.stepIndex]);
    io.stderr(`${source}:${line}:${column}: ${error.message}`);
    io.stderr(`${source}: 1 problem(s)`);
    return 1;
  }
  const { devices, steps } = parsed.scenario;
  io.stdout(`${source}: ok (${devices.length} device(s), ${steps.length} step(s))`);
  return 0;
}
