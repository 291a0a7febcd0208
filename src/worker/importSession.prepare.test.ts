// Background preparation of other modes (issue #14): a prepared or earlier resolution answers a switch unchanged.
import { describe, expect, it } from 'vitest';
import { ImportSession, specKey } from './importSession.ts';
import { backgroundDelayMs, BackgroundModes } from './pacing.ts';

const line = (event: string, properties: Record<string, unknown>) => JSON.stringify({ event, properties });
/** S-6 links D1 ⇒ U1 in Simplified; in Original the same stream has no $identify, so D1 and U1 stay apart (O-1). */
const FILE = [
  line('e1', { $device_id: 'D1', distinct_id: '$device:D1' }),
  line('e2', { $device_id: 'D1', $user_id: 'U1', distinct_id: 'U1' }),
  line('e3', { $device_id: 'D2', distinct_id: '$device:D2' }),
  line('$identify', { distinct_id: 'U2', $anon_distinct_id: 'D3', $identified_id: 'U2' }),
  line('e4', { distinct_id: 'D3' }),
].join('\n');

async function* once(text: string): AsyncGenerator<string> {
  yield await Promise.resolve(text);
}

async function loaded(sliceRecords?: number): Promise<ImportSession> {
  const session = new ImportSession(sliceRecords);
  await session.load(
    once(FILE),
    { format: 'auto', rederive: false },
    () => {},
    () => false,
    { mode: 'simplified', options: {} },
  );
  return session;
}

/** Every record's resolved distinct_id under the session's current resolution. */
const resolvedIds = (session: ImportSession) =>
  Array.from({ length: session.store.size }, (_, i) => session.current.final().output(i)?.resolvedId);

describe('ImportSession background preparation', () => {
  it('a mode prepared in slices resolves exactly as a switch computed on demand', async () => {
    const fresh = await loaded();
    const prepared = await loaded();
    for (const mode of ['original', 'legacy'] as const) {
      // A zero budget advances one slice per call, as the worker does between messages.
      while (!prepared.prepare({ mode, options: {} }, 0));
      expect(prepared.isPrepared({ mode, options: {} })).toBe(true);
      expect(prepared.resolveAs(mode, {})).toEqual(fresh.resolveAs(mode, {}));
      expect(resolvedIds(prepared)).toEqual(resolvedIds(fresh));
    }
  });

  it('a switch to a mode half prepared finishes its pass from where it stopped', async () => {
    const fresh = await loaded();
    // Two records per slice and no time budget: one call reads records 0–1 of 5 and stops there.
    const prepared = await loaded(2);
    for (const mode of ['original', 'legacy'] as const) {
      expect(prepared.prepare({ mode, options: {} }, 0)).toBe(false);
      expect(prepared.isPrepared({ mode, options: {} })).toBe(false);
      expect(prepared.resolveAs(mode, {})).toEqual(fresh.resolveAs(mode, {}));
      expect(resolvedIds(prepared)).toEqual(resolvedIds(fresh));
    }
  });

  it('switching back reuses the kept resolution, and new options are resolved anew', async () => {
    const session = await loaded();
    const first = session.current;
    session.resolveAs('legacy', {});
    session.resolveAs('simplified', {});
    expect(session.current).toBe(first);
    session.resolveAs('simplified', { devicePrefix: 'strip' });
    expect(session.current).not.toBe(first);
  });

  it('a background run held back after a load starts after its wait, unless a switch or a stop came first', async () => {
    const spec = { mode: 'original', options: {} } as const;
    const isLoaded = () => true;
    // Held back, then run: the mode ends prepared.
    const waited = await loaded();
    const background = new BackgroundModes();
    const run = background.prepare(waited, ['original'], {}, isLoaded, 200);
    // A timer due sooner fires first: by then, without the wait, this five-record pass would long be done.
    await new Promise((turn) => setTimeout(turn, 20));
    expect(waited.isPrepared(spec)).toBe(false);
    await run;
    expect(waited.isPrepared(spec)).toBe(true);
    // Stopped while held back (another file is being read): it never starts.
    const stopped = await loaded();
    const held = new BackgroundModes();
    const never = held.prepare(stopped, ['original'], {}, isLoaded, 20);
    held.stop();
    await never;
    expect(stopped.isPrepared(spec)).toBe(false);
    // Superseded while held back (a switch prepares under its own options): only the later run prepares.
    const superseded = await loaded();
    const both = new BackgroundModes();
    const first = both.prepare(superseded, ['original'], {}, isLoaded, 20);
    const second = both.prepare(superseded, ['legacy'], {}, isLoaded);
    await Promise.all([first, second]);
    expect(superseded.isPrepared({ mode: 'legacy', options: {} })).toBe(true);
    expect(superseded.isPrepared(spec)).toBe(false);
  });

  it('holds the background back after small files only (the page mounts first); big files start at once', () => {
    expect(backgroundDelayMs(100_000)).toBeGreaterThan(0);
    expect(backgroundDelayMs(1_000_000)).toBe(0);
  });

  it('keys options by content, not by property order', () => {
    const a = specKey({ mode: 'original', options: { devicePrefix: 'strip', clusterLimit: 3 } });
    const b = specKey({ mode: 'original', options: { clusterLimit: 3, devicePrefix: 'strip' } });
    expect(a).toBe(b);
    expect(specKey({ mode: 'legacy', options: {} })).not.toBe(specKey({ mode: 'original', options: {} }));
  });
});
