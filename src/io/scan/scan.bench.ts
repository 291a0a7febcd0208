// Benchmark script (not a test): scanEvent and rewriteEvent against JSON.parse (+ stringify) on the same lines.
// Run: node --import tsx src/io/scan/scan.bench.ts [lineCount]
import { rewriteEvent, rewriteEventJson, scanEvent, serializeExtra } from './index.ts';
import { generateEventLines } from './sampleEvents.ts';

const LINE_COUNT = 200_000;
const ROUNDS = 7;
const EXTRA = { $idmerge_canonical: 'user_42', $idmerge_cluster_size: 3 };
const NEW_ID = 'user_42';

interface Measure {
  readonly name: string;
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The first command-line argument; read through globalThis because this folder is typed without Node. */
function commandLineArgument(): string | undefined {
  const host = globalThis as { process?: { argv?: readonly string[] } };
  return host.process?.argv?.[2];
}

function main(): void {
  const count = Number(commandLineArgument()) || LINE_COUNT;
  // Joined and split again, as a line reader would hand them over: slices of one big text.
  const lines = generateEventLines(count, 20240601).join('\n').split('\n');
  const chars = lines.reduce((sum, line) => sum + line.length, 0);
  console.log(
    `${lines.length} lines, ${(chars / 1e6).toFixed(1)} M characters, ${Math.round(chars / lines.length)} per line`,
  );
  const times = MEASURES.map((): number[] => []);
  // Interleaved rounds so that no measurement profits from running last on a warm heap; round 0 is warm-up.
  for (let round = 0; round <= ROUNDS; round++) {
    MEASURES.forEach((measure, index) => {
      const started = performance.now();
      measure.run(lines);
      if (round > 0) times[index]?.push(performance.now() - started);
    });
  }
  const ms = times.map(median);
  MEASURES.forEach((measure, index) => {
    const value = ms[index] ?? 0;
    console.log(
      `${measure.name.padEnd(54)} ${value.toFixed(1).padStart(8)} ms  ${((value * 1e6) / lines.length).toFixed(0).padStart(5)} ns/line`,
    );
  });
  const [parse = 1, scan = 0, parseStringify = 1, rewrite = 0, prepared = 0] = ms;
  console.log(`scanEvent / JSON.parse:                          ${(scan / parse).toFixed(2)}`);
  console.log(`scan+rewrite / parse+mutate+stringify:           ${(rewrite / parseStringify).toFixed(2)}`);
  console.log(`scan+rewrite (prepared) / parse+mutate+stringify: ${(prepared / parseStringify).toFixed(2)}`);
}

main();
