// Pipes behave (issue #11): output respects backpressure without leaking listeners, and a closed reader ends quietly.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineWriter } from './io.ts';

/** A destination that accepts little at a time, so every flush has to wait for 'drain'. */
function slowSink(): Writable {
  return new Writable({
    highWaterMark: 16,
    write(_chunk, _encoding, done) {
      setImmediate(done);
    },
  });
}

describe('LineWriter', () => {
  it('waits for drain on every flush and leaves no listener behind (no MaxListenersExceededWarning)', async () => {
    const sink = slowSink();
    const before = sink.listenerCount('close') + sink.listenerCount('drain');
    const writer = new LineWriter(sink);
    for (let flush = 0; flush < 50; flush++) {
      writer.line('x'.repeat(100));
      await writer.flush();
    }
    expect(sink.listenerCount('close') + sink.listenerCount('drain')).toBe(before);
    expect(sink.writableLength).toBeLessThanOrEqual(101);
  });

  it('a reader that went away (EPIPE) closes the writer quietly instead of throwing', async () => {
    const sink = new PassThrough({ highWaterMark: 1 });
    const writer = new LineWriter(sink);
    writer.line('first');
    const flushed = writer.flush();
    sink.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await flushed;
    expect(writer.isClosed).toBe(true);
    writer.line('second');
    await expect(writer.flush()).resolves.toBeUndefined();
  });
});
