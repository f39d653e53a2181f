#!/usr/bin/env node
// npm start: build the h5 app when its sources are newer than the build, then run the local
// cloud (emulator/main.ts) which serves it. Set SKIP_BUILD=1 to serve whatever is built.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'miniprogram', 'dist', 'h5', 'index.html');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = [join(root, 'miniprogram', 'src'), join(root, 'miniprogram', 'config')];
const stale = !existsSync(built) || sources.some((d) => existsSync(d) && newest(d) > statSync(built).mtimeMs);
if (stale && !process.env.SKIP_BUILD) {
  console.log('Building the h5 app (miniprogram/dist/h5)...');
  const r = spawnSync('npm', ['run', 'build:h5', '--silent'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The local cloud's Node flags (emulator/node-flags.json; why: docs/architecture.md "Resources").
const nodeFlags = JSON.parse(readFileSync(join(root, 'emulator', 'node-flags.json'), 'utf8'));
const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', join(root, 'emulator', 'main.ts')], { cwd: root, stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
