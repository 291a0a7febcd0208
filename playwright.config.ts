import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium.ts';

/** End-to-end tests run the production build in a real Chromium (see e2e/support/chromium.ts for which). */
// PW_PORT lets several checkouts run their suites side by side without reusing each other's server.
const port = Number(process.env['PW_PORT'] ?? 4173);
const CHROMIUM = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 720 },
  launchOptions: chromiumLaunchOptions(),
};

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: true,
  ...(process.env['CI'] ? { workers: 2 } : {}),
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 720 },
  },
  projects: [
    { name: 'chromium', testIgnore: /importLarge\.spec\.ts/, use: CHROMIUM },
    {
      // Timing-sensitive tests (the main thread must stay free during a big import) run after the rest, one at a
      // time: on a 2-core machine a parallel test's browser would otherwise steal the CPU they measure.
      name: 'chromium-alone',
      testMatch: /importLarge\.spec\.ts/,
      dependencies: ['chromium'],
      fullyParallel: false,
      use: CHROMIUM,
    },
  ],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
