import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ByteWriter, OUTPUT_BUFFER_SIZE } from './byteWriter.ts';

/** Everything the writer handed to the destination, joined. */
async function written(fill: (out: ByteWriter) => void): Promise<Buffer> {
  const destination = new PassThrough();
  const parts: Buffer[] = [];
  destination.on('data', (part: Buffer) => parts.push(Buffer.from(part)));
  const out = new ByteWriter(destination);
  fill(out);
  await out.flush();
  return Buffer.concat(parts);
}

describe('ByteWriter', () => {
  it('writes short runs (copied byte by byte), long runs, single bytes and text in order, across buffer hand-overs', async () => {
    const source = Buffer.from(
      Array.from({ length: 300 }, (_, at) => 'abcdefghijklmnopqrstuvwxyz'[at % 26]).join(''),
    );
    const expected: Buffer[] = [];
    const result = await written((out) => {
      // Enough lines to fill the 1 MB buffer several times, with every run length from 0 to 299 at every offset.
      for (
        let line = 0;
        expected.reduce((sum, part) => sum + part.length, 0) < 3 * OUTPUT_BUFFER_SIZE;
        line++
      ) {
        const start = line % 7;
        const end = start + (line % 293);
        out.copy(source, start, end);
        expected.push(source.subarray(start, end));
        out.text('é');
        expected.push(Buffer.from('é'));
        out.byte(0x0a);
        expected.push(Buffer.from('\n'));
      }
    });
    expect(result.equals(Buffer.concat(expected))).toBe(true);
  });
});
