// The neighbourhood graph as Chromium renders it never draws over itself (#17): the same check as the scenario
// graph (src/views/shared/geometry.ts) on the rendered boxes of ids and edge labels, for generated fan-outs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { drawingProblems, type Box } from '../src/views/shared/geometry.ts';
import { expect, test } from './fixtures.ts';
import { ImportPage } from './pages/importPage.ts';

let dir = '';
let file = '';

/** A device refused by ten users (after its first user), and a user with fifty devices. */
function fanOuts(): string {
  const lines: string[] = [];
  let time = 1_700_000_000;
  const event = (properties: Record<string, string>) =>
    lines.push(JSON.stringify({ event: 'Sign In', properties: { ...properties, time: time++ } }));
  event({ $device_id: 'shared-kiosk' });
  for (let user = 0; user <= 10; user++)
    event({ $device_id: 'shared-kiosk', $user_id: `user-${user}@example.com` });
  for (let device = 1; device <= 50; device++) {
    event({ $device_id: `phone-${device}` });
    event({ $device_id: `phone-${device}`, $user_id: 'collector' });
  }
  return lines.join('\n') + '\n';
}

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'idmerge-fanout-'));
  file = join(dir, 'fanouts.ndjson');
  writeFileSync(file, fanOuts());
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function renderedDrawing(page: Page) {
  const graph = page.getByTestId('dataset.graph');
  const boxes = async (selector: string) =>
    graph.locator(selector).evaluateAll((nodes) =>
      nodes.map((node) => {
        const r = node.getBoundingClientRect();
        const box: Box = { x: r.x, y: r.y, width: r.width, height: r.height };
        return { name: node.getAttribute('data-id') ?? node.textContent ?? '', box };
      }),
    );
  return {
    nodes: await boxes('.react-flow__node'),
    labels: await boxes('[data-testid="neighbourhood.edgeLabel"]'),
    clusters: [],
  };
}

for (const [name, id, edges] of [
  ['a device refused by ten users', '$device:shared-kiosk', 11],
  ['a user with fifty devices', 'collector', 50],
] as const) {
  test(`${name}: no id over an id, no label over an id or a label, as rendered`, async ({ page }) => {
    const app = new ImportPage(page);
    await app.open();
    await app.load(file);
    const search = page.getByTestId('dataset.search');
    await search.fill(id);
    await search.press('Enter');
    await expect(page.getByTestId('identity.canonical')).toBeVisible();
    await expect(page.getByTestId('neighbourhood.edgeLabel')).toHaveCount(edges);
    const drawing = await renderedDrawing(page);
    expect(drawing.nodes.length).toBeGreaterThan(edges > 20 ? 50 : 11);
    expect(drawingProblems(drawing)).toEqual([]);
  });
}
