// The import pipeline in Node: load with progress and cancel, resolve per mode, query, export and re-import.
import { describe, expect, it } from 'vitest';
import { buildExport } from './exports.ts';
import { ImportSession, type LoadSettings } from './importSession.ts';
import { clusterList, identityDetail, matchingIndexes, rowPage, searchIds } from './queries.ts';

const line = (event: string, properties: Record<string, unknown>) => JSON.stringify({ event, properties });
const FILE = [
  line('e1', { $device_id: 'D1', page: 'home' }),
  line('e2', { $device_id: 'D1' }),
  '{"event": broken',
  line('e3', { $device_id: 'D1', $user_id: 'U1', distinct_id: 'U1' }),
  line('e4', { $device_id: 'D1', $user_id: 'U2' }),
  line('e5', { $device_id: 'D2' }),
].join('\n');

/** The text in chunks of `size` characters, as a file stream delivers it. */
async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield await Promise.resolve(text.slice(i, i + size));
}

const SETTINGS: LoadSettings = { format: 'auto', rederive: false };

async function loaded(text = FILE): Promise<ImportSession> {
  const session = new ImportSession();
  await session.load(
    chunked(text, 7),
    SETTINGS,
    () => {},
    () => false,
  );
  return session;
}

describe('ImportSession', () => {
  it('loads every usable line, reports the broken one by number, and reports progress', async () => {
    const session = new ImportSession();
    const progress: number[] = [];
    await session.load(
      chunked(FILE, 50),
      SETTINGS,
      (p) => progress.push(p.bytesRead),
      () => false,
    );
    const summary = session.resolveAs('simplified', {});
    expect(summary.records).toBe(5);
    expect(summary.report.rejected).toBe(1);
    expect(summary.problems.map((p) => p.line)).toEqual([3]);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(FILE.length);
  });

  it('stops between chunks when cancelled and keeps nothing', async () => {
    const session = new ImportSession();
    let calls = 0;
    const finished = await session.load(
      chunked(FILE, 10),
      SETTINGS,
      () => calls++,
      () => calls >= 2,
    );
    expect(finished).toBe(false);
    expect(() => session.summary()).toThrow();
  });

  it('resolves the same stream under each mode (S-9 on Simplified; only distinct_id on Original, O-1)', async () => {
    const session = await loaded();
    session.resolveAs('simplified', {});
    const simplified = rowPage(session.store, session.index, { offset: 0, limit: 10 }, undefined).rows;
    expect(simplified.map((r) => r.resolvedId)).toEqual(['U1', 'U1', 'U1', 'U2', '$device:D2']);
    expect(simplified[3]?.failure?.code).toBe('errAnonDistinctIdAssignedAlready');
    expect(simplified.map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
    session.resolveAs('original', {});
    const original = rowPage(session.store, session.index, { offset: 0, limit: 10 }, undefined).rows;
    expect(original.map((r) => r.resolvedId)).toEqual(['', '', 'U1', '', '']);
  });

  it('filters rows, lists clusters by size, searches ids and details one identity', async () => {
    const session = await loaded();
    session.resolveAs('simplified', {});
    const matches = matchingIndexes(session.store, session.index, session.findings, { filter: 'u2' });
    expect(
      rowPage(session.store, session.index, { offset: 0, limit: 10 }, matches).rows.map((r) => r.name),
    ).toEqual(['e4']);
    const clusters = clusterList(session.index, 10).clusters;
    expect(clusters[0]).toEqual({ canonical: 'U1', ids: 2, devices: 1, events: 3 });
    expect(searchIds(session.store, session.index, 'd2', 5)).toEqual([
      { id: '$device:D2', canonical: '$device:D2', known: true },
      { id: 'D2', canonical: 'D2', known: false },
    ]);
    const detail = identityDetail(session.store, session.index, session.findings, '$device:D1', 50);
    expect(detail.canonical).toBe('U1');
    expect(detail.links.map((l) => [l.from, l.to])).toEqual([['$device:D1', 'U1']]);
    expect(detail.failures.map((f) => f.failure.code)).toEqual(['errAnonDistinctIdAssignedAlready']);
    expect(detail.timeline.rows.map((r) => r.name)).toEqual(['e1', 'e2', 'e3']);
  });

  it('exports resolved NDJSON with every property, which re-imports to the same resolution', async () => {
    const session = await loaded();
    session.resolveAs('simplified', {});
    const source = { ...SETTINGS, chunks: () => chunked(FILE, 9) };
    const text = await (await buildExport('resolved-ndjson', session.current, [], source)).text();
    const first = JSON.parse(text.split('\n')[0] ?? '{}') as { properties: Record<string, unknown> };
    expect(first.properties).toMatchObject({
      page: 'home',
      distinct_id: 'U1',
      $distinct_id_before_identity: '$device:D1',
    });
    const again = await loaded(text);
    again.resolveAs('simplified', {});
    const ids = (s: ImportSession) =>
      rowPage(s.store, s.index, { offset: 0, limit: 10 }, undefined).rows.map((r) => r.resolvedId);
    expect(ids(again)).toEqual(ids(session));
  });

  it('exports CSV, mappings and findings', async () => {
    const session = await loaded();
    session.resolveAs('simplified', {});
    const source = { ...SETTINGS, chunks: () => chunked(FILE, 9) };
    const csv = await (await buildExport('resolved-csv', session.current, [], source)).text();
    expect(csv.split('\r\n')[0]).toContain('distinct_id');
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(6);
    const mappings = await (await buildExport('mappings', session.current, [], source)).text();
    expect(
      mappings
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([{ distinct_id: '$device:D1', resolved_distinct_id: 'U1' }]);
    const findings = JSON.parse(
      await (await buildExport('findings', session.current, session.summary().findings, source)).text(),
    ) as { findings: unknown[] };
    expect(findings.findings.length).toBeGreaterThan(0);
  });
});
