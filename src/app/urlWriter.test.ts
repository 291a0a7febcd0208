import { describe, expect, it } from 'vitest';
import { createUrlWriter, MAX_WRITE_WAIT_MS, WRITE_QUIET_MS, type HistoryMethod } from './urlWriter.ts';

/** A fake clock and scheduler: `advance` runs what falls due. */
function harness() {
  let now = 0;
  let search = '?step=0';
  const writes: [string, HistoryMethod][] = [];
  const timers: { at: number; run: () => void; live: boolean }[] = [];
  const writer = createUrlWriter({
    search: () => search,
    write: (s, m) => writes.push([s, m]),
    now: () => now,
    schedule: (run, delay) => {
      const timer = { at: now + delay, run, live: true };
      timers.push(timer);
      return () => (timer.live = false);
    },
  });
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.live && t.at <= now)) {
      timer.live = false;
      timer.run();
    }
  };
  return { writer, writes, advance, setSearch: (s: string) => (search = s) };
}

describe('createUrlWriter', () => {
  it('writes the latest view once per burst, when the requests pause', () => {
    const h = harness();
    h.setSearch('?step=1');
    h.writer.request('push');
    h.advance(WRITE_QUIET_MS - 1);
    h.setSearch('?step=2');
    h.writer.request('push');
    h.advance(WRITE_QUIET_MS - 1);
    expect(h.writes).toEqual([]);
    h.advance(1);
    expect(h.writes).toEqual([['?step=2', 'push']]);
    h.advance(10 * WRITE_QUIET_MS);
    expect(h.writes).toHaveLength(1);
  });

  it('writes at most the longest wait after the first request when the requests never pause', () => {
    const h = harness();
    const every = WRITE_QUIET_MS / 2;
    for (let elapsed = 0; elapsed < MAX_WRITE_WAIT_MS - every; elapsed += every) {
      h.writer.request('replace');
      h.advance(every);
    }
    expect(h.writes).toEqual([]);
    h.writer.request('replace');
    h.advance(every);
    expect(h.writes).toHaveLength(1);
  });

  it('writes a request after a write on its own pause', () => {
    const h = harness();
    h.writer.request('push');
    h.advance(WRITE_QUIET_MS);
    h.writer.request('replace');
    h.advance(WRITE_QUIET_MS - 1);
    expect(h.writes).toHaveLength(1);
    h.advance(1);
    expect(h.writes.map(([, method]) => method)).toEqual(['push', 'replace']);
  });

  it('lets a push win over a replace in the same burst', () => {
    const h = harness();
    h.writer.request('replace');
    h.writer.request('push');
    h.writer.request('replace');
    h.advance(WRITE_QUIET_MS);
    expect(h.writes.map(([, method]) => method)).toEqual(['push']);
  });

  it('flushes on demand and then has nothing pending', () => {
    const h = harness();
    h.writer.request('push');
    h.writer.flush();
    h.advance(100);
    expect(h.writes).toHaveLength(1);
  });
});

describe('discard', () => {
  it('drops what is pending and still accepts later requests', () => {
    const h = harness();
    h.writer.request('push');
    h.writer.discard();
    h.advance(100);
    expect(h.writes).toEqual([]);
    h.writer.request('replace');
    h.advance(WRITE_QUIET_MS);
    expect(h.writes).toHaveLength(1);
  });
});
