// PostgreSQL through `pg`: `idmerge load --postgres URL`, and the agreement tests on a real local server.
import pg from 'pg';
import { EVENT_COLUMNS, type EventRow } from '../eventsTable.ts';
import type { Warehouse } from './warehouse.ts';

/** Rows per INSERT: 9 parameters a row stays well under PostgreSQL's 65,535 parameters a statement. */
const ROWS_PER_INSERT = 5000;

export class PostgresWarehouse implements Warehouse {
  readonly dialect = 'postgres';

  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<PostgresWarehouse> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new PostgresWarehouse(client);
  }

  async execute(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async query(sql: string): Promise<Record<string, unknown>[]> {
    return (await this.client.query(sql)).rows as Record<string, unknown>[];
  }

  async append(table: string, batches: AsyncIterable<EventRow[]> | Iterable<EventRow[]>): Promise<number> {
    let count = 0;
    for await (const rows of batches) {
      for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
        const slice = rows.slice(start, start + ROWS_PER_INSERT);
        await this.client.query(insertSql(table, slice.length), slice.flatMap(rowValues));
      }
      count += rows.length;
    }
    return count;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

function insertSql(table: string, rows: number): string {
  const width = EVENT_COLUMNS.length;
  const tuples = Array.from(
    { length: rows },
    (_, row) => `(${EVENT_COLUMNS.map((_c, col) => `$${row * width + col + 1}`).join(', ')})`,
  );
  return `INSERT INTO ${table} (${EVENT_COLUMNS.map((c) => c.name).join(', ')}) VALUES ${tuples.join(', ')}`;
}

function rowValues(row: EventRow): unknown[] {
  return EVENT_COLUMNS.map((column) => row[column.name]);
}
