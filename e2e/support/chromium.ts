// One place for how Chromium is launched: the e2e config and the scripts (screenshots, timing, capture) share it.

/**
 * Debian's Chromium by default; CHROMIUM_PATH names another binary, and CHROMIUM_PATH="" means Playwright's own
 * (installed with `npx playwright install chromium`).
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

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
  return { ...(CHROMIUM_PATH === '' ? {} : { executablePath: CHROMIUM_PATH }), args: [...CHROMIUM_ARGS] };
}
