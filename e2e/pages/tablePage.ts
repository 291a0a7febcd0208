// Page object for the event table: open a scenario, step, read rows as the guide's tables, and drive the controls.
import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures.ts';

/** One visible row as text: Event, $device_id, $user_id, distinct_id (set by Mixpanel), Notes. */
export type GuideRow = readonly [
  event: string,
  deviceId: string,
  userId: string,
  distinctId: string,
  notes: string,
];

/** What the table shows after a step: the rows, and which of them (1-based, visible rows) were rewritten. */
export interface TableSnapshot {
  readonly rows: readonly GuideRow[];
  readonly changed: readonly number[];
  /** Columns of every cell marked data-changed, e.g. "2.distinct_id" (visible row 2). */
  readonly changedCells: readonly string[];
}

export class TablePage {
  readonly table: Locator;
  readonly filter: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('table');
    this.filter = page.getByTestId('table.filter');
  }

  async open(query: string): Promise<void> {
    await this.page.goto(`/?${query}`);
    await expect(this.table).toBeVisible();
  }

  async nextStep(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next step', exact: true }).click();
  }

  row(number: number): Locator {
    return this.page.getByTestId(`table.row.${number}`);
  }

  cell(number: number, column: string): Locator {
    return this.page.getByTestId(`table.cell.${number}.${column}`);
  }

  header(name: string): Locator {
    return this.table.getByRole('columnheader', { name, exact: true });
  }

  /** The event numbers of the rendered rows, top to bottom. */
  async rowNumbers(): Promise<number[]> {
    const ids = await this.table
      .locator('tbody tr[data-testid]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid') ?? ''));
    return ids.map((id) => Number(id.replace('table.row.', '')));
  }

  /** Reads every rendered row in one pass, so a snapshot never mixes two renders. */
  async snapshot(): Promise<TableSnapshot> {
    return this.table.evaluate((table) => {
      const text = (row: Element, column: string) =>
        row.querySelector(`[data-testid$=".${column}"]`)?.textContent?.trim() ?? '';
      const notes = (row: Element) =>
        Array.from(row.querySelectorAll('[data-testid$=".notes"] li'), (li) => li.textContent ?? '').join(
          '; ',
        );
      const rows = Array.from(table.querySelectorAll('tbody tr[data-testid]'));
      const changedCells = rows.flatMap((row, index) =>
        Array.from(row.querySelectorAll('[data-changed="true"]'), (cell) => {
          const column = (cell.getAttribute('data-testid') ?? '').split('.').pop() ?? '';
          return `${index + 1}.${column}`;
        }),
      );
      return {
        rows: rows.map(
          (row) =>
            [
              text(row, 'event'),
              text(row, 'device_id'),
              text(row, 'user_id'),
              text(row, 'distinct_id'),
              notes(row),
            ] as const,
        ),
        changed: rows.flatMap((row, index) =>
          row.querySelector('[data-testid$=".distinct_id"][data-changed="true"]') ? [index + 1] : [],
        ),
        changedCells,
      };
    });
  }

  async showAsMixpanelShowsIt(): Promise<void> {
    await this.page.getByRole('radio', { name: 'As Mixpanel shows it' }).check();
  }

  async showAsSent(): Promise<void> {
    await this.page.getByRole('radio', { name: 'As sent' }).check();
  }

  identityEventsToggle(): Locator {
    return this.page.getByRole('checkbox', { name: 'Show identity events' });
  }

  async toggleColumn(name: string, on: boolean): Promise<void> {
    const menu = this.page.getByTestId('table.columns');
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
    await menu.getByRole('checkbox', { name, exact: true }).setChecked(on);
  }

  async sortBy(name: string): Promise<void> {
    await this.header(name).getByRole('button').click();
  }

  async columnTexts(column: string): Promise<string[]> {
    return this.table
      .locator(`tbody [data-testid$=".${column}"]`)
      .evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim() ?? ''));
  }
}
