// ByteIds against a Map of strings, and the scanner's hashes against hashBytes (issue #14).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteIds, hashBytes } from './byteIds.ts';
import { EventBytes, scanEventBytes } from './eventBytes.ts';

const encoder = new TextEncoder();
const asciiId = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

describe('ByteIds', () => {
  it('gives each distinct id the number its interner gave it on first sight, through growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(asciiId, fc.constantFrom('a', 'b', 'x'.repeat(2000))), { maxLength: 3000 }),
        (texts) => {
          const interned = new Map<string, number>();
          const intern = (text: string) => {
            let id = interned.get(text);
            if (id === undefined) interned.set(text, (id = interned.size * 3 + 1));
            return id;
          };
          const byteIds = new ByteIds(intern);
          // Ids arrive inside larger buffers, at any offset, as a reader sees them.
          for (const text of texts) {
            const bytes = encoder.encode(`[${text}]`);
            const id = byteIds.id(bytes, 1, bytes.length - 1, hashBytes(bytes, 1, bytes.length - 1));
            expect(id).toBe(interned.get(text));
          }
          expect(interned.size).toBe(new Set(texts).size);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('numbers ids 0, 1, 2… in the order first seen when it has no interner', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(asciiId, fc.constantFrom('a', 'b')), { maxLength: 2000 }), (texts) => {
        const firstSeen = new Map<string, number>();
        const byteIds = new ByteIds();
        for (const text of texts) {
          if (!firstSeen.has(text)) firstSeen.set(text, firstSeen.size);
          const bytes = encoder.encode(` ${text} `);
          const id = byteIds.id(bytes, 1, bytes.length - 1, hashBytes(bytes, 1, bytes.length - 1));
          expect(id).toBe(firstSeen.get(text));
        }
        expect(byteIds.size).toBe(firstSeen.size);
      }),
      { numRuns: 100 },
    );
  });

  it('reads the same hash the scanner computed while it read the id', () => {
    fc.assert(
      fc.property(
        asciiId.filter((id) => id !== '' && !/["\\]/.test(id)),
        (id) => {
          const bytes = encoder.encode(JSON.stringify({ event: 'e', properties: { $user_id: id } }));
          const out = new EventBytes();
          expect(scanEventBytes(bytes, 0, bytes.length, out)).toBe(true);
          // A string value's range is its JSON text, quotes included: its own bytes are one in from each end.
          expect(out.hashes[2]).toBe(hashBytes(bytes, out.valueStarts[2]! + 1, out.valueEnds[2]! - 1));
          expect(out.nameHash).toBe(hashBytes(bytes, out.nameStart, out.nameEnd));
        },
      ),
    );
  });
});
