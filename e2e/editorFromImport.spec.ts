// "Edit as scenario" (#12): an imported identity becomes a scenario of raw steps in the editor, and the scenario's
// table resolves the same ids as the imported file in every mode.
import { expect, test } from './fixtures.ts';
import { fixture, ImportPage, type ModeName } from './pages/importPage.ts';
import { TablePage } from './pages/tablePage.ts';

const MODES: readonly ModeName[] = ['simplified', 'original', 'legacy'];

test('an imported identity opens in the editor as raw steps that resolve as the file did', async ({
  page,
}) => {
  const app = new ImportPage(page);
  await app.open();
  await app.load(fixture('stream.ndjson'));
  // What the whole file resolves each event to, in every mode (rows are in file order).
  const whole = new Map<ModeName, string[]>();
  for (const mode of MODES) {
    await app.mode(mode).check();
    await app.expectResolved(mode);
    whole.set(mode, await app.resolvedIds(10));
  }
  await app.mode('simplified').check();
  await app.expectResolved('simplified');
  await app.clusters.filter({ hasText: 'alice' }).first().click();
  await expect(page.getByTestId('identity.canonical')).toHaveText('alice');
  await page.getByRole('button', { name: 'Edit as scenario', exact: true }).click();

  const editor = page.getByRole('region', { name: 'Scenario editor' });
  await expect(editor).toBeVisible();
  // alice's five events on A1 and A2, and bob's one on A1 (it shares A1, so it decides who A1 is): file rows
  // 1–5 and 10.
  const rows = [0, 1, 2, 3, 4, 9];
  await expect(editor.getByLabel('Call of step 6')).toBeVisible();
  await expect(editor.getByLabel('Call of step 7')).toHaveCount(0);
  await expect(editor.getByLabel('Record of step 2')).toHaveValue(/"\$user_id": ?"alice"/);
  const table = new TablePage(page);
  for (const mode of MODES) {
    await page.getByRole('radiogroup', { name: 'Mode' }).getByTestId(`header.mode.${mode}`).check();
    const expected = rows.map((row) => whole.get(mode)?.[row] ?? '');
    await expect.poll(() => table.columnTexts('distinct_id'), { message: mode }).toEqual(expected);
  }
});
