// Agreement on ClickHouse's engine, embedded (chdb 26.7): the ClickHouse dialect, run for real.
import { afterAll, beforeAll } from 'vitest';
import { MODES } from '../engine/index.ts';
import { ChdbWarehouse } from './run/chdb.ts';
import {
  AGREEMENT_CASES,
  describeAgreement,
  describeLibraryAgreement,
  describeRealSdkAgreement,
  PROPERTY_RUNS,
} from './test/describeAgreement.ts';

let warehouse: ChdbWarehouse;
beforeAll(() => {
  warehouse = new ChdbWarehouse();
});
afterAll(() => warehouse.close(), 60_000);

// Each statement costs chdb a few tens of milliseconds, so half the runs keep this file near the others' time.
describeAgreement('clickhouse', () => warehouse, AGREEMENT_CASES, Math.ceil(PROPERTY_RUNS / 2));
// ClickHouse has no loop statement, so the driver runs Original's rounds one statement at a time: SC-O7's 499
// identify calls wait on one another, 499 rounds of eight statements, minutes on chdb. DuckDB and PostgreSQL run it.
describeRealSdkAgreement('clickhouse', () => warehouse);
describeLibraryAgreement('clickhouse', () => warehouse, MODES, {
  'original:original-cap-through-reset':
    '499 dependent rounds take minutes on chdb; run on DuckDB and PostgreSQL',
});
