// Ask why: selecting a row gives the engine's reasons with their rule ids; selecting an id gives its cluster.
import { expect, test } from './fixtures.ts';
import { AppPage } from './pages/appPage.ts';

test('a failed $identify explains errAnonDistinctIdAssignedAlready with rule O-7', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'original-anon-already-identified', mode: 'original', step: 4 });
  const why = app.panel('Why');
  // Nothing selected: the panel follows the newest event; a click pins row 3.
  await expect(why.getByTestId('explain.following')).toBeVisible();
  await app.row(3).click();
  await expect(why.getByTestId('explain.follow')).toBeVisible();
  await expect(why.getByTestId('explain.event')).toContainText('Event #3');
  await expect(why.getByTestId('explain.event')).toContainText('$identify');
  await expect(why.getByTestId('explain.failure')).toContainText('errAnonDistinctIdAssignedAlready');
  await expect(why.getByTestId('explain.failure').getByTestId('rule-badge')).toHaveText('O-7');
  await expect(why.getByTestId('explain.reasons').getByTestId('rule-badge')).toContainText(['O-1', 'O-7']);
});

test('selecting a row from another tab opens "Why"', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'multiple-users-one-device', mode: 'simplified', step: 3 });
  await app.openTab('Devices');
  await app.row(1).click();
  await expect(app.tab('Why')).toHaveAttribute('aria-selected', 'true');
  await expect(app.panel('Why')).toContainText('S-12');
  // Events are named as the table numbers them: with the $identify hidden, the link is row 2, as in the guide.
  await expect(app.panel('Why')).toContainText('linked to U1 by event #2');
});

test('stepping back before a selected event says it has not been sent yet', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'multiple-users-one-device', mode: 'simplified', step: 8 });
  await app.row(7).click();
  await app.firstStep.click();
  await expect(app.panel('Why').getByTestId('explain.not-yet')).toBeVisible();
});

test('a selected row lights up its cluster in the graph, and its cluster rows in the table', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'multiple-users-one-device', mode: 'simplified', step: 3 });
  await app.row(1).click();
  await expect(app.row(1)).toHaveAttribute('data-emphasis', 'selected');
  await expect(app.row(3)).toHaveAttribute('data-emphasis', 'related');
  // The graph marks the cluster the event resolves to, and the id the event carried.
  await expect(page.getByTestId('graph.cluster.U1')).toHaveClass(/is-highlighted/);
  await expect(page.getByTestId('graph.node.$device:D1')).toHaveClass(/is-highlighted/);
});

test('a selected node explains its cluster and lights up its events in the table', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'multiple-users-one-device', mode: 'simplified', step: 8 });
  await page.getByTestId('graph.node.U2').click();
  const why = app.panel('Why').getByTestId('explain.id');
  await expect(why).toContainText('Resolves to U2');
  await expect(why.getByTestId('explain.members')).toContainText('joined by event #5');
  await expect(why.getByTestId('explain.events')).toContainText('#3 Page View');
  await expect(app.row(4)).toHaveAttribute('data-emphasis', 'cluster');
  await expect(app.row(1)).not.toHaveAttribute('data-emphasis', /.+/);
  // An event in the explanation selects that event.
  await why.getByRole('button', { name: '#3 Page View' }).click();
  await expect(app.panel('Why').getByTestId('explain.event')).toContainText('Event #3');
});
