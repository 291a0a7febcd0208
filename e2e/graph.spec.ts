// The identity graph in the browser: nodes, groups and edges at chosen steps, refusals, selection and big clusters.
import { expect, test } from './fixtures.ts';
import { GraphPage } from './pages/graphPage.ts';

test('new-user-signup, step by step: D1 alone, then U1, then the link groups them', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open({ scenario: 'new-user-signup', mode: 'simplified', step: 0 });
  await expect(graph.graph).toContainText('No ids yet');
  expect(await graph.nodeLabels()).toEqual([]);

  await graph.nextStep();
  await expect(graph.node('$device:D1')).toBeVisible();
  expect(await graph.nodeLabels()).toEqual(['$device:D1']);

  await graph.nextStep();
  await graph.nextStep();
  await expect(graph.node('U1')).toBeVisible();
  expect(await graph.nodeLabels()).toEqual(['$device:D1', 'U1']);
  expect(await graph.clusterLabels()).toEqual([]);
  expect(await graph.edgeNumbers()).toEqual([]);

  await graph.nextStep();
  await expect(graph.cluster('U1')).toBeVisible();
  await expect(graph.cluster('U1')).toContainText('U1 · 2 ids');
  expect(await graph.edgeNumbers()).toEqual([4]);
  await expect(graph.edge(4)).toHaveAttribute('aria-label', /Links D1 ⇒ U1 \(S-6\)/);
  // Test ids keep the stable event number; the label names the event as the table shows it (row 3, $identify hidden).
  await expect(graph.edgeLabel(4)).toHaveText(/#3 links\s*S-6/);
  await expect(graph.node('U1')).toHaveAccessibleName('U1 canonical user id in a cluster of 2 ids');
  await expect(graph.node('$device:D1')).toHaveAccessibleName(/resolves to U1/);
  // The link moves D1 into U1's box: the graph is laid out from the clusters at each step (#17).
  await expect(graph.node('$device:D1')).toHaveAttribute('data-cluster', 'cluster:U1');
});

test('a refused $identify is a dashed edge carrying its error code (Original)', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open({ scenario: 'original-identify-non-guid', mode: 'original', step: 2 });
  await expect(graph.edge(2)).toHaveClass(/graph-edge--failed/);
  await expect(graph.edge(2)).toHaveAttribute('aria-label', /errAnonDistinctIdNonGUIDForm \(O-7\)/);
  await expect(graph.edgeLabel(2)).toContainText('errAnonDistinctIdNonGUIDForm');
  const dashes = await graph
    .edge(2)
    .locator('path')
    .first()
    .evaluate((path) => getComputedStyle(path).strokeDasharray);
  expect(dashes).not.toBe('none');
  expect(await graph.clusterLabels()).toEqual([]);
});

test('an id already identified is refused with errAnonDistinctIdAssignedAlready', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open({ scenario: 'original-anon-already-identified', mode: 'original', step: 4 });
  await expect(graph.edgeLabel(3)).toContainText('errAnonDistinctIdAssignedAlready');
  expect(await graph.edgeNumbers()).toEqual([2, 3]);
  expect(await graph.nodeLabels()).toContain('U2');
});

test('clicking a node selects it; Enter on a focused node selects it too', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open({ scenario: 'multiple-users-one-device', mode: 'simplified', step: 8 });
  await graph.node('U1').click();
  await expect(graph.node('U1')).toHaveAttribute('aria-pressed', 'true');
  await expect(graph.node('U1')).toHaveClass(/is-selected/);
  await expect(graph.cluster('U1')).toHaveClass(/is-highlighted/);

  await graph.node('$device:D2').focus();
  await page.keyboard.press('Enter');
  await expect(graph.node('$device:D2')).toHaveAttribute('aria-pressed', 'true');
  await expect(graph.node('U1')).toHaveAttribute('aria-pressed', 'false');
  await expect(graph.cluster('U2')).toHaveClass(/is-highlighted/);
});

test('selecting a row lights up its id and cluster in the graph', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open({ scenario: 'new-user-signup', mode: 'simplified', step: 4 });
  await page.getByTestId('table.row.1').click();
  await expect(graph.node('$device:D1')).toHaveClass(/is-highlighted/);
  await expect(graph.cluster('U1')).toHaveClass(/is-highlighted/);
});

test('a 500-id cluster is collapsed into a summary that expands on demand', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open({ scenario: 'original-cap-through-reset', mode: 'original', step: 2 });
  await expect(graph.summary('U1')).toContainText('+ 484 more $device: ids');
  await expect(graph.cluster('U1')).toContainText('500 ids');
  expect((await graph.nodeLabels()).length).toBe(16);

  await graph.summary('U1').focus();
  await page.keyboard.press('Enter');
  await expect(graph.summary('U1')).toContainText('+ 384 more $device: ids');
  expect((await graph.nodeLabels()).length).toBe(116);

  await graph.nextStep();
  await graph.nextStep();
  await graph.nextStep();
  await expect(graph.edgeLabel(501)).toContainText('errManyIDs');
});

test('the zoom controls have names and work from the keyboard', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open({ scenario: 'returning-user', mode: 'simplified', step: 3 });
  const viewport = graph.graph.locator('.react-flow__viewport');
  const before = await viewport.evaluate((element: HTMLElement) => element.style.transform);
  await graph.zoomControl('Zoom Out').focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => viewport.evaluate((element: HTMLElement) => element.style.transform))
    .not.toBe(before);
  await expect(graph.zoomControl('Zoom In')).toBeVisible();
  await expect(graph.zoomControl('Fit View')).toBeVisible();
});
