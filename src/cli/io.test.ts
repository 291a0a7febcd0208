import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from './byteLines.ts';
import { readTextChunks, readTextPieces } from './io.ts';

describe('readTextPieces', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'idmerge-io-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function collect<T>(items: AsyncGenerator<T>): Promise<T[]> {
    const all: T[] = [];
    for await (const item of items) all.push(item);
    return all;
  }

  it('decodes the same chunks as readTextChunks, each as small pieces, characters cut at any boundary kept whole', async () => {
    // Two- three- and four-byte characters between ASCII runs of every length, so cuts fall at every offset of a
    // character, at piece boundaries and at the 1 MB chunk boundaries; and a file ending in a cut character.
    const characters = ['é', '€', '😀'];
    let text = '';
    for (let run = 0; text.length < 2.5 * CHUNK_SIZE; run++)
      text += 'a'.repeat(run % 41) + characters[run % 3];
    const path = join(dir, 'multibyte.txt');
    await writeFile(path, Buffer.concat([Buffer.from(text), Buffer.from('😀').subarray(0, 2)]));

    const chunks = await collect(readTextChunks(path));
    const pieces = await collect(readTextPieces(path));
    expect(pieces.map((group) => group.join(''))).toEqual(chunks);
    expect(chunks.join('')).toBe(text + '\uFFFD');
    // No piece near V8's large-object size (the reason for pieces), even as two-byte text.
    expect(Math.max(...pieces.flat().map((piece) => piece.length))).toBeLessThanOrEqual(1 << 15);
  });
});
