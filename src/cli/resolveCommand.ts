// `idmerge resolve`: two passes over a file (build the identity state, then stream the resolved events), one for Legacy.
import { statSync } from 'node:fs';
import { defineCommand, files } from './command.ts';
import {
  modeRules,
  IngestReceipts,
  Resolver,
  type Mode,
  type ResolveOptions,
  type ResolutionView,
} from '../engine/index.ts';
import { ByteWriter } from './byteWriter.ts';
import { copyResolved } from './copyResolved.ts';
import type { resolveOnDuckDb } from './duckdbResolve.ts';
import { LineWriter, rereadableSource, type CliStreams } from './io.ts';
import { ENGINE_FLAGS, ENGINE_FLAGS_HELP, engineOptions, UsageError } from './options.ts';
import {
  chooseFormat,
  IN_FLAG,
  NdjsonReader,
  outputProperties,
  MAX_LINE_FLAG,
  MAX_LINE_HELP,
  maxLineLength,
  readerFor,
  type LineProblem,
  type ReadBatch,
  type ReadItem,
  type RecordReader,
} from './readers.ts';
import { SpliceColumns } from './splice.ts';
import { PieceBytes, PieceNumbers } from './pieces.ts';
import { ProblemTally, reportJson, summaryLine } from './accounting.ts';
import type { ImportFormat, LineAccount } from '../io/index.ts';
import { resolveThreaded } from './threads/threadedResolve.ts';

/** Files from this size on are resolved on two threads; below it a worker's start (~30 ms) is not worth it. */
const THREADS_FROM_BYTES = 4 << 20;

/**
 * Whether to resolve `path` on two threads: from THREADS_FROM_BYTES on, or as IDMERGE_THREADS says (1: always,
 * 0: never; the tests compare both paths).
 */
function useThreads(path: string): boolean {
  const asked = process.env.IDMERGE_THREADS;
  if (asked === '1') return true;
  if (asked === '0') return false;
  return statSync(path).size >= THREADS_FROM_BYTES;
}

export const RESOLVE_USAGE = `Usage: idmerge resolve [options] [FILE|-]

Resolves a Mixpanel event stream (NDJSON, a JSON array, CSV with a header row, Segment messages, or a HAR
network log; detected automatically) and prints every event as NDJSON with properties.distinct_id set to the resolved distinct_id
(null when rejected), plus $distinct_id_before_identity, $identity_failure_reason, $failure_reason and
$failure_description where they apply. Reads standard input when FILE is - or missing.

Options:
${ENGINE_FLAGS_HELP}
  --mappings                          print the identity mappings table (distinct_id → resolved_distinct_id)
  --format auto|ndjson|json-array|csv|segment-ndjson|segment-json-array|har   input format (default auto);
                                      --in is the same flag (--in har reads a browser network log)
  --engine lab|duckdb                 lab (default): the engine in memory; duckdb: the generated SQL run in
                                      embedded DuckDB (idmerge sql), same output, every mode
${MAX_LINE_HELP}
  --report text|json                  the account of every line on standard error: text (default; printed when
                                      a line was not loaded) or json (always printed)
  -h, --help                          show this help`;

const FLAGS = {
  ...ENGINE_FLAGS,
  mappings: { type: 'boolean', default: false },
  format: { type: 'string', default: 'auto' },
  ...IN_FLAG,
  engine: { type: 'string', default: 'lab' },
  ...MAX_LINE_FLAG,
  report: { type: 'string', default: 'text' },
} as const;

/** Runs the command; returns the exit code (0 ok, 1 some lines were bad, 2 usage). */
export const runResolve = defineCommand({
  usage: RESOLVE_USAGE,
  flags: FLAGS,
  checks: [files.atMostOne()],
  async run({ values, positionals }, streams) {
    const { mode, options } = engineOptions(values);
    const limit = maxLineLength(values['max-line-bytes']);
    if (values.report !== 'text' && values.report !== 'json')
      throw new UsageError(`--report must be text or json; got "${values.report}"`);
    const source = await rereadableSource(positionals[0], streams.stdin);
    try {
      const format = await chooseFormat(source.path, source.name, values.in ?? values.format);
      const reader = readerFor(source.path, format, mode, source.name, limit);
      if (values.engine !== 'lab')
        return await resolveElsewhere(values.engine, reader, mode, options, streams, values.mappings);
      const run = new ResolveRun(reader, mode, options, streams, { format, json: values.report === 'json' });
      return values.mappings ? await run.mappings() : await run.events();
    } finally {
      await source.release();
    }
  },
});

/** `--engine duckdb`: the same answer from the generated SQL (src/sql), loaded lazily with its native module. */
async function resolveElsewhere(
  engine: string,
  ...args: Parameters<typeof resolveOnDuckDb>
): Promise<number> {
  if (engine !== 'duckdb') throw new UsageError(`--engine must be lab or duckdb; got "${engine}"`);
  return (await import('./duckdbResolve.ts')).resolveOnDuckDb(...args);
}

class ResolveRun {
  private readonly resolver: Resolver;
  private readonly out: LineWriter;
  private readonly tally = new ProblemTally();
  /** The lines' account when another thread read them (else the reader's). */
  private account: LineAccount | undefined;

  constructor(
    private readonly reader: RecordReader,
    private readonly mode: Mode,
    options: ResolveOptions,
    private readonly streams: CliStreams,
    private readonly reportAs: { readonly format: ImportFormat; readonly json: boolean },
  ) {
    this.resolver = new Resolver(mode, options, { retainRecords: false });
    this.out = new LineWriter(streams.stdout);
  }

  /** A mode that freezes ids at ingestion (Legacy, L-3) needs one pass; retroactive ones need the final state first. */
  async events(): Promise<number> {
    if (this.reader instanceof NdjsonReader && useThreads(this.reader.path)) await this.threaded(this.reader);
    else if (!modeRules(this.mode).retroactive) await this.onePass();
    else if (this.reader instanceof NdjsonReader) await this.copyPass(this.reader);
    else {
      await this.buildState();
      await this.writeResolved();
    }
    return this.finish();
  }

  async mappings(): Promise<number> {
    await this.buildState();
    for (const row of this.view().mappings()) if (this.out.line(JSON.stringify(row))) await this.out.flush();
    return this.finish();
  }

  private view(): ResolutionView {
    return this.resolver.result().final();
  }

  private async buildState(): Promise<void> {
    for await (const batch of this.reader.batches()) {
      this.report(batch.problems, batch.notes);
      for (const item of batch.items) this.resolver.ingest(item.record);
    }
  }

  /**
   * NDJSON on Simplified and Original: pass 1 scans and ingests, keeping every record's receipt (a few typed-array
   * entries) and where to splice its line; pass 2 copies the file's bytes with the resolved ids spliced in, without
   * scanning a line or running the engine again (see copyResolved.ts).
   */
  private async copyPass(reader: NdjsonReader): Promise<void> {
    const columns = new SpliceColumns();
    const receipts = new IngestReceipts();
    for await (const batch of reader.batches()) {
      this.report(batch.problems, batch.notes);
      for (const item of batch.items) {
        this.resolver.ingest(item.record, receipts);
        columns.record(item.line, item.text, item.scan);
      }
    }
    const view = this.view();
    const numbers = new PieceNumbers(
      view,
      (n) => this.resolver.idText(n),
      (outcome) => outputProperties(outcome, this.mode),
    );
    const bytes = new PieceBytes();
    const out = new ByteWriter(this.streams.stdout);
    const piecesAt = (at: number) => {
      numbers.number(receipts, at);
      const fresh = numbers.take();
      if (fresh !== undefined) bytes.add(fresh);
      return bytes.of(numbers.id, numbers.extra);
    };
    await copyResolved({ path: reader.path, columns, piecesAt }, out);
    await out.flush();
  }

  /** NDJSON in every mode, on two threads: the worker reads, scans and copies; this thread runs the engine. */
  private async threaded(reader: NdjsonReader): Promise<void> {
    this.account = await resolveThreaded(
      { path: reader.path, mode: this.mode, maxLineLength: reader.maxLineLength },
      this.resolver,
      (outcome) => outputProperties(outcome, this.mode),
      this.streams.stdout,
      (problems, notes) => this.report(problems, notes),
    );
  }

  private async writeResolved(): Promise<void> {
    const view = this.view();
    const receipts = new IngestReceipts();
    let index = 0;
    for await (const batch of this.reader.batches()) {
      receipts.clear();
      for (const item of batch.items) {
        this.resolver.reread(item.record, index++, receipts);
        this.write(item, view.outputOf(receipts, receipts.count - 1));
      }
      await this.out.flush();
      if (this.out.isClosed) return;
    }
  }

  private async onePass(): Promise<void> {
    const view = this.view();
    const receipts = new IngestReceipts();
    for await (const batch of this.reader.batches()) {
      this.report(batch.problems, batch.notes);
      receipts.clear();
      for (const item of batch.items) {
        this.resolver.ingest(item.record, receipts);
        this.write(item, view.outputOf(receipts, receipts.count - 1));
      }
      await this.out.flush();
      if (this.out.isClosed) return;
    }
  }

  /** Buffers the line; batches are flushed (with backpressure) once per chunk read, not per line. */
  private write(item: ReadItem, outcome: Parameters<RecordReader['render']>[1]): void {
    this.out.line(this.reader.render(item, outcome));
  }

  private report(problems: readonly LineProblem[], notes: ReadBatch<ReadItem>['notes'] = []): void {
    for (const note of notes)
      this.streams.stderr.write(`idmerge: line ${note.line}: note: ${note.message}\n`);
    for (const problem of problems) {
      this.streams.stderr.write(`idmerge: line ${problem.line}: ${problem.reason}\n`);
      this.tally.add(problem);
    }
  }

  /** Every line accounted for: the summary (text when a line was not loaded, or JSON always), then the exit code. */
  private async finish(): Promise<number> {
    await this.out.flush();
    const account = this.account ?? this.reader.account();
    const problems = this.tally.total;
    if (account !== undefined && this.reportAs.json)
      this.streams.stderr.write(reportJson(this.reportAs.format, account, this.tally) + '\n');
    else if (account !== undefined && problems > 0)
      this.streams.stderr.write(summaryLine(account, this.tally) + '\n');
    const entries = this.reader.entrySummary?.();
    if (entries !== undefined && (problems > 0 || this.reportAs.json))
      this.streams.stderr.write(`idmerge: ${entries}\n`);
    if (problems === 0) return 0;
    const lines = problems === 1 ? '1 line was' : `${problems} lines were`;
    this.streams.stderr.write(`idmerge: ${lines} not read (see above); every other line was processed\n`);
    return 1;
  }
}
