// ClickHouse's engine embedded in Node (chdb): the ClickHouse dialect runs here in the tests and the bench.
import { Session } from 'chdb';
import type { EventRow } from '../eventsTable.ts';
import type { Warehouse } from './warehouse.ts';

const ROWS_PER_INSERT = 50_000;

export class ChdbWarehouse implements Warehouse {
  readonly dialect = 'clickhouse';
  private readonly session: Session;

  /** A session in `path` (kept), or in a temporary directory removed on close. */
  constructor(path?: string) {
    this.session = path === undefined ? new Session() : new Session(path);
  }

  async execute(sql: string): Promise<void> {
    await this.session.queryAsync(sql);
  }

  async query(sql: string): Promise<Record<string, unknown>[]> {
    const text = (await this.session.queryAsync(sql, { format: 'JSONEachRow' })).text();
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  async append(table: string, batches: AsyncIterable<EventRow[]> | Iterable<EventRow[]>): Promise<number> {
    let count = 0;
    for await (const rows of batches) {
      for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
        const values = rows.slice(start, start + ROWS_PER_INSERT) as unknown as Record<string, unknown>[];
        if (values.length > 0) await this.session.insert({ table, values });
      }
      count += rows.length;
    }
    return count;
  }

  close(): Promise<void> {
    this.session.close();
    return Promise.resolve();
  }
}
