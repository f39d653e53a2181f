/**
 * Benchmark 4: weapp package sizes from miniprogram/dist/weapp (built with `npm run build:weapp`
 * when missing or stale). Only files WeChat uploads are counted (miniprogram-ci's extension
 * whitelist), per package as listed in app.json's subPackages.
 * Budgets: main package ≤ 1.5 MB (issue 5; WeChat's advisory limit), every subpackage ≤ 2 MB
 * (WeChat's hard limit), total ≤ 1 MB (proposed: ~2× today's, so growth is a decision).
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { ensureBuild } from './build-util';
import { budget, REPO_ROOT, round, type Budget } from './lib';
import type { Bench } from './run-one';
import { UPLOADED, walk } from '../e2e/weapp/files';

const KB = 1024;
const MAIN_BUDGET_KB = 1.5 * 1024;
const PACKAGE_LIMIT_KB = 2 * 1024;
const TOTAL_BUDGET_KB = 1024;


export const bench: Bench = {
  title: 'weapp package sizes',
  async run() {
    const dist = join(REPO_ROOT, 'miniprogram', 'dist', 'weapp');
    const build = ensureBuild('weapp', join(dist, 'app.json'));
    const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
    const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
    const pkgs: Record<string, { uploadedKB: number; files: number; biggest: Array<[string, number]> }> = { main: { uploadedKB: 0, files: 0, biggest: [] } };
    for (const r of roots) pkgs[r] = { uploadedKB: 0, files: 0, biggest: [] };
    for (const file of walk(dist)) {
      if (!UPLOADED.has(extname(file).toLowerCase())) continue;
      const rel = relative(dist, file).split('\\').join('/');
      const p = pkgs[roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main'];
      const size = statSync(file).size;
      p.uploadedKB += size / KB;
      p.files++;
      p.biggest.push([rel, round(size / KB)]);
    }
    for (const p of Object.values(pkgs)) {
      p.uploadedKB = round(p.uploadedKB);
      p.biggest = p.biggest.sort((a, b) => b[1] - a[1]).slice(0, 5);
    }
    const total = round(Object.values(pkgs).reduce((s, p) => s + p.uploadedKB, 0));
    console.log('package         KB uploaded  files  biggest files');
    for (const [name, p] of Object.entries(pkgs)) console.log(`${name.padEnd(14)} ${String(p.uploadedKB).padStart(11)} ${String(p.files).padStart(6)}  ${p.biggest.slice(0, 3).map(([f, s]) => `${f} ${s}`).join(', ')}`);
    console.log(`${'total'.padEnd(14)} ${String(total).padStart(11)}`);

    const budgets: Budget[] = [budget('weapp main package', pkgs.main.uploadedKB, '<=', MAIN_BUDGET_KB, 'KB')];
    const biggestSub = roots.length ? roots.reduce((a, b) => (pkgs[a].uploadedKB >= pkgs[b].uploadedKB ? a : b)) : undefined;
    if (biggestSub) budgets.push(budget(`weapp largest subpackage (${biggestSub})`, pkgs[biggestSub].uploadedKB, '<=', PACKAGE_LIMIT_KB, 'KB'));
    budgets.push(budget('weapp total (all packages)', total, '<=', TOTAL_BUDGET_KB, 'KB'));
    return { figures: { build, packages: pkgs, totalKB: total }, budgets };
  },
};
