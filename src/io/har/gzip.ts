// One decompression abstraction for the browser and Node: both ship DecompressionStream (Node since 18).

/** Inflates gzip or deflate bytes; rejects when the bytes are not what they claim. */
export type Inflate = (bytes: Uint8Array, format: 'gzip' | 'deflate') => Promise<Uint8Array>;

/**
 * The default inflater: the Compression Streams API, in a Web Worker and in Node alike, so the app and the CLI
 * decode a body the same way. Tests or other hosts may pass their own (e.g. Node's zlib) to `readHar`.
 */
export const inflate: Inflate = async (bytes, format) => {
  const copy = new Uint8Array(bytes);
  const stream = new Blob([copy]).stream().pipeThrough(new DecompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

/** gzip's magic number, as bytes and as the first characters of its base64. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}
