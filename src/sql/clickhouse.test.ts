// Agreement on ClickHouse's engine, embedded (chdb 26.7): the ClickHouse dialect, run for real.
import { afterAll, beforeAll } from 'vitest';
import { ChdbWarehouse } from './run/chdb.ts';
import { describeAgreement } from './test/describeAgreement.ts';

let warehouse: ChdbWarehouse;
beforeAll(() => {
  warehouse = new ChdbWarehouse();
});
afterAll(() => warehouse.close());

describeAgreement('clickhouse', () => warehouse);
