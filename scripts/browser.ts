// Shared by the screenshot and timing scripts: serve the built app with `vite preview`, and launch Chromium as the e2e tests do.
import { spawn } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';

/** The same binary and flags as playwright.config.ts. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

export interface Preview {
  readonly url: string;
  stop(): void;
}

/**
 * Starts `vite preview` on `port` (the build must exist) and resolves once it answers. `outDir` serves another build
 * than ./dist (e.g. main's, for a before/after in the same minutes).
 */
export async function startPreview(port: number, outDir?: string): Promise<Preview> {
  const args = ['vite', 'preview', '--port', String(port), '--strictPort'];
  const server = spawn('npx', outDir === undefined ? args : [...args, '--outDir', outDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    // Its own process group, so stopping it also stops the node process npx starts.
    detached: true,
  });
  const url = `http://localhost:${port}`;
  const stop = () => {
    try {
      if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone (it exits at once when its port is taken).
    }
  };
  try {
    await waitForServer(url, 30_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}
