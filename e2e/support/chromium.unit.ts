// Which Chromium `npm test` picks (#17): CHROMIUM_PATH, else the system's, else Playwright's own (installed once).
import { describe, expect, it } from 'vitest';
import { pickChromium, type ChromiumWorld } from './chromium.ts';

const OWN = '/home/me/.cache/ms-playwright/chromium-1234/chrome-linux/chrome';

function world(env: Record<string, string | undefined>, files: readonly string[]): ChromiumWorld {
  return { env, exists: (path) => files.includes(path), playwrightPath: () => OWN };
}

describe('pickChromium', () => {
  it('uses CHROMIUM_PATH when it is set', () => {
    expect(
      pickChromium(world({ CHROMIUM_PATH: '/opt/c/chrome' }, ['/opt/c/chrome', '/usr/bin/chromium'])),
    ).toEqual({
      kind: 'env',
      path: '/opt/c/chrome',
    });
  });

  it('says so when CHROMIUM_PATH names no file', () => {
    expect(() => pickChromium(world({ CHROMIUM_PATH: '/nope' }, []))).toThrow('CHROMIUM_PATH is /nope');
  });

  it("else the system's Chromium (Debian, Ubuntu's chromium-browser, macOS)", () => {
    expect(pickChromium(world({}, ['/usr/bin/chromium'])).path).toBe('/usr/bin/chromium');
    expect(pickChromium(world({}, ['/usr/bin/chromium-browser'])).kind).toBe('system');
    expect(pickChromium(world({}, ['/Applications/Chromium.app/Contents/MacOS/Chromium'])).kind).toBe(
      'system',
    );
  });

  it("else Playwright's own, to be installed when it is not there yet", () => {
    expect(pickChromium(world({}, []))).toEqual({ kind: 'playwright', path: OWN, install: true });
    expect(pickChromium(world({}, [OWN]))).toEqual({ kind: 'playwright', path: OWN, install: false });
  });

  it('CHROMIUM_PATH="" asks for Playwright\'s own even when a system Chromium exists', () => {
    expect(pickChromium(world({ CHROMIUM_PATH: '' }, ['/usr/bin/chromium'])).kind).toBe('playwright');
  });
});
