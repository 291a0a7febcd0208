// Benchmark script, not a test: scanEvent and rewriteEvent against JSON.parse (+ stringify) on the same lines.
// Run: node --import tsx src/io/scan/scan.bench.ts [lineCount]
import { rewriteEvent, rewriteEventJson, scanEvent, serializeExtra } from './index.ts';
import { generateEventLines } from './sampleEvents.ts';

const LINE_COUNT = 200_000;
const ROUNDS = 9;
const SEED = 20240601;
const EXTRA = { $idmerge_canonical: 'user_42', $idmerge_cluster_size: 3 };
const NEW_ID = 'user_42';

interface Measure {
  readonly name: string;
  /** Returns a number built from the results, so that no work can be optimized away. */
  readonly run: (lines: readonly string[]) => number;
}

function parseOnly(lines: readonly string[]): number {
  let sink = 0;
  for (const line of lines) sink += (JSON.parse(line) as { event: string }).event.length;
  return sink;
}

function scanOnly(lines: readonly string[]): number {
  let sink = 0;
  for (const line of lines) {
    const scan = scanEvent(line);
    if (scan.ok) sink += scan.propertiesClose;
  }
  return sink;
}

function parseMutateStringify(lines: readonly string[]): number {
  let sink = 0;
  for (const line of lines) {
    const event = JSON.parse(line) as { properties?: Record<string, unknown> };
    const properties = (event.properties ??= {});
    properties['distinct_id'] = NEW_ID;
    Object.assign(properties, EXTRA);
    sink += JSON.stringify(event).length;
  }
  return sink;
}

function scanRewrite(lines: readonly string[]): number {
  let sink = 0;
  for (const line of lines) {
    const scan = scanEvent(line);
    if (scan.ok) sink += rewriteEvent(line, scan, NEW_ID, EXTRA).length;
  }
  return sink;
}

/** What a CLI that appends the same extra properties to every line can do: serialize them once. */
function scanRewritePrepared(lines: readonly string[]): number {
  const idJson = JSON.stringify(NEW_ID);
  const extraJson = serializeExtra(EXTRA);
  let sink = 0;
  for (const line of lines) {
    const scan = scanEvent(line);
    if (scan.ok) sink += rewriteEventJson(line, scan, idJson, extraJson).length;
  }
  return sink;
}

const MEASURES: readonly Measure[] = [
  { name: 'JSON.parse', run: parseOnly },
  { name: 'scanEvent', run: scanOnly },
  { name: 'JSON.parse + mutate + JSON.stringify', run: parseMutateStringify },
  { name: 'scanEvent + rewriteEvent', run: scanRewrite },
  { name: 'scanEvent + rewriteEventJson (extra serialized once)', run: scanRewritePrepared },
];

/** Node's process, reached through globalThis because this folder is typed without Node. */
const host = globalThis as {
  process?: { argv?: readonly string[]; cpuUsage?: () => { user: number; system: number } };
};

/** CPU time of this process in ms, when the host tells it: unlike wall-clock time, other processes hardly move it. */
function cpuMs(): number | undefined {
  const usage = host.process?.cpuUsage?.();
  return usage === undefined ? undefined : (usage.user + usage.system) / 1000;
}

interface Timing {
  readonly wall: number[];
  readonly cpu: number[];
}

function time(measure: Measure, lines: readonly string[], into: Timing | undefined): number {
  const wallStart = performance.now();
  const cpuStart = cpuMs();
  const sink = measure.run(lines);
  const cpuEnd = cpuMs();
  into?.wall.push(performance.now() - wallStart);
  if (cpuStart !== undefined && cpuEnd !== undefined) into?.cpu.push(cpuEnd - cpuStart);
  return sink;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function best(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.min(...values);
}

function column(value: number, width = 9): string {
  return value.toFixed(1).padStart(width);
}

function report(lines: readonly string[], timings: readonly Timing[]): void {
  console.log(
    `${''.padEnd(54)} ${'CPU best'.padStart(9)} ${'CPU med'.padStart(9)} ${'wall best'.padStart(9)}`,
  );
  MEASURES.forEach((measure, index) => {
    const timing = timings[index] ?? { wall: [], cpu: [] };
    const cells = [best(timing.cpu), median(timing.cpu), best(timing.wall)].map((value) => column(value));
    console.log(`${measure.name.padEnd(54)} ${cells.join(' ')} ms`);
  });
  // Ratios of the best rounds: the least disturbed by other work on the machine.
  const [parse, scan, parseStringify, rewrite, prepared] = timings.map((timing) =>
    best(timing.cpu.length > 0 ? timing.cpu : timing.wall),
  );
  const ratio = (a = Number.NaN, b = Number.NaN): string => (a / b).toFixed(2);
  console.log(`per line: JSON.parse ${(((parse ?? 0) * 1e6) / lines.length).toFixed(0)} ns`);
  console.log(`scanEvent / JSON.parse:                                ${ratio(scan, parse)}`);
  console.log(`scanEvent + rewriteEvent / JSON.parse + stringify:     ${ratio(rewrite, parseStringify)}`);
  console.log(`scanEvent + rewriteEventJson / JSON.parse + stringify: ${ratio(prepared, parseStringify)}`);
}

function main(): void {
  const count = Number(host.process?.argv?.[2]) || LINE_COUNT;
  // Joined and split again, as a line reader hands them over: slices of one big text.
  const lines = generateEventLines(count, SEED).join('\n').split('\n');
  const chars = lines.reduce((sum, line) => sum + line.length, 0);
  console.log(
    `${lines.length} lines, ${(chars / 1e6).toFixed(1)} M characters, ${Math.round(chars / lines.length)} per line`,
  );
  const timings: Timing[] = MEASURES.map(() => ({ wall: [], cpu: [] }));
  let sink = 0;
  // Interleaved rounds, so that no measurement profits from running last on a warm heap; round 0 warms up.
  for (let round = 0; round <= ROUNDS; round++) {
    MEASURES.forEach((measure, index) => {
      sink += time(measure, lines, round === 0 ? undefined : timings[index]);
    });
  }
  report(lines, timings);
  if (Number.isNaN(sink)) console.log('(unreachable: keeps the results alive)');
}

main();
