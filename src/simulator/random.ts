// Seeded randomness: the same seed and stream name always give the same sequence (ARCHITECTURE.md rule 2).

/** A deterministic source of unsigned 32-bit integers. */
export interface RandomSource {
  nextUint32(): number;
}

/** xmur3: folds a string into a generator of 32-bit seeds. */
function xmur3(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** sfc32: a small, fast generator with a 128-bit state. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/**
 * A source for one named stream of one seed. Streams are independent, so adding an event to a scenario does not
 * change the device ids it generates.
 */
export function createRandom(seed: string, stream: string): RandomSource {
  const hash = xmur3(`${seed}\u0000${stream}`);
  const next = sfc32(hash(), hash(), hash(), hash());
  for (let i = 0; i < 12; i++) next(); // warm up: the first outputs of sfc32 echo the seed
  return { nextUint32: next };
}

/** A whole number in [0, bound). */
export function randomBelow(source: RandomSource, bound: number): number {
  return source.nextUint32() % bound;
}

/** `length` lowercase hexadecimal digits. */
export function randomHex(source: RandomSource, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += randomBelow(source, 16).toString(16);
  return text;
}

/** `length` base-36 digits, the alphabet of mixpanel-browser's `$insert_id`. */
export function randomBase36(source: RandomSource, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += randomBelow(source, 36).toString(36);
  return text;
}
