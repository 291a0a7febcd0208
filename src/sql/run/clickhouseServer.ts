// A ClickHouse server over HTTP (@clickhouse/client): `idmerge load --clickhouse URL`.
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import type { EventRow } from '../eventsTable.ts';
import type { Warehouse } from './warehouse.ts';

/**
 * Each HTTP request is its own session, so a `SET` in the script cannot carry over: the same settings travel with
 * every request instead.
 */
const SETTINGS = { join_use_nulls: 1 } as const;

export class ClickHouseServerWarehouse implements Warehouse {
  readonly dialect = 'clickhouse';

  private constructor(private readonly client: ClickHouseClient) {}

  /** `url` as @clickhouse/client takes it, e.g. http://user:password@localhost:8123/database. */
  static connect(url: string): ClickHouseServerWarehouse {
    // The client's own logger would print every refused statement a second time, with its stack.
    return new ClickHouseServerWarehouse(createClient({ url, log: { level: ClickHouseLogLevel.OFF } }));
  }

  async execute(sql: string): Promise<void> {
    if (/^SET /i.test(sql)) return;
    await this.client.command({ query: sql, clickhouse_settings: SETTINGS });
  }

  async query(sql: string): Promise<Record<string, unknown>[]> {
    const result = await this.client.query({
      query: sql,
      format: 'JSONEachRow',
      clickhouse_settings: SETTINGS,
    });
    return result.json<Record<string, unknown>>();
  }

  async append(table: string, batches: AsyncIterable<EventRow[]> | Iterable<EventRow[]>): Promise<number> {
    let count = 0;
    for await (const rows of batches) {
      if (rows.length > 0) await this.client.insert({ table, values: rows, format: 'JSONEachRow' });
      count += rows.length;
    }
    return count;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
