import type { Config } from 'jest';

// Browser end-to-end tests: Debian's Chromium (playwright-core) against an in-process local cloud
// that serves the BUILT h5 app (miniprogram/dist/h5; `npm test` builds it first). The tests never
// build: they fail with a clear message when the build or Chromium is missing.
// Files run one at a time: each drives a browser, and CI has 2 cores.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': 'babel-jest' },
  testTimeout: 120000,
  maxWorkers: 1,
};

export default config;
