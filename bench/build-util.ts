/** Builds the mini-program (weapp/h5) for a benchmark when its build is missing or stale. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './lib';

function newest(dir: string): number {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Runs `npm run build:<type>` when BENCH_BUILD=1, when `marker` (a file of the build) is missing,
 * or when miniprogram/src or miniprogram/config changed after it. Returns what was done.
 */
export function ensureBuild(type: 'weapp' | 'h5', marker: string): { built: boolean; ms: number; reason: string } {
  const sources = [join(REPO_ROOT, 'miniprogram', 'src'), join(REPO_ROOT, 'miniprogram', 'config')];
  const reason = process.env.BENCH_BUILD === '1' ? 'BENCH_BUILD=1' : !existsSync(marker) ? 'no build' : sources.some((d) => newest(d) > statSync(marker).mtimeMs) ? 'sources newer than the build' : '';
  if (!reason) return { built: false, ms: 0, reason: 'build is fresh' };
  console.log(`building ${type} (${reason}): npm run build:${type}`);
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', `build:${type}`, '--silent'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' }, timeout: 10 * 60 * 1000 });
  if (r.status !== 0) throw new Error(`npm run build:${type} failed (exit ${r.status})`);
  return { built: true, ms: Date.now() - t0, reason };
}
