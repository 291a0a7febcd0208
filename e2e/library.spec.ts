// The library's scenario bodies load after the page (issue #14: the first load stays small). What the first screen
// shows while they load, and what happens when they cannot load at all.
import type { Page } from '@playwright/test';
import { LIBRARY_CONTENTS } from '../src/scenarios/library/contents.ts';
import { expect, test } from './fixtures.ts';
import { AppPage, titleOf } from './pages/appPage.ts';

/** The chunks of every scenario body but the first (one per file, loaded by src/scenarios/library/shelf.ts). */
const LIBRARY_CHUNK = new RegExp(
  `/assets/(${LIBRARY_CONTENTS.slice(1)
    .map((entry) => entry.id)
    .join('|')})-[\\w-]+\\.js$`,
);

/** Holds the library's chunks back until the returned function is called; `asked()` says whether one was asked for. */
async function holdLibrary(page: Page): Promise<{ release: () => void; asked: () => boolean }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(LIBRARY_CHUNK, async (route) => {
    asked = true;
    await released;
    await route.continue();
  });
  return { release, asked: () => asked };
}

/** Drops the console's record of the chunks the test refused, keeping every other problem for the fixture. */
function forgiveRefusedChunk(problems: string[]): void {
  const others = problems.filter((problem) => !/Failed to load resource/.test(problem));
  problems.splice(0, problems.length, ...others);
}

test('a URL naming another scenario says it is opening it, then opens it at that step', async ({ page }) => {
  const library = await holdLibrary(page);
  const app = new AppPage(page);
  await page.goto('/?scenario=returning-user&mode=original&step=5');
  await expect(page.getByRole('status')).toHaveText('Opening the scenario…');
  expect(library.asked()).toBe(true);
  library.release();
  await app.expectStep(5, 8);
  await expect(app.scenarioBox).toHaveValue(titleOf('returning-user'));
  await expect(app.mode('Original')).toBeChecked();
});

test('the first scenario opens without the library; a choice made before it arrives opens when it does', async ({
  page,
}) => {
  const library = await holdLibrary(page);
  const app = new AppPage(page);
  await app.open();
  await app.expectStep(0, 4);
  await app.scenarioBox.click();
  // Every title is there before the bodies (and so the lessons) are.
  await expect(page.getByRole('listbox', { name: 'Scenarios' }).getByRole('option')).toHaveCount(38);
  await page.getByTestId('picker.option.returning-user').click();
  await expect(app.scenarioBox).toHaveValue(titleOf('new-user-signup'));
  await app.expectStep(0, 4);
  expect(library.asked()).toBe(true);
  library.release();
  await expect(app.scenarioBox).toHaveValue(titleOf('returning-user'));
  await app.expectStep(0, 8);
  await expect.poll(() => app.view()).toEqual({ scenario: 'returning-user', mode: 'simplified', step: 0 });
});

test('when the library cannot load, the first scenario still opens and each refusal is said in a notice', async ({
  page,
  consoleProblems,
}) => {
  await page.route(LIBRARY_CHUNK, (route) => route.abort());
  const app = new AppPage(page);
  await app.open('?scenario=returning-user&step=3');
  await expect(app.scenarioBox).toHaveValue(titleOf('new-user-signup'));
  await expect(app.notices).toContainText(
    'Scenario "returning-user" could not be loaded. Showing "new-user-signup" instead.',
  );
  await app.pickScenario('original-signup');
  await expect(app.notices).toContainText(`Scenario "${titleOf('original-signup')}" could not be loaded`);
  await expect(app.scenarioBox).toHaveValue(titleOf('new-user-signup'));
  await app.nextStep.click();
  await app.expectStep(1, 4);
  // A shared link that cannot be opened falls back to the scenario the URL names: here one that cannot load either.
  await app.open('?play=not-a-link&scenario=original-signup');
  await expect(app.notices).toContainText('Scenario "original-signup" could not be loaded.');
  await expect(app.notices).toContainText("This link's scenario could not be opened");
  await expect(app.scenarioBox).toHaveValue(titleOf('new-user-signup'));
  forgiveRefusedChunk(consoleProblems);
});

test("the editor's presets start from the library scenario they name, loaded when chosen", async ({
  page,
}) => {
  const library = await holdLibrary(page);
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Edit a copy', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Scenario editor' });
  await expect(editor).toBeVisible();
  await editor
    .getByRole('combobox', { name: 'Start from a common pain' })
    .selectOption('Several people on one device');
  library.release();
  await expect(editor.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    titleOf('multiple-users-one-device'),
  );
});
