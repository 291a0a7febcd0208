// The worker's byte reader against the text reader it replaces (issue #14): on nasty files (broken lines, CR and
// CRLF endings, a BOM, unicode escapes, non-ASCII text, invalid UTF-8, over-long lines, lines cut by the 1 MB chunk
// boundary anywhere, a CRLF pair included) it yields, batch by batch, the same items with the same line numbers and
// records, the same problems and notes, the same splice columns, and the same account of the lines.
import fc from 'fast-check';
import { statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StreamRecord } from '../../engine/index.ts';
import { IDENTITY_KEYS } from '../../io/scan/index.ts';
import { ByteChannel, type EventBytes } from '../../io/scan/eventBytes.ts';
import { CHUNK_SIZE } from '../byteLines.ts';
import { NdjsonReader } from '../readers.ts';
import { SpliceColumns } from '../splice.ts';
import { tempFile } from '../test/runCli.ts';
import { ByteNdjsonReader } from './byteReader.ts';
import { ODD_NDJSON_LINES } from '../test/oddLines.ts';

const decoder = new TextDecoder();

/** A record as the engine sees it, rebuilt from what the byte path read. */
function recordOf(bytes: Uint8Array, event: EventBytes): StreamRecord {
  const properties: Record<string, unknown> = {};
  IDENTITY_KEYS.forEach((key, k) => {
    if (!event.has(k)) return;
    properties[key] = event.isString(k)
      ? decoder.decode(bytes.subarray(event.valueStarts[k]! + 1, event.valueEnds[k]! - 1))
      : event.numbers[k];
  });
  const name = decoder.decode(bytes.subarray(event.nameStart, event.nameEnd));
  const channel = event.channel === ByteChannel.Track ? 'track' : 'import';
  return event.channel === ByteChannel.None
    ? { kind: 'event', event: { event: name, properties } }
    : { kind: 'event', event: { event: name, properties, channel } };
}

async function readByText(path: string, maxLineLength: number) {
  const reader = new NdjsonReader(path, 'simplified', maxLineLength);
  const columns = new SpliceColumns();
  const batches = [];
  for await (const batch of reader.batches()) {
    for (const item of batch.items) columns.record(item.line, item.text, item.scan);
    const items = batch.items.map(({ line, record }) => ({ line, record }));
    batches.push({ items, problems: batch.problems, notes: batch.notes ?? [] });
  }
  return { batches: afterLastChunk(batches, path), columns: columns.since(0, 0), account: reader.account() };
}

type Batch = { items: readonly unknown[]; problems: readonly unknown[]; notes: readonly unknown[] };

/**
 * The batches with those after the file's last chunk merged: the text reader yields one more when the file ends in
 * a cut UTF-8 sequence (the decoder's rest), the byte reader none; what either holds is the same.
 */
function afterLastChunk<B extends Batch>(batches: B[], path: string): Batch[] {
  const chunks = Math.ceil(statSync(path).size / CHUNK_SIZE);
  const rest = batches.slice(chunks);
  const merged = {
    items: rest.flatMap((batch) => batch.items),
    problems: rest.flatMap((batch) => batch.problems),
    notes: rest.flatMap((batch) => batch.notes),
  };
  return [...batches.slice(0, chunks), merged];
}

async function readByBytes(path: string, maxLineLength: number) {
  const columns = new SpliceColumns();
  let items: Array<{ line: number; record: StreamRecord }> = [];
  let fromBytes = 0;
  const reader = new ByteNdjsonReader(path, maxLineLength, {
    event(line, bytes, lineStart, event) {
      columns.recordBytes(line, lineStart, event);
      items.push({ line, record: recordOf(bytes, event) });
      fromBytes++;
    },
    item(item) {
      columns.record(item.line, item.text, item.scan);
      items.push({ line: item.line, record: item.record });
    },
  });
  const batches = [];
  for await (const batch of reader.batches()) {
    batches.push({ items, problems: batch.problems, notes: batch.notes });
    items = [];
  }
  const read = {
    batches: afterLastChunk(batches, path),
    columns: columns.since(0, 0),
    account: reader.account(),
  };
  return { read, fromBytes };
}

/** Lines the byte path must hand to the text path, or read exactly as it would. */
const plainLine = fc
  .record({
    name: fc.constantFrom('Page View', '$identify', '$create_alias', 'e'),
    device: fc.constantFrom('d0', 'd1', 'd2'),
    user: fc.option(fc.constantFrom('u0', 'u1'), { nil: undefined }),
    n: fc.nat(99),
    channel: fc.constantFrom(undefined, 'track', 'import'),
  })
  .map(({ name, device, user, n, channel }) =>
    JSON.stringify({
      event: name,
      properties: {
        time: 1_700_000_000 + n,
        $insert_id: `i${n}`,
        distinct_id: user ?? `$device:${device}`,
        $device_id: device,
        ...(user ? { $user_id: user } : {}),
      },
      ...(channel ? { channel } : {}),
    }),
  );
const line = fc.oneof({ weight: 3, arbitrary: plainLine }, fc.constantFrom(...ODD_NDJSON_LINES));

/** A file of lines: text, then as bytes with invalid UTF-8 spliced in where asked. */
const nastyFile = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 30 }),
  ending: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  invalid: fc.array(fc.tuple(fc.nat(), fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98])), {
    maxLength: 2,
  }),
  /** Bytes before the lines, so the first chunk boundary falls at any place among them (none: a small file). */
  before: fc.option(fc.integer({ min: CHUNK_SIZE - 400, max: CHUNK_SIZE - 1 }), { nil: undefined }),
});

function bytesOf(file: FileShape): Buffer {
  const text = file.lines.join(file.ending) + (file.finalNewline ? file.ending : '');
  let body = Buffer.from(text, 'utf8');
  for (const [at, bad] of file.invalid) {
    const cut = at % (body.length + 1);
    body = Buffer.concat([body.subarray(0, cut), Buffer.from(bad), body.subarray(cut)]);
  }
  const parts = [file.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0)];
  if (file.before !== undefined) {
    const filler = `{"event":"pad","properties":{"distinct_id":"p","x":"`;
    const room = file.before - filler.length - 3 - 1;
    parts.push(Buffer.from(`${filler}${'x'.repeat(Math.max(0, room))}"}}${file.ending}`));
  }
  parts.push(body);
  return Buffer.concat(parts);
}

type FileShape = typeof nastyFile extends fc.Arbitrary<infer T> ? T : never;

let files = 0;
function write(bytes: Buffer): string {
  const path = tempFile(`bytes-${files++}.ndjson`, '');
  writeFileSync(path, bytes);
  return path;
}

describe('the byte reader of `idmerge resolve`', () => {
  it('reads nasty files exactly as the text reader does, batch by batch', async () => {
    let fromBytes = 0;
    await fc.assert(
      fc.asyncProperty(nastyFile, fc.constantFrom(1 << 26, 120, 400), async (file, limit) => {
        const path = write(bytesOf(file));
        const bytes = await readByBytes(path, limit);
        expect(bytes.read).toEqual(await readByText(path, limit));
        fromBytes += bytes.fromBytes;
      }),
      { numRuns: 150 },
    );
    expect(fromBytes).toBeGreaterThan(100);
  }, 120_000);

  it('reads a line over the limit in bytes but not in characters, and one cut by the chunk boundary', async () => {
    const wide = `{"event":"x","properties":{"distinct_id":"u","city":"${'ü'.repeat(100)}"}}`;
    const long = `{"event":"x","properties":{"distinct_id":"u","pad":"${'z'.repeat(2 * CHUNK_SIZE)}"}}`;
    for (const limit of [150, 200, 3 * CHUNK_SIZE]) {
      const path = write(Buffer.from([wide, long, wide].join('\r\n')));
      expect((await readByBytes(path, limit)).read).toEqual(await readByText(path, limit));
    }
  }, 60_000);
});
