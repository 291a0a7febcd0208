// `idmerge load --clickhouse URL` against a real ClickHouse server over HTTP, started for this file and removed after.
// Here that is Debian's clickhouse-server 18.16 (2018): it takes the events table, but the script needs recursive
// CTEs and window functions (24.x+), which the agreement tests run on ClickHouse 26.7's engine (chdb) instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODES, type StreamRecord } from '../engine/index.ts';
import { cli, tempFile } from '../cli/test/runCli.ts';
import { ClickHouseServerWarehouse } from './run/clickhouseServer.ts';
import { rowsOf } from './test/agreement.ts';
import {
  atLeast,
  findClickHouseServer,
  startClickHouse,
  type ClickHouseServer,
} from './test/clickhouseServer.ts';
import { bothAnswers, sqlOptions } from './test/runAgreement.ts';

const binary = findClickHouseServer();

/** Events with every column shape the loader writes: numbers as ids, nulls, '' ids, JSON, both channels. */
const RECORDS: StreamRecord[] = [
  { kind: 'event', event: { event: 'view', properties: { $device_id: 'D1', time: 1.5 } } },
  {
    kind: 'event',
    event: { event: 'login', properties: { $device_id: 'D1', $user_id: 42, time: 1_700_000_000_000 } },
  },
  { kind: 'profile', update: { $distinct_id: 42, $set: { plan: 'pro' } } },
  {
    kind: 'event',
    event: { event: '$identify', properties: { distinct_id: 'ü-1', $anon_distinct_id: 'a-b-c-d-e' } },
  },
  { kind: 'event', event: { event: '$merge', properties: { $distinct_ids: ['x', 'y'] }, channel: 'track' } },
  { kind: 'event', event: { event: 'view', properties: { distinct_id: '', $insert_id: 'null' } } },
];

const NDJSON = RECORDS.map((record) =>
  JSON.stringify(
    record.kind === 'profile'
      ? record.update
      : { event: record.event.event, properties: record.event.properties, channel: record.event.channel },
  ),
).join('\n');

if (binary === undefined) {
  describe('ClickHouse server', () => {
    it.skip('skipped: no clickhouse-server binary (apt-get install -y clickhouse-server, or set CLICKHOUSE_SERVER)', () => {});
  });
} else {
  let server: ClickHouseServer | undefined;
  let warehouse: ClickHouseServerWarehouse;
  beforeAll(async () => {
    server = await startClickHouse(binary);
    warehouse = ClickHouseServerWarehouse.connect(server.url);
  }, 60_000);
  afterAll(async () => {
    await warehouse?.close();
    server?.stop();
  });

  it('idmerge load --clickhouse URL --events-only writes every event row there, as the loader made it', async () => {
    const url = server?.url ?? '';
    const run = await cli([
      'load',
      tempFile('e.ndjson', NDJSON),
      '--clickhouse',
      url,
      '--events-only',
      '--events',
      'raw',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('5 events loaded into raw (ClickHouse)');
    const rows = await warehouse.query('SELECT * FROM raw ORDER BY ingestion_order');
    // JSON output quotes 64-bit integers, so ingestion_order comes back as text.
    const read = rows.map((row) => ({ ...row, ingestion_order: Number(row['ingestion_order']) }));
    expect(read).toEqual(rowsOf(RECORDS));
  });

  it('runs the script on 24.x or later; an older server gets a clear refusal, with the events loaded', async () => {
    const { url = '', version = '' } = server ?? {};
    if (atLeast(version, 24)) {
      for (const mode of MODES) {
        const answers = await bothAnswers(warehouse, RECORDS, sqlOptions(mode, 'clickhouse'));
        expect(answers.sql).toEqual(answers.engine);
      }
      return;
    }
    const run = await cli(['load', tempFile('e.ndjson', NDJSON), '--clickhouse', url, '--mode', 'original']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('5 events loaded into events (ClickHouse)');
    expect(run.stderr).toMatch(/^idmerge load: ClickHouse refused the original script: .*DB::Exception/);
    expect(run.stderr).toContain('the script needs ClickHouse 24.x or later');
    expect(await warehouse.query('SELECT count() AS n FROM events')).toEqual([{ n: '5' }]);
  });
}
