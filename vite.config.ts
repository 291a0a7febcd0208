import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The Content-Security-Policy in index.html is for the built app (vite preview, e2e, any static host). The dev
 * server's client and React Refresh run inline scripts, which that policy refuses, so `vite` serves the page
 * without it.
 */
const devServerWithoutCsp: Plugin = {
  name: 'dev-server-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

export default defineConfig({
  plugins: [react(), devServerWithoutCsp],
  worker: { format: 'es' },
  // Source maps only when asked for (SOURCEMAP=1): the served dist stays lean (issue #14).
  build: { target: 'es2022', sourcemap: process.env['SOURCEMAP'] === '1' },
  preview: { port: Number(process.env['PW_PORT'] ?? 4173), strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/support/*.unit.ts'],
    environment: 'node',
  },
});
