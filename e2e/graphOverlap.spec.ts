// Graphs that never overlap, checked on the boxes Chromium rendered (#17): every library scenario × mode × step in
// one page load, stepping with the app's own Next button; the same rules as the unit check (src/views/shared/geometry.ts).
import type { Page } from '@playwright/test';
import { MODES } from '../src/engine/index.ts';
import { LIBRARY } from '../src/scenarios/library/index.ts';
import { drawingProblems, type Drawing } from '../src/views/shared/geometry.ts';
import { expect, test } from './fixtures.ts';
import { AppPage } from './pages/appPage.ts';

/** The rendered boxes of the graph pane, in page pixels. */
function renderedDrawing(page: Page): Promise<Drawing> {
  return page.evaluate(() => {
    const boxOf = (element: Element) => {
      const r = element.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const graph = document.querySelector('[data-testid="graph"]');
    if (graph === null) return { nodes: [], labels: [], clusters: [] };
    const all = (selector: string) => [...graph.querySelectorAll(selector)];
    return {
      nodes: all('.react-flow__node-id, .react-flow__node-summary').map((node) => {
        const cluster = node.getAttribute('data-cluster');
        return {
          name: node.getAttribute('data-testid') ?? '?',
          box: boxOf(node),
          ...(cluster === null ? {} : { cluster }),
        };
      }),
      labels: all('.graph-edge-label').map((label) => ({
        name: label.getAttribute('data-testid') ?? '?',
        box: boxOf(label),
      })),
      clusters: all('.react-flow__node-cluster').map((box) => {
        const title = box.querySelector('.graph-cluster__label');
        return {
          name: box.getAttribute('data-cluster-box') ?? '?',
          box: boxOf(box),
          ...(title === null ? {} : { title: boxOf(title) }),
        };
      }),
    };
  });
}

/** Opens a view through the app's own history handling, without reloading the page. */
async function openInPlace(page: Page, search: string): Promise<void> {
  await page.evaluate((query) => {
    history.pushState(null, '', query);
    dispatchEvent(new PopStateEvent('popstate'));
  }, search);
}

/** Two frames: React Flow has measured and placed the new nodes. */
const settled = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

test('no id over an id, no label over an id or a label, ids inside exactly their cluster box', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const app = new AppPage(page);
  const graph = page.getByTestId('graph');
  await app.open({ scenario: LIBRARY[0]?.id ?? '', mode: 'simplified', step: 0 });
  const problems: string[] = [];
  let states = 0;
  let drawn = 0;
  for (const scenario of LIBRARY) {
    for (const mode of MODES) {
      await openInPlace(page, `?scenario=${scenario.id}&mode=${mode}&step=0`);
      await expect(app.position).toHaveText(`Step 0 of ${scenario.steps.length}`);
      // The graph draws a step just after the rest of the page (a deferred render): wait for it to show this one.
      await expect(graph).toHaveAttribute('data-step', '0');
      for (let step = 1; step <= scenario.steps.length; step++) {
        await app.nextStep.click();
        await expect(app.position).toHaveText(`Step ${step} of ${scenario.steps.length}`);
        await expect(graph).toHaveAttribute('data-step', String(step));
        await settled(page);
        const drawing = await renderedDrawing(page);
        drawn += drawing.nodes.length;
        const found = drawingProblems(drawing);
        problems.push(...found.map((p) => `${scenario.id} · ${mode} · step ${step}: ${p}`));
        states++;
      }
    }
  }
  test.info().annotations.push({ type: 'states', description: String(states) });
  expect(states).toBe(LIBRARY.reduce((sum, s) => sum + s.steps.length, 0) * MODES.length);
  expect(drawn, 'ids drawn over all states').toBeGreaterThan(states);
  expect(problems).toEqual([]);
});
