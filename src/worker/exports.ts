// Downloads built in the worker: resolved events (re-reading the file for every property), mappings and findings.
import type { Resolution } from '../engine/index.ts';
import type { Finding } from '../diagnostics/index.ts';
import {
  createImporter,
  csvColumnsFor,
  toCsvLine,
  toCsvRow,
  toResolvedEvent,
  type ImportFormat,
} from '../io/index.ts';
import type { ExportKind } from './protocol.ts';

export interface ExportSource {
  readonly chunks: () => AsyncIterable<string>;
  readonly format: ImportFormat | 'auto';
  readonly fileName?: string;
  readonly rederive: boolean;
}

const PART_SIZE = 1 << 20;

/** Builds an export as a Blob made of ~1 MB string parts. */
export async function buildExport(
  kind: ExportKind,
  resolution: Resolution,
  findings: readonly Finding[],
  source: ExportSource,
): Promise<Blob> {
  switch (kind) {
    case 'mappings': {
      const parts = new PartWriter();
      for (const row of resolution.final().mappings()) parts.line(JSON.stringify(row));
      return new Blob(parts.finish(), { type: 'application/x-ndjson' });
    }
    case 'findings':
      return new Blob([JSON.stringify({ mode: resolution.mode, findings }, null, 2)], {
        type: 'application/json',
      });
    case 'resolved-ndjson':
      return resolvedNdjson(resolution, source);
    case 'resolved-csv':
      return resolvedCsv(resolution, source);
  }
}

type ResolvedEvent = ReturnType<typeof toResolvedEvent>;

/**
 * Visits every event resolved, re-reading the file: the session kept only identity fields, an export wants every
 * property back. Records come out in the same order as at load, so their indexes match the resolution's.
 */
async function forEachResolved(
  resolution: Resolution,
  source: ExportSource,
  visit: (event: ResolvedEvent) => void,
) {
  const importer = createImporter(
    source.format,
    source.fileName === undefined ? {} : { fileName: source.fileName },
  );
  const view = resolution.final();
  let index = 0;
  const take = (batch: ReturnType<typeof importer.push>) => {
    for (const { record } of batch.records) {
      const output = view.output(index);
      if (record.kind === 'event' && output !== undefined)
        visit(toResolvedEvent(record.event, output, resolution.mode));
      index++;
    }
  };
  for await (const chunk of source.chunks()) take(importer.push(chunk));
  take(importer.end());
}

async function resolvedNdjson(resolution: Resolution, source: ExportSource): Promise<Blob> {
  const parts = new PartWriter();
  await forEachResolved(resolution, source, (event) => parts.line(JSON.stringify(event)));
  return new Blob(parts.finish(), { type: 'application/x-ndjson' });
}

/** Two passes: the columns first (the union of every event's properties), then the rows. */
async function resolvedCsv(resolution: Resolution, source: ExportSource): Promise<Blob> {
  const columns = new Set<string>();
  await forEachResolved(resolution, source, (event) => {
    for (const column of Object.keys(toCsvRow(event))) columns.add(column);
  });
  const header = csvColumnsFor([Object.fromEntries([...columns].map((c) => [c, '']))]);
  const parts = new PartWriter();
  // A download for a spreadsheet: formula-like text is neutralised (DECISIONS.md, "CSV formula cells").
  const cells = { neutraliseFormulas: true };
  parts.line(toCsvLine(header, cells), '\r\n');
  await forEachResolved(resolution, source, (event) => {
    const row = toCsvRow(event);
    parts.line(
      toCsvLine(
        header.map((column) => (Object.hasOwn(row, column) ? row[column] : undefined)),
        cells,
      ),
      '\r\n',
    );
  });
  return new Blob(parts.finish(), { type: 'text/csv' });
}

/** Collects lines into parts of about PART_SIZE characters, so a million lines never become one giant string. */
class PartWriter {
  private readonly parts: string[] = [];
  private part = '';

  line(text: string, newline = '\n'): void {
    this.part += text + newline;
    if (this.part.length >= PART_SIZE) {
      this.parts.push(this.part);
      this.part = '';
    }
  }

  finish(): string[] {
    if (this.part !== '') this.parts.push(this.part);
    return this.parts;
  }
}
