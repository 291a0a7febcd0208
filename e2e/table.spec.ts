// The event table: a real <table>, sorting, filtering, the two views, identity events, optional columns,
// selection across table and graph, keyboard access, and a 500-event scenario kept fast by virtualization.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { TablePage } from './pages/tablePage.ts';

const GUIDE_HEADERS = ['#', 'Event', '$device_id', '$user_id', 'distinct_id (set by Mixpanel)', 'Notes'];
const RETURNING_USER_END = 'scenario=returning-user&mode=simplified&step=8';

test('is a real table with the guide’s column headers', async ({ page }) => {
  const table = new TablePage(page);
  await table.open(RETURNING_USER_END);
  await expect(page.getByRole('table')).toHaveCount(1);
  await expect(table.table.getByRole('columnheader')).toHaveText(GUIDE_HEADERS);
  await expect(table.table.locator('thead th')).toHaveCount(GUIDE_HEADERS.length);
  await expect(table.table.getByRole('row')).toHaveCount(7);
});

test('sorts by a column on click, and says so with aria-sort', async ({ page }) => {
  const table = new TablePage(page);
  await table.open(RETURNING_USER_END);
  const event = table.header('Event');
  await expect(event).toHaveAttribute('aria-sort', 'none');
  await table.sortBy('Event');
  await expect(event).toHaveAttribute('aria-sort', 'ascending');
  await expect
    .poll(() => table.columnTexts('event'))
    .toEqual(['Log In', 'Page View', 'Page View', 'Sign Up', 'Viewed Pricing', 'Viewed Pricing']);
  await table.sortBy('Event');
  await expect(event).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await table.columnTexts('event'))[0]).toBe('Viewed Pricing');
  await table.sortBy('Event');
  await expect(event).toHaveAttribute('aria-sort', 'none');
  await expect.poll(() => table.rowNumbers()).toEqual([1, 2, 4, 5, 6, 8]);
});

test('sorts ids by their aliases', async ({ page }) => {
  const table = new TablePage(page);
  await table.open('scenario=returning-user&mode=simplified&step=6');
  await table.sortBy('distinct_id (set by Mixpanel)');
  await expect
    .poll(() => table.columnTexts('distinct_id'))
    .toEqual(['$device:D2', '$device:D2', 'U1', 'U1', 'U1']);
});

test('filters by any visible text, full ids included', async ({ page }) => {
  const table = new TablePage(page);
  await table.open(RETURNING_USER_END);
  await table.filter.fill('d2');
  await expect.poll(() => table.rowNumbers()).toEqual([5, 6, 8]);
  await expect(page.getByTestId('table.count')).toHaveText('3 of 6 events');

  const fullId = await table.cell(5, 'device_id').locator('abbr').getAttribute('title');
  expect(fullId).toMatch(/^[0-9a-f-]{36}$/);
  await table.filter.fill(fullId?.slice(0, 13) ?? '');
  await expect.poll(() => table.rowNumbers()).toEqual([5, 6, 8]);

  await table.filter.fill('links');
  await expect.poll(() => table.rowNumbers()).toEqual([4, 8]);
  await table.filter.fill('no such thing');
  await expect(page.getByTestId('table.empty')).toHaveText('No event matches the filter.');
  await table.filter.fill('');
  await expect.poll(() => table.rowNumbers()).toEqual([1, 2, 4, 5, 6, 8]);
});

test('shows ids by alias, with the full id on hover', async ({ page }) => {
  const table = new TablePage(page);
  await table.open('scenario=new-user-signup&mode=simplified&step=1');
  const device = table.cell(1, 'device_id').locator('abbr');
  await expect(device).toHaveText('D1');
  const full = await device.getAttribute('title');
  await expect(table.cell(1, 'distinct_id').locator('abbr')).toHaveAttribute(
    'title',
    `$device:${full ?? ''}`,
  );
  await expect(table.cell(1, 'distinct_id').locator('abbr')).toHaveAccessibleDescription(
    `$device:${full ?? ''}`,
  );
});

test('"As Mixpanel shows it" fills in $user_id where the device is linked, marked as derived', async ({
  page,
}) => {
  const table = new TablePage(page);
  await table.open('scenario=new-user-signup&mode=simplified&step=4');
  await expect.poll(() => table.columnTexts('user_id')).toEqual(['', '', 'U1']);
  await table.showAsMixpanelShowsIt();
  await expect.poll(() => table.columnTexts('user_id')).toEqual(['U1', 'U1', 'U1']);
  await expect(table.cell(1, 'user_id').locator('.derived')).toBeVisible();
  await expect(table.cell(4, 'user_id').locator('.derived')).toHaveCount(0);
  // The derived cells changed at this step too, with the distinct_id they come from.
  await expect(table.cell(1, 'user_id')).toHaveAttribute('data-changed', 'true');
  await expect.poll(() => table.columnTexts('distinct_id')).toEqual(['U1', 'U1', 'U1']);
  await table.showAsSent();
  await expect.poll(() => table.columnTexts('user_id')).toEqual(['', '', 'U1']);
});

test('identity events are hidden in the seed flows and can be shown', async ({ page }) => {
  const table = new TablePage(page);
  await table.open('scenario=new-user-signup&mode=simplified&step=4');
  const toggle = table.identityEventsToggle();
  await expect(toggle).not.toBeChecked();
  await expect.poll(() => table.rowNumbers()).toEqual([1, 2, 4]);
  await toggle.check();
  await expect.poll(() => table.rowNumbers()).toEqual([1, 2, 3, 4]);
  await expect(table.cell(3, 'event')).toHaveText('$identify');
  await expect(table.cell(3, 'notes')).toHaveText('No effect on Simplified');
  await toggle.uncheck();
  await expect.poll(() => table.rowNumbers()).toEqual([1, 2, 4]);
});

test('optional columns come from the column menu', async ({ page }) => {
  const table = new TablePage(page);
  await table.open('scenario=new-user-signup&mode=simplified&step=4');
  await expect(table.header('Time')).toHaveCount(0);
  await table.toggleColumn('Time', true);
  await table.toggleColumn('distinct_id (as sent)', true);
  await expect(table.header('Time')).toBeVisible();
  await expect(table.cell(1, 'time')).toHaveText(/^\d\d:\d\d:\d\d$/);
  await expect(table.cell(1, 'sent_distinct_id')).toHaveText('$device:D1');
  await table.filter.fill('22:13:20');
  await expect.poll(() => table.rowNumbers()).toEqual([1]);
  await table.toggleColumn('Time', false);
  await expect.poll(() => table.rowNumbers()).toEqual([]);
});

test('rejected events say so, and failure codes are badges', async ({ page }) => {
  const table = new TablePage(page);
  await table.open('scenario=placeholder-ids&mode=simplified&step=1');
  await expect(table.cell(1, 'distinct_id')).toHaveText('rejected');
  await expect(table.cell(1, 'notes').locator('[data-note="failure"]')).toHaveText(/placeholder id/);
  await table.toggleColumn('Failure reason', true);
  await expect(table.header('Failure reason')).toBeVisible();
});

test('selecting a row marks it and the rest of its cluster; a graph node marks its cluster’s rows', async ({
  page,
}) => {
  const table = new TablePage(page);
  await table.open('scenario=multiple-users-one-device&mode=simplified&step=8');
  await table.row(3).click();
  await expect(table.row(3)).toHaveAttribute('aria-selected', 'true');
  await expect(table.row(1)).toHaveAttribute('data-emphasis', 'related');
  await expect(table.row(4)).not.toHaveAttribute('data-emphasis');

  await page.getByTestId('graph.node.U2').click();
  await expect(table.row(3)).toHaveAttribute('aria-selected', 'false');
  for (const number of [4, 5, 7]) await expect(table.row(number)).toHaveAttribute('data-emphasis', 'cluster');
  await expect(table.row(1)).not.toHaveAttribute('data-emphasis');
});

test('every control is reachable by keyboard; rows move with the arrows and select with Enter', async ({
  page,
}) => {
  const table = new TablePage(page);
  await table.open(RETURNING_USER_END);
  await table.filter.focus();
  await expect(table.filter).toHaveAccessibleName('Filter events');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'As sent' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(table.identityEventsToggle()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('table.columns').locator('summary')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(table.header('#').getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(table.header('#')).toHaveAttribute('aria-sort', 'ascending');
  for (let i = 0; i < GUIDE_HEADERS.length; i++) await page.keyboard.press('Tab');
  await expect(table.row(1)).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(table.row(4)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(table.row(4)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press(' ');
  await expect(table.row(5)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Control+End');
  await expect(table.row(8)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(table.row(5)).toHaveAttribute('aria-selected', 'false');
});

test('500 events: only the rows in view are rendered, the header stays, and keys reach the last row', async ({
  page,
}) => {
  const table = new TablePage(page);
  await table.open('scenario=original-cap-through-reset&mode=original&step=6');
  await expect(table.table).toHaveAttribute('aria-rowcount', '503');
  const rendered = await table.rowNumbers();
  expect(rendered.length).toBeLessThan(80);
  // The step's new row (the last) was scrolled into view.
  expect(rendered).toContain(502);
  await expect(table.row(502)).toBeInViewport();

  await table.row(502).click();
  await page.keyboard.press('Control+Home');
  await expect(table.row(1)).toBeFocused();
  await expect(table.row(1)).toBeInViewport();
  await expect(table.header('Event')).toBeInViewport();
  await page.keyboard.press('Control+End');
  await expect(table.row(502)).toBeFocused();
  await expect(table.header('Event')).toBeInViewport();
  await expect(table.row(1)).toHaveCount(0);
});

test('stepping forward and back, the step’s newest event stays in view', async ({ page }) => {
  const table = new TablePage(page);
  await table.open('scenario=original-cap-through-reset&mode=original&step=2');
  await expect(table.row(499)).toBeInViewport();
  // Step 3 (a reset) sends nothing; step 4 sends event #500, which the table scrolls to.
  await table.nextStep();
  await table.nextStep();
  await expect(table.row(500)).toBeInViewport();
  // Back at step 2 its newest event, #499, is the row just above: already in view (the table need not scroll).
  await page.getByRole('button', { name: 'Previous step', exact: true }).click();
  await page.getByRole('button', { name: 'Previous step', exact: true }).click();
  await expect(page.getByTestId('timeline.position')).toHaveText(/Step 2 of/);
  await expect(table.row(500)).toHaveCount(0);
  await expect(table.row(499)).toBeInViewport();
  // Back to the first step: its one event is far above, so the table scrolls up to it.
  await page.getByRole('button', { name: 'Previous step', exact: true }).click();
  await expect(table.row(1)).toBeInViewport();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violation in the table, ${theme} theme`, async ({ page }) => {
    // Reduced motion: the highlight's transition would otherwise be caught halfway by the contrast check.
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    const table = new TablePage(page);
    await table.open('scenario=multiple-users-one-device&mode=simplified&step=8');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await table.row(3).click();
    await table.showAsMixpanelShowsIt();
    await table.toggleColumn('Time', true);
    const results = await new AxeBuilder({ page }).include('.event-table').analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
}
