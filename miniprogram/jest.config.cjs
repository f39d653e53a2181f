// Unit tests of the app's pure modules (no Taro runtime): `npx jest -c miniprogram/jest.config.cjs`.
// TypeScript through the root (Node-side) babel config; pages and components are checked in
// Chromium instead (docs/miniprogram.md, "Verified").
const path = require('node:path');

module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['babel-jest', { configFile: path.join(__dirname, '..', 'babel.config.js') }] },
};
