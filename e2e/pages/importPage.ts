// Page object for importing a file and exploring it: the dialog, the workspace, its table, clusters and findings.
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '../fixtures.ts';

export type ModeName = 'simplified' | 'original' | 'legacy';

/** A fixture file under e2e/fixtures. */
export function fixture(name: string): string {
  return join(import.meta.dirname, '..', 'fixtures', name);
}

export class ImportPage {
  constructor(readonly page: Page) {}

  /** Opens the app (by default on the empty dataset workspace) and waits for the header. */
  async open(search = '?view=import'): Promise<void> {
    await this.page.goto(`/${search}`);
    await expect(this.importButton).toBeVisible();
  }

  get importButton(): Locator {
    return this.page.getByTestId('header.import');
  }
  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import a file' });
  }
  get fileInput(): Locator {
    return this.page.getByTestId('import.fileInput');
  }
  get preview(): Locator {
    return this.page.getByTestId('import.preview');
  }
  get loadButton(): Locator {
    return this.page.getByTestId('import.load');
  }
  get progressBar(): Locator {
    return this.page.getByRole('progressbar', { name: 'Import progress' });
  }
  get cancelButton(): Locator {
    return this.page.getByTestId('import.cancel');
  }
  get workspace(): Locator {
    return this.page.getByTestId('dataset.workspace');
  }
  /** The line saying what the current mode made of the file: "Simplified: 4 clusters, 1 finding." */
  get summary(): Locator {
    return this.page.getByTestId('dataset.summary');
  }
  get rowCount(): Locator {
    return this.page.getByTestId('dataset.rowCount');
  }
  get clusters(): Locator {
    return this.page.getByTestId('dataset.cluster');
  }

  /** Pastes `text` on the page outside any text field, as a Ctrl+V there delivers it. */
  async paste(text: string): Promise<void> {
    await this.page.evaluate((content) => {
      const data = new DataTransfer();
      data.setData('text/plain', content);
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  /** Opens the dialog and chooses `path`, waiting for its preview. */
  async choose(path: string): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.importButton.click();
    await this.fileInput.setInputFiles(path);
    await expect(this.preview).toBeVisible();
  }

  /** Chooses and loads `path`, waiting until the workspace shows its summary under `mode`. */
  async load(path: string, mode: ModeName = 'simplified'): Promise<void> {
    await this.choose(path);
    await this.loadButton.click();
    await expect(this.dialog).toBeHidden({ timeout: 60_000 });
    await this.expectResolved(mode);
  }

  async expectResolved(mode: ModeName): Promise<void> {
    const name = mode[0]?.toUpperCase() + mode.slice(1);
    await expect(this.summary).toHaveText(new RegExp(`^${name}: [\\d,]+ clusters?`), { timeout: 60_000 });
  }

  row(index: number): Locator {
    return this.page.getByTestId(`dataset.row.${index}`);
  }

  /** Every row's resolved distinct_id, in table order (small files: every row is rendered). */
  async resolvedIds(count: number): Promise<string[]> {
    await expect(this.rowCount).toHaveText(`${count} rows`);
    await expect(this.page.getByTestId('dataset.resolved')).toHaveCount(count);
    return this.page.getByTestId('dataset.resolved').allInnerTexts();
  }

  /** The clusters list as "canonical: counts" lines. */
  async clusterList(): Promise<string[]> {
    await expect(this.clusters.first()).toBeVisible();
    return (await this.clusters.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  mode(name: ModeName): Locator {
    return this.page.getByRole('radiogroup', { name: 'Mode' }).getByTestId(`header.mode.${name}`);
  }

  tab(name: RegExp | string): Locator {
    return this.page.getByRole('tab', { name });
  }

  finding(id: string): Locator {
    return this.page.getByTestId(`finding.${id}`);
  }

  /** The finding ids the panel lists, in order. */
  async findingIds(): Promise<string[]> {
    const articles = this.page.getByTestId('findings').locator(':scope > li > article');
    const testIds = await articles.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-testid')),
    );
    return testIds.map((id) => (id ?? '').slice('finding.'.length));
  }

  /** Opens the export menu and downloads one export. */
  async download(kind: string): Promise<Download> {
    await this.page.getByTestId('dataset.export').click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId(`export.${kind}`).click(),
    ]);
    return download;
  }
}
