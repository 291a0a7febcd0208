// Importing real files (issue #5): bad lines by number, formats that agree, mode switches, findings that jump to
// their events and match `idmerge lint`, exports that re-import to the same answer, and accessibility.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { fixture, ImportPage } from './pages/importPage.ts';

/** The stream of stream.ndjson resolved under Simplified: devices take their user's id, retroactively (S-6). */
const SIMPLIFIED_IDS = [
  'alice',
  'alice',
  'alice',
  'alice',
  'bob',
  'carol',
  'carol',
  'carol',
  '$device:C1',
  'alice',
];

test('a malformed file lists its bad lines by number and reason, and loads the rest', async ({ page }) => {
  const app = new ImportPage(page);
  await app.open();
  await app.load(fixture('malformed.ndjson'));
  await expect(page.getByTestId('dataset.rejected')).toHaveText('4 rejected');
  await expect(app.tab(/Import report/)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('report.linesRead')).toHaveText('8');
  await expect(page.getByTestId('report.events')).toHaveText('4');
  const lines = page.getByTestId('report.line');
  await expect(lines).toHaveCount(4);
  expect(await lines.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-line')))).toEqual([
    '3',
    '4',
    '6',
    '7',
  ]);
  await expect(lines.nth(0)).toContainText('not valid JSON');
  await expect(lines.nth(1)).toContainText('missing event name');
  await expect(lines.nth(3)).toContainText('properties is not an object');
  expect(await app.resolvedIds(4)).toEqual(['u1', 'u1', 'u1', 'u1']);
  expect(await app.row(0).getAttribute('data-line')).toBe('1');
});

test('a Segment file and a CSV of the same stream resolve exactly as its NDJSON does', async ({ page }) => {
  const app = new ImportPage(page);
  await app.open();
  const answers: Array<{ ids: string[]; clusters: string[] }> = [];
  for (const name of ['stream.ndjson', 'stream.segment.ndjson', 'stream.csv']) {
    await app.load(fixture(name));
    await expect(page.getByTestId('header.dataset')).toHaveText(name);
    answers.push({ ids: await app.resolvedIds(10), clusters: await app.clusterList() });
  }
  expect(answers[0]?.ids).toEqual(SIMPLIFIED_IDS);
  expect(answers[1]).toEqual(answers[0]);
  expect(answers[2]).toEqual(answers[0]);
});

test('switching mode re-resolves the file, and the answer changes', async ({ page }) => {
  const app = new ImportPage(page);
  await app.open();
  await app.load(fixture('stream.ndjson'));
  await expect(app.summary).toHaveText('Simplified: 4 clusters, 1 finding.');
  await app.mode('original').check();
  await app.expectResolved('original');
  // Original reads only distinct_id and no $identify was sent: nothing merges (O-1).
  const original = await app.resolvedIds(10);
  expect(original.slice(0, 4)).toEqual(['A1', 'alice', 'A2', 'alice']);
  // The URL is written once the page settles (a write waits for a pause in steps): wait for it.
  await expect(page).toHaveURL(/[?&]mode=original/);
  await app.mode('simplified').check();
  await app.expectResolved('simplified');
  expect(await app.resolvedIds(10)).toEqual(SIMPLIFIED_IDS);
});

test('a finding names its events; clicking one jumps to its row in the table', async ({ page }) => {
  const app = new ImportPage(page);
  await app.open();
  await app.load(fixture('findings.ndjson'));
  const placeholder = app.finding('placeholder-id');
  await expect(placeholder).toContainText('error');
  await expect(placeholder.getByTestId('finding.count')).toHaveText('2 events');
  await expect(placeholder.getByTestId('rule-badge').first()).toHaveText('LIM-1');
  await placeholder.getByRole('button', { name: '#8 (line 8)' }).click();
  await expect(app.row(7)).toHaveAttribute('aria-selected', 'true');
  await expect(app.row(7)).toBeInViewport();
  await expect(app.row(7).getByTestId('dataset.resolved')).toHaveText('rejected');
  await expect(app.row(7)).toContainText('placeholder-id');
  // The rows take the keyboard too: ↑ moves the selection, and the identity follows.
  await app.row(7).focus();
  await page.keyboard.press('ArrowUp');
  await expect(app.row(6)).toHaveAttribute('aria-selected', 'true');
  await expect(app.row(6)).toBeFocused();
});

test('the app lists the same findings as `idmerge lint --json` on the same file', async ({ page }) => {
  const app = new ImportPage(page);
  await app.open();
  for (const name of ['findings.ndjson', 'stream.csv']) {
    const cli = spawnSync(process.execPath, ['bin/idmerge.mjs', 'lint', '--json', fixture(name)], {
      encoding: 'utf8',
    });
    const lint = JSON.parse(cli.stdout) as { findings: Array<{ id: string; count: number }> };
    await app.load(fixture(name));
    expect(await app.findingIds()).toEqual(lint.findings.map((finding) => finding.id));
  }
});

test('exported resolved NDJSON re-imports to the same resolution; CSV, mappings and findings download', async ({
  page,
}) => {
  const app = new ImportPage(page);
  await app.open();
  await app.load(fixture('stream.ndjson'));
  const before = await app.resolvedIds(10);
  const download = await app.download('resolved-ndjson');
  expect(download.suggestedFilename()).toBe('stream.resolved-simplified.ndjson');
  const saved = join(mkdtempSync(join(tmpdir(), 'idmerge-e2e-')), download.suggestedFilename());
  await download.saveAs(saved);
  await app.load(saved);
  expect(await app.resolvedIds(10)).toEqual(before);
  for (const kind of ['resolved-csv', 'mappings', 'findings']) {
    const file = await app.download(kind);
    expect(await file.failure()).toBeNull();
  }
});

test('the selected identity: timeline across devices, neighbourhood graph, and its PNG and SVG', async ({
  page,
}) => {
  const app = new ImportPage(page);
  await app.open();
  await app.load(fixture('stream.ndjson'));
  await app.clusters.filter({ hasText: 'alice' }).click();
  await expect(page.getByTestId('identity.canonical')).toHaveText('alice');
  await expect(page.getByTestId('identity.counts')).toHaveText('5 events · 3 ids · 2 devices');
  await expect(page.getByTestId('identity.timeline').locator('tbody tr')).toHaveCount(5);
  const graph = page.getByTestId('dataset.graph');
  await expect(graph.locator('.react-flow__node')).toHaveCount(4);
  await graph.locator('.react-flow__node', { hasText: 'bob' }).click();
  await expect(page.getByTestId('identity.canonical')).toHaveText('bob');
  const svg = await app.download('graph-svg');
  expect(svg.suggestedFilename()).toBe('stream.graph-bob.svg');
  const png = await app.download('graph-png');
  expect(png.suggestedFilename()).toBe('stream.graph-bob.png');
});

test('search finds any id, and its identity opens', async ({ page }) => {
  const app = new ImportPage(page);
  await app.open();
  await app.load(fixture('stream.ndjson'));
  await page.getByTestId('dataset.search').fill('A2');
  const results = page.getByTestId('dataset.searchResults').getByRole('button');
  await expect(results.first()).toContainText('$device:A2');
  await results.first().click();
  await expect(page.getByTestId('identity.canonical')).toHaveText('alice');
  await page.getByTestId('identity.showEvents').click();
  await expect(app.rowCount).toHaveText('5 rows');
});

test('pasted events and an export (G-6) are previewed before loading', async ({ page }) => {
  const app = new ImportPage(page);
  await app.open('');
  await app.importButton.click();
  const exported = JSON.stringify({
    event: 'Page View',
    properties: { distinct_id: 'u9', $device_id: 'D9', mp_processing_time_ms: 1700000000123 },
  });
  await page.getByTestId('import.pasteText').fill(exported);
  await page.getByRole('button', { name: 'Preview pasted text' }).click();
  await expect(page.getByTestId('import.detection')).toContainText('(an export)');
  await expect(page.getByTestId('import.rederive')).toContainText('G-6');
  await expect(page.getByTestId('import.rederiveBox')).toBeChecked();
  await app.loadButton.click();
  await app.expectResolved('simplified');
  // Re-derived from $device_id: the export's resolved distinct_id is not replayed.
  expect(await app.resolvedIds(1)).toEqual(['$device:D9']);
  await expect(page).toHaveURL(/[?&]view=import/);
});

test('a file dropped anywhere, or events pasted outside a text field, open the preview', async ({ page }) => {
  const app = new ImportPage(page);
  await app.open('');
  const text = readFileSync(fixture('stream.ndjson'), 'utf8');
  // What the browser does for a file dragged in from the desktop: dragover (which the page accepts), then drop.
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.ndjson', { type: 'application/x-ndjson' }));
    document.body.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }, text);
  await expect(app.preview).toContainText('dropped.ndjson');
  await page.keyboard.press('Escape');
  await expect(app.dialog).toBeHidden();
  await app.paste(text);
  await expect(app.preview).toContainText('pasted text');
  await app.loadButton.click();
  await app.expectResolved('simplified');
  expect(await app.resolvedIds(10)).toEqual(SIMPLIFIED_IDS);
});

test('a close event that comes after the dialog opened again leaves the new preview open', async ({
  page,
}) => {
  // dialog.close() fires `close` as a task of its own: on a busy machine (CI) an Escape's `close` came after a
  // paste had opened the dialog again, and closed the preview under the click that was to load it.
  const app = new ImportPage(page);
  await app.open('');
  const text = readFileSync(fixture('stream.ndjson'), 'utf8');
  await app.paste(text);
  await expect(app.preview).toContainText('pasted text');
  // The late event, as the browser delivers it: to the dialog, which is open again.
  await page.getByTestId('import.dialog').evaluate((dialog) => dialog.dispatchEvent(new Event('close')));
  await expect(app.dialog).toBeVisible();
  await app.loadButton.click();
  await app.expectResolved('simplified');
});

test('the URL opens the workspace; the dialog takes focus and Escape closes it; back returns to scenarios', async ({
  page,
}) => {
  const app = new ImportPage(page);
  await app.open('?view=import');
  await expect(page.getByTestId('dataset.empty')).toBeVisible();
  await app.importButton.click();
  await expect(app.dialog).toBeVisible();
  await expect(app.dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(app.dialog).toBeHidden();
  await expect(app.importButton).toBeFocused();
  await page.getByRole('button', { name: 'Back to the scenarios' }).click();
  await expect(page.getByRole('button', { name: 'Next step', exact: true })).toBeVisible();
  await expect(page).not.toHaveURL(/[?&]view=import/);
  await page.goBack();
  await expect(page.getByTestId('dataset.empty')).toBeVisible();
  await app.open('?view=nonsense');
  await expect(page.getByRole('button', { name: 'Next step', exact: true })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation, ${theme}: preview, workspace and every tab`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    const app = new ImportPage(page);
    await app.open();
    await app.choose(fixture('findings.ndjson'));
    expect(await seriousViolations(page)).toEqual([]);
    await app.loadButton.click();
    await app.expectResolved('simplified');
    await app.clusters.first().click();
    for (const tab of [/Findings/, /Identity/, /Import report/]) {
      await app.tab(tab).click();
      expect(await seriousViolations(page), String(tab)).toEqual([]);
    }
  });
}

async function seriousViolations(page: ImportPage['page']): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
