import type { Config } from 'jest';

// WeChat-side checks of the BUILT weapp (miniprogram/dist/weapp; `npm test` builds it first with
// NODE_ENV=production): miniprogram-simulate renders the shelf page with WeChat's official
// compiler against a real local cloud, miniprogram-ci validates the build offline, and the
// package sizes are checked against WeChat's limits. The tests never build: they fail with a
// clear message when the build is missing. LINKSHELF_WEAPP_DIR points them at another build.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e/weapp'],
  testMatch: ['**/*.test.ts'],
  // Only our TypeScript is transformed; the built mini-program JS is required as WeChat runs it.
  transform: { '^.+\\.ts$': 'babel-jest' },
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 120000,
  maxWorkers: 2,
};

export default config;
