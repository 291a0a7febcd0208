// Agreement on a real PostgreSQL server (Debian's postgresql package), started for this file and removed after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempFile } from '../cli/test/runCli.ts';
import { PostgresWarehouse } from './run/postgres.ts';
import {
  describeAgreement,
  describeLibraryAgreement,
  describeRealSdkAgreement,
} from './test/describeAgreement.ts';
import { findPostgresBin, startPostgres, type PostgresServer } from './test/postgresServer.ts';

const bin = findPostgresBin();
let server: PostgresServer | undefined;
let warehouse: PostgresWarehouse;

if (bin === undefined) {
  describe('PostgreSQL', () => {
    it.skip('skipped: no PostgreSQL server binaries (apt-get install -y postgresql, or set PG_BIN)', () => {});
  });
} else {
  beforeAll(async () => {
    server = await startPostgres(bin);
    warehouse = await PostgresWarehouse.connect(server.url);
  }, 60_000);
  afterAll(async () => {
    await warehouse?.close();
    server?.stop();
  });
  describeAgreement('postgres', () => warehouse);
  describeRealSdkAgreement('postgres', () => warehouse);
  describeLibraryAgreement('postgres', () => warehouse);

  it('idmerge load --postgres URL writes the events, the mappings and the resolved events there', async () => {
    const file = tempFile(
      'e.ndjson',
      [
        '{"event":"view","properties":{"$device_id":"D1"}}',
        '{"event":"login","properties":{"$device_id":"D1","$user_id":"U1"}}',
        '{"event":"view","properties":{"distinct_id":"anon"}}',
      ].join('\n'),
    );
    const url = server?.url ?? '';
    const run = await cli([
      'load',
      file,
      '--postgres',
      url,
      '--events',
      'public.raw_events',
      '--out-prefix',
      'lab_',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).not.toContain(url);
    expect(await warehouse.query('SELECT * FROM lab_identity_mappings')).toEqual([
      { distinct_id: '$device:D1', resolved_distinct_id: 'U1' },
    ]);
    const rows = await warehouse.query(
      'SELECT resolved_distinct_id FROM lab_resolved_events ORDER BY ingestion_order',
    );
    expect(rows.map((row) => row['resolved_distinct_id'])).toEqual(['U1', 'U1', null]);
  });
}
