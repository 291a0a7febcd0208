// The link holds the whole view (issue #17): assumptions, SDK version, selection, side panel and table choices
// survive a write and a read, defaults stay out of the link, and hostile values become notices, never errors.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchLibrary } from '../scenarios/library/shelf.ts';
import { DEFAULT_OPTIONS, OPTION_FLAGS } from '../engine/index.ts';
import { HOSTILE_VALUES } from '../app/test/doors.ts';
import { writePlaySearch } from './custom.ts';
import { initialStateFor } from './locate.ts';
import { quoteInput } from './quote.ts';
import {
  DEFAULT_VIEW_DETAILS,
  readViewDetails,
  withViewDetails,
  writeLocation,
  type ViewDetails,
} from './urlState.ts';

const base = writeLocation({ scenarioId: 'returning-user', mode: 'simplified', cursor: 3 });

const details: fc.Arbitrary<ViewDetails> = fc.record({
  options: fc.record(
    {
      linkOrder: fc.constantFrom('ingestion', 'event-time'),
      clusterLimit: fc.integer({ min: 1, max: 100_000 }),
      guidCheck: fc.constantFrom('php', 'strict-v4', 'off'),
      canonical: fc.constantFrom(DEFAULT_OPTIONS.canonical),
      devicePrefix: fc.constantFrom('prefix-again', 'strip'),
      blockedIdMatch: fc.constantFrom('exact', 'case-insensitive'),
    },
    { requiredKeys: [] },
  ),
  sdkVersion: fc.constantFrom(undefined, 'current', 'legacy'),
  selection: fc.oneof(
    fc.constant(null),
    fc.nat({ max: 10_000 }).map((recordIndex) => ({ kind: 'event' as const, recordIndex })),
    fc.string({ minLength: 1, maxLength: 40 }).map((id) => ({ kind: 'id' as const, id })),
  ),
  sidePanel: fc.constantFrom('why', 'devices', 'profiles', 'settings'),
  tableView: fc.constantFrom('as-sent', 'as-shown'),
  identityEvents: fc.constantFrom('scenario', 'shown', 'hidden'),
});

/** Options equal to the engine's defaults are not written: they read back as "not set". */
function withoutDefaults(view: ViewDetails): ViewDetails {
  const options = Object.fromEntries(
    Object.entries(view.options).filter(
      ([key, value]) => value !== DEFAULT_OPTIONS[key as keyof typeof DEFAULT_OPTIONS],
    ),
  );
  return { ...view, options };
}

// Library scenarios but the first load on demand, as in the app: a URL naming one waits for it there.
beforeAll(async () => {
  await fetchLibrary();
});

describe('view details in the link', () => {
  it('read back exactly what was written, after the location and after a play payload', () => {
    fc.assert(
      fc.property(details, (view) => {
        for (const search of [base, writePlaySearch('N4Ig+lg-x', 'legacy', 2)]) {
          const read = readViewDetails(withViewDetails(search, view));
          expect(read.notices).toEqual([]);
          expect({ ...DEFAULT_VIEW_DETAILS, ...read.details }).toEqual(withoutDefaults(view));
        }
      }),
    );
  });

  it('keep a play payload and the location intact, and write nothing for the defaults', () => {
    const play = writePlaySearch('N4Ig+lg-x', 'legacy', 2);
    const written = withViewDetails(play, { ...DEFAULT_VIEW_DETAILS, sidePanel: 'settings' });
    expect(written).toBe(`${play}&panel=settings`);
    expect(withViewDetails(base, DEFAULT_VIEW_DETAILS)).toBe(base);
    expect(withViewDetails(base, { ...DEFAULT_VIEW_DETAILS, options: { ...DEFAULT_OPTIONS } })).toBe(base);
  });

  it('name each option by its CLI flag and the selected event by its 1-based position', () => {
    const written = withViewDetails(base, {
      ...DEFAULT_VIEW_DETAILS,
      options: { clusterLimit: 3, linkOrder: 'event-time' },
      selection: { kind: 'event', recordIndex: 4 },
    });
    const params = new URLSearchParams(written);
    expect(params.get(OPTION_FLAGS.clusterLimit)).toBe('3');
    expect(params.get(OPTION_FLAGS.linkOrder)).toBe('event-time');
    expect(params.get('event')).toBe('5');
  });

  it('turn values the app does not know into notices and keep the rest of the link', () => {
    const read = readViewDetails(
      `${base}&cluster-limit=0x10&guid-check=maybe&event=-2&panel=<img>&sdk=v9&table=as-shown`,
    );
    expect(read.details).toEqual({ tableView: 'as-shown' });
    expect(read.notices).toHaveLength(5);
    expect(read.notices.join('\n')).toContain('cluster-limit="0x10" is ignored');
    expect(read.notices.join('\n')).toContain('"<img>" is not a panel');
    const long = readViewDetails(`${base}&id=${'x'.repeat(5000)}`);
    expect(long.details).toEqual({});
    expect(Math.max(...[...read.notices, ...long.notices].map((notice) => notice.length))).toBeLessThan(200);
  });

  it('read hostile values (#11) through quoteInput: a short notice naming each one ignored, never a throw', () => {
    const params = [
      ...Object.values(OPTION_FLAGS),
      'sdk',
      'event',
      'id',
      'panel',
      'table',
      'identity-events',
    ];
    for (const param of params)
      for (const value of HOSTILE_VALUES) {
        const search = `${base}&${new URLSearchParams({ [param]: value }).toString()}`;
        const asRead = new URLSearchParams(search).get(param) ?? '';
        const read = readViewDetails(search);
        const ignored = Object.keys(read.details).length === 0;
        // Any non-empty short string is an id a scenario could use; everything else here is ignored.
        expect(ignored).toBe(param !== 'id' || asRead === '');
        if (ignored) expect(read.notices.join('\n')).toContain(quoteInput(asRead).slice(0, 20));
        for (const notice of read.notices) expect(notice.length).toBeLessThan(400);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }
  });

  it('never throw, whatever the query string', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, value) => {
        const search = `?${encodeURIComponent(key)}=${encodeURIComponent(value)}&${key}=${value}`;
        expect(() => readViewDetails(search)).not.toThrow();
      }),
    );
  });

  it('open the page in the view the link names', () => {
    const state = initialStateFor(`${base}&cluster-limit=2&event=3&panel=devices&identity-events=hidden`);
    expect(state).toMatchObject({
      scenarioId: 'returning-user',
      cursor: 3,
      options: { clusterLimit: 2 },
      selection: { kind: 'event', recordIndex: 2 },
      sidePanel: 'devices',
      identityEvents: 'hidden',
    });
  });
});
