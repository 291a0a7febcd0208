// One SQL measurement in its own process: load a file into an engine, then run the generated script; prints JSON.
// Usage: node --import tsx bench/sqlEngine.ts duckdb|postgres|chdb FILE MODE [POSTGRES_URL] (bench/sql.ts runs it)
import { eventRowBatches } from '../src/cli/eventRows.ts';
import { chooseFormat, readerFor } from '../src/cli/readers.ts';
import { DEFAULT_OPTIONS, type Mode } from '../src/engine/index.ts';
import { ChdbWarehouse } from '../src/sql/run/chdb.ts';
import { DuckDbWarehouse } from '../src/sql/run/duckdb.ts';
import { PostgresWarehouse } from '../src/sql/run/postgres.ts';
import { loadEvents, runResolution, type Warehouse } from '../src/sql/run/warehouse.ts';
import type { DialectName } from '../src/sql/types.ts';

const [engine = 'duckdb', path = '', mode = 'simplified', url = ''] = process.argv.slice(2);

async function open(): Promise<{ warehouse: Warehouse; dialect: DialectName }> {
  if (engine === 'postgres') return { warehouse: await PostgresWarehouse.connect(url), dialect: 'postgres' };
  if (engine === 'chdb') return { warehouse: new ChdbWarehouse(), dialect: 'clickhouse' };
  return { warehouse: await DuckDbWarehouse.open(), dialect: 'duckdb' };
}

const { warehouse, dialect } = await open();
const reader = readerFor(path, await chooseFormat(path, path, 'auto'), mode as Mode, path);
const startLoad = performance.now();
const rows = await loadEvents(
  warehouse,
  'events',
  eventRowBatches(reader, () => {}),
);
const loadMs = performance.now() - startLoad;
const startSql = performance.now();
await runResolution(warehouse, {
  mode: mode as Mode,
  dialect,
  events: 'events',
  prefix: '',
  engine: DEFAULT_OPTIONS,
});
const sqlMs = performance.now() - startSql;
await warehouse.close();
console.log(JSON.stringify({ rows, loadMs, sqlMs }));
