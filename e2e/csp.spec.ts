// The Content-Security-Policy of index.html is in force in the built app (issue #11): an inline script and an
// event-handler attribute are refused, while the app's own scripts, its worker, the editor's styles and the graph's PNG export all work. The
// probes below are meant to be refused, so this spec watches the console itself instead of using the shared
// fixture, and allows only the refusals it caused.
import { expect, test, type Page } from '@playwright/test';
import { fixture, ImportPage } from './pages/importPage.ts';

/** Console errors and page errors, and the CSP violations the page reported. */
function watch(page: Page): { problems: string[]; violations: string[] } {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { problems, violations: [] };
}

async function violationsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as { __violations?: string[] }).__violations ?? []);
}

test('an inline script and an event-handler attribute are refused; the app itself runs', async ({ page }) => {
  const { problems } = watch(page);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { __violations?: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Next step', exact: true })).toBeVisible();
  expect(await violationsOf(page)).toEqual([]);
  const outcome = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
    // An event-handler attribute, the way markup from input would try to run.
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__handler = 1');
    document.body.append(button);
    button.click();
    button.remove();
    const w = window as { __inline?: number; __handler?: number };
    return { inline: w.__inline, handler: w.__handler };
  });
  expect(outcome).toEqual({ inline: undefined, handler: undefined });
  await expect.poll(() => violationsOf(page)).toEqual(['script-src-elem', 'script-src-attr']);
  // Only the two refusals this test asked for reached the console.
  expect(problems.filter((text) => !text.includes('Content Security Policy'))).toEqual([]);
  expect(problems).toHaveLength(2);
});

test('under the policy the worker imports, the graph exports a PNG and the editor is styled', async ({
  page,
}) => {
  const { problems } = watch(page);
  const app = new ImportPage(page);
  await app.open();
  await app.load(fixture('stream.ndjson'));
  await app.clusters.filter({ hasText: 'alice' }).click();
  await expect(page.getByTestId('dataset.graph').locator('.react-flow__node')).toHaveCount(4);
  const png = await app.download('graph-png');
  expect(await png.failure()).toBeNull();
  await page.goto('/');
  await page.getByRole('button', { name: 'Edit a copy' }).click();
  const editor = page.getByRole('region', { name: 'Scenario editor' });
  await expect(editor).toBeVisible();
  await page.getByRole('tab', { name: 'Source' }).click();
  await expect(page.getByRole('textbox', { name: 'Scenario source' })).toContainText('"steps"');
  const content = editor.locator('.cm-editor');
  await expect(content).toBeVisible();
  // CodeMirror's base theme (injected as a <style> element) applies: its editor is a flex column.
  expect(await content.evaluate((element) => getComputedStyle(element).display)).toBe('flex');
  expect(problems).toEqual([]);
});
