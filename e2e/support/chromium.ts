// One place for how Chromium is launched: the e2e config and the scripts (screenshots, timing, capture) share it.
// It picks a Chromium by itself, so `npm test` works on any machine with Node (#17): CHROMIUM_PATH when set, else
// the system's Chromium when there is one, else Playwright's own, downloaded on first use with a message saying so.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where a system Chromium usually lives: Debian/Ubuntu, snap, Homebrew, macOS. */
export const SYSTEM_CHROMIUMS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/local/bin/chromium',
  '/opt/homebrew/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Which Chromium to use and why; `install` when Playwright's own is wanted but not downloaded yet. */
export type ChromiumChoice =
  | { readonly kind: 'env' | 'system'; readonly path: string }
  | { readonly kind: 'playwright'; readonly path: string; readonly install: boolean };

export interface ChromiumWorld {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly exists: (path: string) => boolean;
  /** Where Playwright keeps its own Chromium (downloaded or not). */
  readonly playwrightPath: () => string;
}

/** The choice, as a pure function of the environment, the files present and Playwright's path. */
export function pickChromium(world: ChromiumWorld): ChromiumChoice {
  const wanted = world.env['CHROMIUM_PATH'];
  if (wanted !== undefined && wanted !== '') {
    if (!world.exists(wanted)) throw new Error(`CHROMIUM_PATH is ${wanted}, but there is no file there`);
    return { kind: 'env', path: wanted };
  }
  if (wanted === undefined) {
    const system = SYSTEM_CHROMIUMS.find((path) => world.exists(path));
    if (system !== undefined) return { kind: 'system', path: system };
  }
  const own = world.playwrightPath();
  return { kind: 'playwright', path: own, install: !world.exists(own) };
}

let chosen: ChromiumChoice | undefined;

/** The choice for this machine; downloads Playwright's Chromium the first time it is needed, saying so. */
export function chromiumChoice(): ChromiumChoice {
  chosen ??= pickChromium({
    env: process.env,
    exists: existsSync,
    playwrightPath: () => chromium.executablePath(),
  });
  if (chosen.kind === 'playwright' && chosen.install) {
    console.log(
      'No system Chromium found (set CHROMIUM_PATH to use one): downloading Playwright’s own Chromium once, ' +
        'with `npx playwright install chromium` …',
    );
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
    chosen = { ...chosen, install: false };
  }
  return chosen;
}

/** The sandbox runs as root with no GPU and a closed network: these flags keep Chromium quiet and working there. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch options for Playwright's chromium.launch / launchOptions. */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const choice = chromiumChoice();
  return {
    ...(choice.kind === 'playwright' ? {} : { executablePath: choice.path }),
    args: [...CHROMIUM_ARGS],
  };
}
