#!/usr/bin/env node
// Bundles each CloudBase function (cloudfunctions/<name>/index.ts) with esbuild into
// dist/cloudfunctions/<name>/index.js — one minified CommonJS file with its dependencies, plus a
// package.json — ready for `tcb fn deploy` (cloudbaserc.json: installDependency false).
// Prints each bundle's size. Used by the bench (size and cold-require budgets).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'cloudfunctions');
const out = join(root, 'dist', 'cloudfunctions');

export function functionNames() {
  return readdirSync(src)
    .filter((n) => !n.startsWith('_') && !n.startsWith('.') && existsSync(join(src, n, 'index.ts')))
    .sort();
}

export async function buildFunctions({ quiet = false } = {}) {
  rmSync(out, { recursive: true, force: true });
  const sizes = {};
  for (const name of functionNames()) {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(src, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      legalComments: 'none',
      logLevel: 'error',
    });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true }, null, 2));
    sizes[name] = statSync(join(dir, 'index.js')).size;
    if (!quiet) console.log(`${name.padEnd(12)} ${(sizes[name] / 1024).toFixed(1).padStart(8)} KB`);
  }
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildFunctions().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
