// A file read by the CLI's readers, as batches of events-table rows (ingestion order counts every record).
import { toEventRow, type EventRow } from '../sql/eventsTable.ts';
import { ProblemTally, summaryLine } from './accounting.ts';
import type { LineProblem, RecordReader } from './readers.ts';

/** Rows batch by batch; broken lines go to `report`, as `idmerge resolve` reports them. */
export async function* eventRowBatches(
  reader: RecordReader,
  report: (problems: readonly LineProblem[]) => void,
): AsyncGenerator<EventRow[]> {
  let order = 0;
  for await (const batch of reader.batches()) {
    report(batch.problems);
    const rows: EventRow[] = [];
    for (const item of batch.items) {
      const row = toEventRow(item.record, order++);
      if (row !== undefined) rows.push(row);
    }
    yield rows;
  }
}

/** Writes each problem as `idmerge resolve` does and counts them. */
export class ProblemReport {
  count = 0;
  private readonly tally = new ProblemTally();

  constructor(private readonly stderr: NodeJS.WritableStream) {}

  readonly add = (problems: readonly LineProblem[]): void => {
    for (const problem of problems) {
      this.stderr.write(`idmerge: line ${problem.line}: ${problem.reason}\n`);
      this.tally.add(problem);
    }
    this.count += problems.length;
  };

  /** The closing lines and exit code `idmerge resolve` gives: the line account (given the reader), then the count. */
  finish(reader?: RecordReader): number {
    if (this.count === 0) return 0;
    const account = reader?.account();
    if (account !== undefined) this.stderr.write(summaryLine(account, this.tally) + '\n');
    const lines = this.count === 1 ? '1 line was' : `${this.count} lines were`;
    this.stderr.write(`idmerge: ${lines} not read (see above); every other line was processed\n`);
    return 1;
  }
}
