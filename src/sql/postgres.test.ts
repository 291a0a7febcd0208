// Agreement on a real PostgreSQL server (Debian's postgresql package), started for this file and removed after.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PostgresWarehouse } from './run/postgres.ts';
import { describeAgreement } from './test/describeAgreement.ts';
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
}
