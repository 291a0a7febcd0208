// The app's doors in a real Chromium (issue #11): hostile URLs and corrupt saved state. Each opens the app with
// defaults, a notice (role=status) names what was ignored, no dialog fires, no script from the input runs, no page
// error, and Object.prototype is untouched. The fixture fails any test with a console error or page error.
// The same readers are fuzzed in src/app/test/doors.ts; this checks the page around them.
import type { Page } from '@playwright/test';
import LZString from 'lz-string';
import { LIBRARY } from '../src/scenarios/library/index.ts';
import { encodeScenarioLink } from '../src/scenarios/link.ts';
import { expect, test } from './fixtures.ts';
import { AppPage, titleOf } from './pages/appPage.ts';

/** Markup that would set window.__xss if it ever became HTML, and prove it ran. */
const XSS = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';

/** Watches for dialogs (alert, confirm, prompt) the whole test; a dialog means input ran as script. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** Nothing from the input ran, nothing was polluted, no markup from the input became an element. */
async function expectNothingLetIn(page: Page, dialogs: readonly string[]): Promise<void> {
  expect(dialogs).toEqual([]);
  const state = await page.evaluate(() => ({
    xss: (window as { __xss?: unknown }).__xss,
    polluted: ({} as Record<string, unknown>)['polluted'],
    prototypeKeys: Object.keys(Object.prototype),
    injected: document.querySelectorAll('img[src="x"], script:not([src])').length,
  }));
  expect(state).toEqual({ xss: undefined, polluted: undefined, prototypeKeys: [], injected: 0 });
}

const q = encodeURIComponent;

/** Hostile URLs, each with the notice texts it must produce. */
const HOSTILE_URLS: readonly { name: string; search: string; notices: readonly string[] }[] = [
  {
    name: 'markup and prototype names in every parameter',
    search: `?scenario=${q(XSS)}&mode=__proto__&step=1e400&view=${q('javascript:alert(1)')}&embed=${q(SCRIPT)}`,
    notices: [
      'There is no scenario "<img src=x onerror=\\"window.__xss=1\\">"',
      '"__proto__" is not a mode',
      '"1e400" is not a step number',
      '"javascript:alert(1)" is not a view',
      'embed="<script>window.__xss=2</script>" is not 1 or 0',
    ],
  },
  {
    name: 'prototype-polluting parameter names',
    search:
      '?__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__.polluted=1&scenario=constructor',
    notices: ['There is no scenario "constructor"'],
  },
  {
    name: 'a 10 000-character scenario id',
    search: `?scenario=${'x'.repeat(10_000)}&mode=original&step=-3`,
    notices: ['(10,000 characters)'],
  },
  {
    name: 'numbers that are not step numbers',
    search: '?scenario=returning-user&mode=constructor&step=0x10',
    notices: ['"constructor" is not a mode', '"0x10" is not a step number'],
  },
  {
    name: 'broken percent-encoding',
    search: '?scenario=%E0%A4%A&mode=%&step=%00',
    notices: ['There is no scenario', 'is not a mode', 'is not a step number'],
  },
  {
    name: 'hostile view details (options, sdk, selection, panel, table)',
    search:
      `?scenario=returning-user&event=99999999&panel=__proto__&table=${q('<b>x</b>')}&identity-events=constructor` +
      `&sdk=${q('javascript:alert(1)')}&cluster-limit=-1&link-order=${q(XSS)}`,
    notices: [
      '"__proto__" is not a panel',
      '"<b>x</b>" is not a table view',
      '"constructor" is not an identity-events choice',
      '"javascript:alert(1)" is not an SDK version',
      'cluster-limit="-1" is ignored',
      'link-order="<img src=x onerror=\\"window.__xss=1\\">" is ignored',
    ],
  },
  {
    name: 'an id selection of 300 characters',
    search: `?scenario=returning-user&id=${'i'.repeat(300)}`,
    notices: ['(300 characters) is not an id the lab can select'],
  },
  {
    name: 'a truncated play link',
    search: `?play=${encodeScenarioLink(LIBRARY[0]!).slice(0, 40)}&mode=simplified&step=1`,
    notices: ['could not be opened'],
  },
  {
    name: 'a play link of prototype-polluting JSON',
    search: `?play=${LZString.compressToEncodedURIComponent('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}')}`,
    notices: ['could not be opened', 'not valid'],
  },
  {
    name: 'a javascript: play link',
    search: `?play=${q('javascript:alert(1)')}&step=${q(XSS)}`,
    notices: ['could not be opened'],
  },
];

for (const { name, search, notices } of HOSTILE_URLS)
  test(`hostile URL, ${name}: the app opens with defaults and a notice`, async ({ page }) => {
    const dialogs = watchDialogs(page);
    const app = new AppPage(page);
    await app.open(search);
    await expect(app.notices).toHaveAttribute('role', 'status');
    for (const text of notices) await expect(app.notices).toContainText(text);
    await expect(app.scenarioBox).toBeVisible();
    await expectNothingLetIn(page, dialogs);
  });

test('a play link whose scenario is full of markup shows it as text', async ({ page }) => {
  const dialogs = watchDialogs(page);
  const scenario = { ...LIBRARY[0]!, id: 'markup', title: `Title ${XSS}`, lesson: `About ${SCRIPT}` };
  const app = new AppPage(page);
  await app.open(`?play=${encodeScenarioLink(scenario)}&mode=simplified&step=1`);
  await expect(app.scenarioBox).toHaveValue(`Title ${XSS}`);
  await expectNothingLetIn(page, dialogs);
});

test('a huge URL reached by back and forward is repaired with a notice', async ({ page }) => {
  // Too long for a server request line (16 kB), so it arrives the way a history entry can: by popstate.
  const dialogs = watchDialogs(page);
  const app = new AppPage(page);
  await app.open({ scenario: 'returning-user', mode: 'simplified', step: 2 });
  const huge = `?scenario=${'y'.repeat(1_000_000)}&mode=${q(XSS)}&view=${'z'.repeat(500_000)}`;
  const tooLong = `?play=${'A'.repeat(40_000)}`;
  for (const search of [huge, tooLong]) {
    await page.evaluate((next) => {
      history.pushState(null, '', next);
      history.pushState(null, '', '?scenario=returning-user&mode=simplified&step=2');
      history.back();
    }, search);
    await expect(app.notices).toContainText(
      search === huge ? '(1,000,000 characters)' : 'could not be opened',
    );
  }
  await expect(app.notices).toContainText('(500,000 characters)');
  await expect(app.notices).toContainText('40,000 characters long');
  await expect(app.scenarioBox).toBeVisible();
  await expectNothingLetIn(page, dialogs);
});

test('view=import with hostile parameters opens the workspace with notices', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto(`/?view=import&scenario=__proto__&embed=yes`);
  await expect(page.getByTestId('notices')).toContainText('There is no scenario "__proto__"');
  await expect(page.getByTestId('notices')).toContainText('embed="yes" is not 1 or 0');
  await expect(page.getByTestId('dataset.empty')).toBeVisible();
  await expectNothingLetIn(page, dialogs);
});

const SAVED_KEY = 'idmerge.myScenarios.v1';
const ASIDE_KEY = 'idmerge.myScenarios.setAside';
const THEME_KEY = 'idmerge.theme';
const GOOD_ENTRY = { key: 'k1', title: `Mine ${XSS}`, payload: encodeScenarioLink(LIBRARY[0]!), savedAt: 1 };

/** Corrupt saved states: what is stored before the page loads, and the notice it must produce. */
const CORRUPT_STATES: readonly {
  name: string;
  stored: Record<string, string>;
  notices: readonly string[];
}[] = [
  {
    name: 'a theme that is markup',
    stored: { [THEME_KEY]: XSS },
    notices: ['The saved theme "<img src=x onerror=\\"window.__xss=1\\">" is not light or dark'],
  },
  {
    name: 'a theme of a million characters',
    stored: { [THEME_KEY]: 'd'.repeat(1_000_000) },
    notices: ['(1,000,000 characters)'],
  },
  {
    name: 'a saved list that is a __proto__ object',
    stored: { [SAVED_KEY]: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}' },
    notices: ['Your saved scenarios could not be read'],
  },
  {
    name: 'a saved list with damaged entries among good ones',
    stored: {
      [SAVED_KEY]: JSON.stringify([
        GOOD_ENTRY,
        JSON.parse('{"__proto__":{"polluted":1},"key":"k2"}'),
        { key: 3, title: ['wrong'], payload: null, savedAt: 'yesterday' },
      ]),
    },
    notices: ['2 of your 3 saved scenarios could not be read'],
  },
  {
    name: 'a truncated saved list of 2 million characters',
    stored: { [SAVED_KEY]: JSON.stringify(Array(12_000).fill(GOOD_ENTRY)).slice(0, 2_000_000) },
    notices: ['Your saved scenarios could not be read'],
  },
];

for (const { name, stored, notices } of CORRUPT_STATES)
  test(`corrupt saved state, ${name}: set aside with a notice`, async ({ page }) => {
    const dialogs = watchDialogs(page);
    // Once, before the first load only: a reload must find the damage already set aside.
    await page.addInitScript((items) => {
      if (sessionStorage.getItem('seeded') !== null) return;
      sessionStorage.setItem('seeded', '1');
      for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
    }, stored);
    const app = new AppPage(page);
    await app.open();
    for (const text of notices) await expect(app.notices).toContainText(text);
    await expect(app.scenarioBox).toHaveValue(titleOf('new-user-signup'));
    await expectNothingLetIn(page, dialogs);
    const after = await page.evaluate(
      ([saved, aside, theme]) => ({
        saved: localStorage.getItem(saved!),
        aside: localStorage.getItem(aside!) !== null,
        theme: localStorage.getItem(theme!),
      }),
      [SAVED_KEY, ASIDE_KEY, THEME_KEY],
    );
    if (THEME_KEY in stored) expect(after.theme).toBeNull();
    if (SAVED_KEY in stored) {
      expect(after.aside).toBe(true);
      const kept = JSON.parse(after.saved ?? '[]') as unknown[];
      expect(kept.every((entry) => JSON.stringify(entry) === JSON.stringify(GOOD_ENTRY))).toBe(true);
    }
    // Set aside once: a reload opens clean.
    await page.reload();
    await expect(app.nextStep).toBeVisible();
    await expect(app.notices).toBeEmpty();
  });
