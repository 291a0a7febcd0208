// The index the views read (issue #14 made it cheaper): clusters ordered by events, ids, then name; each cluster's
// events, links and refusals as the engine's view gives them.
import { describe, expect, it } from 'vitest';
import { generateStream } from '../../bench/generate.ts';
import { MODES, resolve, type StreamRecord } from '../engine/index.ts';
import { ResolvedIndex } from './resolvedIndex.ts';

const records: StreamRecord[] = [
  ...generateStream({ events: 3_000, users: 300, devices: 600, seed: 11 }),
].map((event) => ({ kind: 'event', event: event as never }));

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
      expect(index.clusters).toEqual(expected);
      expect(expected[0]?.events).toBeGreaterThan(1);
      // Ties on events and ids are common, so the name order is exercised.
      expect(new Set(expected.map((c) => `${c.events} ${c.ids}`)).size).toBeLessThan(expected.length / 2);
      for (const { canonical } of expected.slice(0, 50)) {
        expect([...index.eventsOf(canonical)]).toEqual(
          resolved.flatMap((id, i) => (id === canonical ? [i] : [])),
        );
        expect(index.linksOf(canonical)).toEqual(
          view.links().filter((link) => view.canonicalOf(link.to) === canonical),
        );
      }
    });
});
