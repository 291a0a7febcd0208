// Agreement on DuckDB, embedded (@duckdb/node-api).
import { afterAll, beforeAll } from 'vitest';
import { DuckDbWarehouse } from './run/duckdb.ts';
import {
  describeAgreement,
  describeLibraryAgreement,
  describeRealSdkAgreement,
} from './test/describeAgreement.ts';

let warehouse: DuckDbWarehouse;
beforeAll(async () => {
  warehouse = await DuckDbWarehouse.open();
});
afterAll(() => warehouse.close());

describeAgreement('duckdb', () => warehouse);
describeRealSdkAgreement('duckdb', () => warehouse);
describeLibraryAgreement('duckdb', () => warehouse);
