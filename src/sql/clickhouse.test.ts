// Agreement on ClickHouse's engine, embedded (chdb 26.7): the ClickHouse dialect, run for real.
import { afterAll, beforeAll } from 'vitest';
import { ChdbWarehouse } from './run/chdb.ts';
import { AGREEMENT_CASES, describeAgreement, PROPERTY_RUNS } from './test/describeAgreement.ts';

let warehouse: ChdbWarehouse;
beforeAll(() => {
  warehouse = new ChdbWarehouse();
});
afterAll(() => warehouse.close(), 60_000);

// Each statement costs chdb a few tens of milliseconds, so half the runs keep this file near the others' time.
describeAgreement('clickhouse', () => warehouse, AGREEMENT_CASES, Math.ceil(PROPERTY_RUNS / 2));
