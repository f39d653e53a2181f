#!/usr/bin/env node
// npm test: every check, in order, each timed; stops at the first failing step.
//   1. types (tsc --noEmit, strict: the functions' tree, then the mini-program against shared/contract)
//   2. lint (eslint, errors are errors)
//   3. jest: unit, function + local cloud, emulator conformance (fixed-seed fuzz and faults),
//      and the mini-program's pure modules (miniprogram/jest.config.cjs)
//   4. weapp production build + WeChat's own checks (miniprogram-simulate, miniprogram-ci, sizes)
//   5. h5 production build + browser end-to-end in Chromium (Playwright)
// Ends with one line "tests: N passed, N failed" summing every jest run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Jest's workers host the local clouds of the tests, so they get the local cloud's Node flags
// (emulator/node-flags.json; why: docs/architecture.md "Resources") through NODE_OPTIONS.
const nodeFlags = JSON.parse(readFileSync(join(root, 'emulator', 'node-flags.json'), 'utf8'));
const jestEnv = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, ...nodeFlags].filter(Boolean).join(' ') };
const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0 };
const timings = [];

function run(name, cmd, args, env = {}) {
  if (only.length && !only.includes(name)) return;
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  timings.push(`${name} ${secs}s`);
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${r.status}) after ${secs}s`);
    finish(1);
  }
}

function jest(name, config) {
  if (only.length && !only.includes(name)) return;
  const out = join(mkdtempSync(join(tmpdir(), 'linkshelf-jest-')), 'result.json');
  const args = ['jest', '--ci', '--json', `--outputFile=${out}`];
  if (config) args.push('-c', config);
  const t0 = Date.now();
  console.log(`\n=== ${name}: npx ${args.join(' ')}`);
  const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: jestEnv });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  timings.push(`${name} ${secs}s`);
  if (existsSync(out)) {
    const res = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += res.numPassedTests;
    totals.failed += res.numFailedTests;
    console.log(`${name}: ${res.numPassedTests} passed, ${res.numFailedTests} failed in ${res.numTotalTestSuites} files (${secs}s)`);
  }
  if (r.status !== 0) {
    if (!existsSync(out)) totals.failed += 1;
    console.error(`\n✗ ${name} failed after ${secs}s`);
    finish(1);
  }
}

function finish(code) {
  console.log(`\ntimings: ${timings.join(', ')}`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

run('types', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('types:app', 'npx', ['tsc', '-p', 'miniprogram/tsconfig.json', '--noEmit']);
run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
jest('jest');
jest('miniprogram', 'miniprogram/jest.config.cjs');
if (existsSync(join(root, 'jest.weapp.config.ts'))) {
  run('build:weapp', 'npm', ['run', 'build:weapp', '--silent'], { NODE_ENV: 'production' });
  jest('weapp', 'jest.weapp.config.ts');
}
if (existsSync(join(root, 'jest.e2e.config.ts'))) {
  run('build:h5', 'npm', ['run', 'build:h5', '--silent'], { NODE_ENV: 'production' });
  jest('e2e', 'jest.e2e.config.ts');
}
finish(0);
