import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // Source maps only when asked for (SOURCEMAP=1): the served dist stays lean (issue #14).
  build: { target: 'es2022', sourcemap: process.env['SOURCEMAP'] === '1' },
  preview: { port: Number(process.env['PW_PORT'] ?? 4173), strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/support/*.unit.ts'],
    environment: 'node',
  },
});
