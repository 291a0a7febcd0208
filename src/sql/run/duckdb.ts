// DuckDB, embedded through @duckdb/node-api: the default engine for `resolve --engine duckdb` and `load --duckdb`.
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { EVENT_COLUMNS, type EventRow } from '../eventsTable.ts';
import type { Warehouse } from './warehouse.ts';

export class DuckDbWarehouse implements Warehouse {
  readonly dialect = 'duckdb';

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Opens (or creates) a database file, or an in-memory database for `:memory:`. */
  static async open(path = ':memory:'): Promise<DuckDbWarehouse> {
    const instance = await DuckDBInstance.create(path);
    return new DuckDbWarehouse(instance, await instance.connect());
  }

  async execute(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async query(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS();
  }

  /** The appender writes straight into the table's storage: far faster than INSERT statements. */
  async append(table: string, batches: AsyncIterable<EventRow[]> | Iterable<EventRow[]>): Promise<number> {
    const appender = await this.connection.createAppender(table);
    let count = 0;
    for await (const rows of batches) {
      for (const row of rows) appendRow(appender, row);
      count += rows.length;
    }
    appender.closeSync();
    return count;
  }

  close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    return Promise.resolve();
  }
}

function appendRow(appender: DuckDBAppender, row: EventRow): void {
  for (const column of EVENT_COLUMNS) {
    const value = row[column.name];
    if (value === null) appender.appendNull();
    else if (column.type === 'bigint') appender.appendBigInt(BigInt(value));
    else if (column.type === 'double') appender.appendDouble(value as number);
    else appender.appendVarchar(value as string);
  }
  appender.endRow();
}
