// `idmerge reconcile --mappings FILE EVENTS`: where a Mixpanel mappings export disagrees with the lab, and why.
import { defineCommand, files, required } from './command.ts';
import { readFile } from 'node:fs/promises';
import { Resolver } from '../engine/index.ts';
import { createCsvParser } from '../io/index.ts';
import { reconcile, type Disagreement, type MappingPair } from '../sql/reconcile.ts';
import { ProblemReport } from './eventRows.ts';
import { LineWriter, rereadableSource, type CliStreams } from './io.ts';
import { ENGINE_FLAGS, ENGINE_FLAGS_HELP, engineOptions, UsageError } from './options.ts';
import { chooseFormat, readerFor } from './readers.ts';

export const RECONCILE_USAGE = `Usage: idmerge reconcile --mappings FILE [options] [EVENTS|-]

Compares an identity mappings table exported from Mixpanel (distinct_id, resolved_distinct_id: CSV with a
header row, NDJSON or a JSON array) with the lab's resolution of EVENTS, and lists every id where the two
disagree (each side's one-hop answer; an id without a row resolves to itself), with the rule that explains
the lab's answer and the line of the event that decided it. Exit code 1 when any id disagrees.

Options:
  --mappings FILE                     the mappings table Mixpanel exported (required)
  --json                              one JSON object per disagreement instead of text
  --format FORMAT                     EVENTS format, as idmerge resolve (default auto)
${ENGINE_FLAGS_HELP}
  -h, --help                          show this help`;

const FLAGS = {
  ...ENGINE_FLAGS,
  mappings: { type: 'string' },
  json: { type: 'boolean', default: false },
  format: { type: 'string', default: 'auto' },
} as const;

export const runReconcile = defineCommand({
  usage: RECONCILE_USAGE,
  flags: FLAGS,
  checks: [
    ({ values }) => (values.mappings === undefined ? '--mappings FILE is required' : undefined),
    files.atMostOne('EVENTS file'),
  ],
  async run({ values, positionals }, streams) {
    const { mode, options } = engineOptions(values);
    const mappings = required(values.mappings, '--mappings FILE');
    const theirs = parseMappings(await readFile(mappings, 'utf8'), mappings);
    const source = await rereadableSource(positionals[0], streams.stdin);
    const report = new ProblemReport(streams.stderr);
    const lines: number[] = [];
    const resolver = new Resolver(mode, options);
    try {
      const reader = readerFor(
        source.path,
        await chooseFormat(source.path, source.name, values.format),
        mode,
        source.name,
      );
      for await (const batch of reader.batches()) {
        report.add(batch.problems);
        for (const item of batch.items) {
          resolver.ingest(item.record);
          lines.push(item.line);
        }
      }
    } finally {
      await source.release();
    }
    const disagreements = reconcile(theirs, resolver.result().final());
    await write(disagreements, lines, values.json, streams, theirs.length);
    const problems = report.finish();
    return disagreements.length > 0 ? 1 : problems;
  },
});

async function write(
  disagreements: readonly Disagreement[],
  lines: readonly number[],
  json: boolean,
  streams: CliStreams,
  rows: number,
): Promise<void> {
  const out = new LineWriter(streams.stdout);
  for (const d of disagreements) {
    const line = d.eventIndex === undefined ? undefined : lines[d.eventIndex];
    if (json) out.line(JSON.stringify({ ...d, line }));
    else
      out.line(
        `${d.id}: Mixpanel → ${d.mixpanel}, lab → ${d.lab}. ${d.rule}: ${d.why}${line === undefined ? '' : ` (line ${line})`}`,
      );
  }
  if (!json)
    out.line(
      disagreements.length === 0
        ? `All ${rows} mappings rows agree with the lab.`
        : disagreements.length === 1
          ? '1 id disagrees.'
          : `${disagreements.length} ids disagree.`,
    );
  await out.flush();
}

/** A mappings export: a JSON array, NDJSON, or CSV with distinct_id and resolved_distinct_id columns. */
export function parseMappings(text: string, name: string): MappingPair[] {
  const trimmed = text.trimStart();
  const objects: unknown[] = trimmed.startsWith('[')
    ? (JSON.parse(trimmed) as unknown[])
    : trimmed.startsWith('{')
      ? trimmed
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as unknown)
      : csvObjects(text);
  return objects.flatMap((value, i) => {
    const row = value as Record<string, unknown>;
    const id = row['distinct_id'];
    const resolved = row['resolved_distinct_id'];
    if (typeof id !== 'string' || id === '') throw new UsageError(`${name}: row ${i + 1} has no distinct_id`);
    // G-6: a null resolved_distinct_id means the id resolves to itself.
    return typeof resolved === 'string' && resolved !== ''
      ? [{ distinct_id: id, resolved_distinct_id: resolved }]
      : [];
  });
}

function csvObjects(text: string): Record<string, string>[] {
  const parser = createCsvParser();
  const records = [...parser.push(text).records, ...parser.end().records];
  const [header, ...rows] = records;
  if (header === undefined || !header.cells.includes('distinct_id'))
    throw new UsageError('the mappings CSV needs a header row with distinct_id and resolved_distinct_id');
  return rows.map((row) => Object.fromEntries(header.cells.map((name, i) => [name, row.cells[i] ?? ''])));
}
