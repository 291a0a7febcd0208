// The index the views read (issue #14 made it cheaper): clusters ordered by events, ids, then name; each cluster's
// events, links and refusals as the engine's view gives them.
import { describe, expect, it } from 'vitest';
import { generateStream } from '../../bench/generate.ts';
import { MODES, resolve, type StreamRecord } from '../engine/index.ts';
import { ResolvedIndex } from './resolvedIndex.ts';

const event = (name: string, properties: Record<string, unknown>): StreamRecord => ({
  kind: 'event',
  event: { event: name, properties },
});

/** Links the generated stream lacks: refused ones (O-7 on Original, S-9 on Simplified; Legacy refuses none here). */
const refused: StreamRecord[] = [
  event('$identify', { distinct_id: 'u-1', $anon_id: 'anon-1', $identified_id: 'u-1', time: 1 }),
  event('$identify', { distinct_id: 'u-2', $anon_id: 'anon-1', $identified_id: 'u-2', time: 2 }),
  event('$merge', { distinct_id: 'u-1', $distinct_ids: ['u-1', 'u-2'], time: 3 }),
  event('Signed in', { distinct_id: 'd-1', $device_id: 'd-1', $user_id: 'u-1', time: 4 }),
  event('Signed in', { distinct_id: 'd-1', $device_id: 'd-1', $user_id: 'u-2', time: 5 }),
];

const records: StreamRecord[] = [
  ...[...generateStream({ events: 3_000, users: 300, devices: 600, seed: 11 })].map((sent): StreamRecord => ({
    kind: 'event',
    event: sent as never,
  })),
  ...refused,
];

describe('ResolvedIndex', () => {
  for (const mode of MODES)
    it(`${mode}: clusters by events, then ids, then name, with sizes and members as the view counts them`, () => {
      const resolution = resolve(records, mode);
      const index = new ResolvedIndex(resolution, []);
      const view = resolution.final();
      const resolved = Array.from({ length: records.length }, (_, i) => view.output(i)?.resolvedId);
      const expected = view
        .clusters()
        .map((cluster) => ({
          canonical: cluster.canonical,
          ids: cluster.members.length,
          devices: cluster.members.filter((member) => member.isDevice).length,
          events: resolved.filter((id) => id === cluster.canonical).length,
        }))
        .sort(
          (a, b) =>
            b.events - a.events ||
            b.ids - a.ids ||
            (a.canonical < b.canonical ? -1 : +(a.canonical > b.canonical)),
        );
      const fresh = new ResolvedIndex(resolution, []);
      for (const limit of [0, 1, 7, 100, expected.length + 1])
        expect(fresh.topClusters(limit)).toEqual(expected.slice(0, limit));
      expect(fresh.clusterCount).toBe(expected.length);
      expect(index.clusters).toEqual(expected);
      const refusals = view.failedAttempts();
      for (const attempt of refusals)
        expect(index.failureAtEvent(attempt.eventIndex)).toEqual(attempt.failure);
      expect(expected[0]?.events).toBeGreaterThan(1);
      // Ties on events and ids are common, so the name order is exercised.
      expect(new Set(expected.map((c) => `${c.events} ${c.ids}`)).size).toBeLessThan(expected.length / 2);
      if (mode !== 'legacy') expect(refusals.length).toBeGreaterThan(0);
      const touched = refusals
        .flatMap((attempt) => [attempt.from, attempt.to])
        .filter((id) => id !== undefined);
      const checked = new Set([
        ...expected.slice(0, 50).map((c) => c.canonical),
        ...touched.map((id) => view.canonicalOf(id)),
      ]);
      for (const canonical of checked) {
        expect([...index.eventsOf(canonical)]).toEqual(
          resolved.flatMap((id, i) => (id === canonical ? [i] : [])),
        );
        expect(index.linksOf(canonical)).toEqual(
          view.links().filter((link) => view.canonicalOf(link.to) === canonical),
        );
        expect(index.failuresOf(canonical)).toEqual(
          view
            .failedAttempts()
            .filter((attempt) =>
              [attempt.from, attempt.to].some((id) => id !== undefined && view.canonicalOf(id) === canonical),
            ),
        );
      }
    });
});
