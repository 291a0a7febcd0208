// The worker's per-resolution answers: streamed and re-resolved loads agree; filters, positions, identities, findings.
import { describe, expect, it } from 'vitest';
import { ImportSession } from './importSession.ts';
import { identityDetail, matchingIndexes, rowPage, rowPosition } from './queries.ts';

const line = (event: string, properties: Record<string, unknown>) => JSON.stringify({ event, properties });
const FILE = [
  line('Page View', { $device_id: 'D1', time: 30 }),
  line('Sign Up', { $device_id: 'D1', $user_id: 'alice@example.com', time: 10 }),
  JSON.stringify({ $distinct_id: 'alice@example.com', $set: { plan: 'pro' } }),
  line('Page View', { $device_id: 'D2', time: 5 }),
  line('Log In', { $device_id: 'D2', $user_id: 'alice@example.com', time: 20 }),
  line('Log In', { $device_id: 'D2', $user_id: 'bob', time: 40 }),
  line('Page View', { distinct_id: 'undefined', time: 50 }),
].join('\n');

async function* once(text: string): AsyncGenerator<string> {
  yield await Promise.resolve(text);
}

async function session(streamed: boolean): Promise<ImportSession> {
  const s = new ImportSession();
  const spec = { mode: 'simplified', options: {} } as const;
  await s.load(
    once(FILE),
    { format: 'auto', rederive: false },
    () => {},
    () => false,
    streamed ? spec : undefined,
  );
  if (!streamed) s.resolveAs(spec.mode, spec.options);
  return s;
}

const everything = (s: ImportSession) =>
  rowPage(s.store, s.index, { offset: 0, limit: 100 }, undefined).rows.map((r) => [
    r.resolvedId,
    r.failure?.code,
  ]);

describe('the worker queries', () => {
  it('gives the same answer whether records were resolved while reading or re-resolved after', async () => {
    const [streamed, again] = await Promise.all([session(true), session(false)]);
    expect(everything(streamed)).toEqual(everything(again));
    expect(streamed.summary()).toEqual(again.summary());
  });

  it('filters by cluster, by finding and by text, and finds a row among the kept ones', async () => {
    const s = await session(true);
    const cluster = matchingIndexes(s.store, s.index, s.findings, { clusterOf: '$device:D1' });
    expect([...(cluster ?? [])]).toEqual([0, 1, 3, 4]);
    expect(rowPosition(cluster, 4)).toBe(3);
    expect(rowPosition(cluster, 5)).toBe(-1);
    expect(rowPosition(undefined, 5)).toBe(5);
    const refused = matchingIndexes(s.store, s.index, s.findings, { filter: 'ERRANON' });
    expect([...(refused ?? [])]).toEqual([5]);
    const email = s.findings.find((f) => f.id === 'email-user-id');
    expect(email).toBeDefined();
    const named = matchingIndexes(s.store, s.index, s.findings, { finding: 'email-user-id' });
    expect([...(named ?? [])]).toEqual(email?.events.map((ref) => ref.index));
  });

  it('marks each row with the findings that name it', async () => {
    const s = await session(true);
    const rows = rowPage(s.store, s.index, { offset: 0, limit: 100 }, undefined).rows;
    expect(rows[6]?.findings).toContain('placeholder-id');
    expect(rows[0]?.findings).toEqual([]);
  });

  it('details an identity: timeline by time across devices, profile, findings, refusals', async () => {
    const s = await session(true);
    const detail = identityDetail(s.store, s.index, s.findings, 'alice@example.com', 50);
    expect(detail.canonical).toBe('alice@example.com');
    expect(detail.memberCount).toBe(3);
    expect(detail.eventCount).toBe(4);
    expect(detail.timeline.rows.map((r) => [r.time, r.deviceId])).toEqual([
      [5, 'D2'],
      [10, 'D1'],
      [20, 'D2'],
      [30, 'D1'],
    ]);
    expect(detail.profiles.map((p) => p.properties)).toEqual([{ plan: 'pro' }]);
    expect(detail.findings).toContain('email-user-id');
    expect(detail.failures.map((f) => f.failure.code)).toEqual(['errAnonDistinctIdAssignedAlready']);
    expect(identityDetail(s.store, s.index, s.findings, 'D1', 50).canonical).toBe('alice@example.com');
    const capped = identityDetail(s.store, s.index, s.findings, 'alice@example.com', 2);
    expect(capped.cluster?.members).toHaveLength(2);
    expect(capped.timeline).toMatchObject({ total: 4 });
    expect(capped.timeline.rows).toHaveLength(2);
  });

  it('re-derives an export on Simplified only; Original and Legacy keep its distinct_id (G-6, O-1)', async () => {
    const exported = JSON.stringify({
      event: 'Page View',
      properties: { distinct_id: 'U1', $device_id: 'D1', mp_processing_time_ms: 1 },
    });
    const s = new ImportSession();
    await s.load(
      once(exported),
      { format: 'auto', rederive: true },
      () => {},
      () => false,
      { mode: 'simplified', options: {} },
    );
    expect(everything(s)).toEqual([['$device:D1', undefined]]);
    expect(s.summary().report.looksLikeMixpanelExport).toBe(true);
    s.resolveAs('original', {});
    expect(everything(s)).toEqual([['U1', undefined]]);
  });
});
