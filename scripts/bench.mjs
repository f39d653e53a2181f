#!/usr/bin/env node
// npm run bench [-- name ...]: every benchmark of bench/ in its own Node process (fresh local cloud,
// no state shared between benchmarks), each writing bench/results/<name>.json; then the summary
// table of every budget. Exits 1 when any budget is missed or any benchmark crashed.
//   BENCH_BUILD=1  rebuild the weapp/h5 apps even when their builds look fresh
//   BENCH_QUICK=1  smaller soak (for trying things out; the budgets stay the same)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'bench', 'results');
// Each benchmark hosts its local cloud, so it runs with the local cloud's Node flags
// (emulator/node-flags.json; why: docs/architecture.md "Resources").
const nodeFlags = JSON.parse(readFileSync(join(root, 'emulator', 'node-flags.json'), 'utf8'));

// Order: cheap and foundational first; the soak last.
export const BENCHES = ['bundles', 'round-trips', 'contract-check', 'contention', 'claim-limit', 'ladder', 'checkout', 'dashboard', 'customer-360', 'flash', 'bargain', 'weapp', 'h5-fcp', 'soak'];

const only = process.argv.slice(2);
for (const n of only) {
  if (!BENCHES.includes(n)) {
    console.error(`unknown benchmark ${n}; known: ${BENCHES.join(', ')}`);
    process.exit(2);
  }
}
const names = only.length ? BENCHES.filter((n) => only.includes(n)) : BENCHES;

mkdirSync(resultsDir, { recursive: true });
const t0 = Date.now();
const rows = [];
const crashed = [];
for (const name of names) {
  console.log(`\n=== bench ${name}`);
  const file = join(resultsDir, `${name}.json`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [...nodeFlags, '--no-warnings', '--import', 'tsx', join(root, 'bench', 'run-one.ts'), name], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
    timeout: 15 * 60 * 1000,
  });
  let result;
  try {
    result = JSON.parse(readFileSync(file, 'utf8'));
    if (Date.parse(result.startedAt) < started - 1000) result = undefined; // stale file from an earlier run
  } catch {
    result = undefined;
  }
  if (!result || r.status === 2 || r.status === null) crashed.push(name);
  if (!result) {
    rows.push({ bench: name, metric: 'benchmark ran to the end', value: 'crashed', budget: '', pass: false });
    continue;
  }
  for (const b of result.budgets) {
    rows.push({
      bench: name,
      metric: b.metric,
      value: b.value === null ? 'n/a' : `${b.value}${b.unit ? ' ' + b.unit : ''}`,
      budget: `${b.op} ${b.limit}${b.unit ? ' ' + b.unit : ''}`,
      pass: b.pass,
    });
  }
}

const failed = rows.filter((r) => !r.pass);
const table = [
  '| bench | metric | measured | budget | result |',
  '|---|---|---:|---:|---|',
  ...rows.map((r) => `| ${r.bench} | ${r.metric} | ${r.value} | ${r.budget} | ${r.pass ? 'pass' : '**FAIL**'} |`),
].join('\n');
console.log(`\n=== bench summary (${((Date.now() - t0) / 1000).toFixed(0)} s, ${new Date().toISOString()})\n`);
console.log(table);
console.log(`\n${rows.length - failed.length}/${rows.length} budgets met${crashed.length ? `; crashed: ${crashed.join(', ')}` : ''}`);
if (!only.length || existsSync(join(resultsDir, 'summary.json'))) {
  writeFileSync(join(resultsDir, 'summary.json'), JSON.stringify({ at: new Date().toISOString(), benches: names, rows }, null, 2) + '\n');
}
process.exit(failed.length || crashed.length ? 1 : 0);
