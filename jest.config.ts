import type { Config } from 'jest';

// Unit tests (*.test.ts), function + local cloud tests (*.int.test.ts) and the emulator's
// conformance suite (*.contract.ts) all run here. Each test file starts its own in-memory
// local cloud on a free port, so files run in parallel without sharing state.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/shared', '<rootDir>/cloudfunctions', '<rootDir>/emulator', '<rootDir>/tests', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts', '**/*.contract.ts'],
  transform: { '^.+\\.[tj]sx?$': 'babel-jest' },
  testTimeout: 60000,
  maxWorkers: 2,
};

export default config;
