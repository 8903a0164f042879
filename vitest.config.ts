import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests' Vite servers and builds keep their pre-bundled dependencies apart from the running
// dev server's (npm start): its pane would otherwise ask for files a test has just replaced.
const env = { ADDIN_VITE_CACHE_DIR: fileURLToPath(new URL('./addin/node_modules/.vite-test', import.meta.url)) };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['test/shared/**/*.test.ts'], environment: 'node', env } },
      {
        test: {
          name: 'functions',
          include: ['test/functions/**/*.test.ts'],
          environment: 'node',
          env,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'addin',
          include: ['test/addin/**/*.test.ts', 'test/addin/**/*.test.tsx'],
          environment: 'node',
          env,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], environment: 'node', env, testTimeout: 60_000 },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          env,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
