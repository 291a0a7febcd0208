// One numbering in the import workspace (issue #17): findings, the identity panel and the table name an event by
// the same number, the "#" column's, and "Go to event" reaches any number in a file whose lines and event
// numbers differ (a broken line and a blank one come first) and whose table is virtualized.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { ImportPage } from './pages/importPage.ts';

const EVENTS = 3_000;
/** Event numbers (1-based) of the two placeholder events the LIM-1 finding names. */
const PLACEHOLDERS = [2_400, 2_900];
let dir = '';
let file = '';

/** A stream of EVENTS events after one unreadable line and one blank line, so line = number + 2. */
function stream(): string {
  const lines = ['{not json', ''];
  for (let n = 1; n <= EVENTS; n++) {
    const time = 1_700_000_000 + n;
    const device = `D${n % 300}`;
    const properties = PLACEHOLDERS.includes(n)
      ? { distinct_id: 'undefined', time }
      : n % 7 === 0
        ? { $device_id: device, $user_id: `user${n % 300}@example.com`, time }
        : { $device_id: device, time };
    lines.push(JSON.stringify({ event: n % 7 === 0 ? 'Sign In' : 'Page View', properties }));
  }
  return lines.join('\n') + '\n';
}

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'idmerge-numbers-'));
  file = join(dir, 'numbered.ndjson');
  writeFileSync(file, stream());
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a finding's event number leads to the table row showing that number", async ({ page }) => {
  const app = new ImportPage(page);
  await app.open();
  await app.load(file);
  await app.tab(/Findings/).click();
  const last = app.finding('placeholder-id').getByTestId('finding.event').last();
  await expect(last).toHaveText(`#${PLACEHOLDERS[1]} (line ${(PLACEHOLDERS[1] ?? 0) + 2})`);
  const number = (await last.textContent())?.match(/^#(\d+)/)?.[1] ?? '';

  // Narrow the table so the row is hidden and far out of the rendered window, then go to the number.
  await page.getByTestId('dataset.filter').fill('Sign In');
  await expect(app.rowCount).toHaveText(/^[\d,]+ rows$/);
  await expect(app.rowCount).not.toHaveText('3,000 rows');
  const goTo = page.getByRole('textbox', { name: 'Go to event' });
  await goTo.fill(`#${number}`);
  await goTo.press('Enter');
  const row = page.locator(`tr[data-number="${number}"]`);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();
  await expect(row.getByTestId('dataset.number')).toHaveText(`#${number}`);
  await expect(row.getByTestId('dataset.resolved')).toHaveText('rejected');
  await expect(page.locator('tr[aria-selected="true"]')).toHaveCount(1);

  // A number past the end says what the numbers are instead of jumping.
  await goTo.fill(String(EVENTS + 1));
  await goTo.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Events are numbered 1 to 3,000.' })).toBeVisible();
  await expect(row).toHaveAttribute('aria-selected', 'true');
});

test('the identity panel names the joining event by the number its row shows', async ({ page }) => {
  const app = new ImportPage(page);
  await app.open();
  await app.load(file);
  const goTo = page.getByRole('textbox', { name: 'Go to event' });
  // Event #7 is D7's first "Sign In": it links D7 ⇒ user7@example.com (S-6).
  await goTo.fill('7');
  await goTo.press('Enter');
  await app.tab('Identity').click();
  const identity = page.getByTestId('identity');
  await expect(identity.getByTestId('identity.canonical')).toHaveText('user7@example.com');
  const joined = identity.getByRole('button', { name: /^joined by event #\d+$/ }).first();
  const number = (await joined.textContent())?.match(/#(\d+)/)?.[1] ?? '';
  await joined.click();
  const row = page.locator(`tr[data-number="${number}"]`);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();
  await expect(row.getByTestId('dataset.number')).toHaveText(`#${number}`);
});
