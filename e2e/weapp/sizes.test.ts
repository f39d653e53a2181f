/**
 * Package sizes of the weapp build, computed from the files (miniprogram-ci does not enforce the
 * hard limit; WeChat's server does at upload): main package ≤ 1.5 MB (our budget, WeChat's
 * advice), every package < 2 MB (WeChat's hard limit). Only files WeChat uploads are counted
 * (its extension whitelist: miniprogram-ci's MiniProgramWhiteList); all bytes are printed too.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { readAppJson, weappDir } from './dist';
import { UPLOADED, walk } from './files';

const MB = 1024 * 1024;
const MAIN_NON_TAB_ALLOWED = new Set(['pages/landing/index']);
const MAIN_BUDGET = 1.5 * MB;
const PACKAGE_LIMIT = 2 * MB;


const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('weapp build: package sizes', () => {
  const dist = weappDir();
  const app = readAppJson(dist);
  const subs = app.subPackages ?? app.subpackages ?? [];
  const packages: Record<string, { uploaded: number; all: number; files: number }> = { main: { uploaded: 0, all: 0, files: 0 } };
  for (const s of subs) packages[s.root.replace(/\/$/, '')] = { uploaded: 0, all: 0, files: 0 };
  for (const file of walk(dist)) {
    const rel = relative(dist, file).split('\\').join('/');
    const root = subs.map((s) => s.root.replace(/\/$/, '')).find((r) => rel.startsWith(`${r}/`));
    const pkg = packages[root ?? 'main'];
    const size = statSync(file).size;
    pkg.all += size;
    pkg.files += 1;
    if (UPLOADED.has(extname(file).toLowerCase())) pkg.uploaded += size;
  }
  const total = Object.values(packages).reduce((a, p) => a + p.uploaded, 0);

  it('prints main, each subpackage and the total; every page is counted in the package app.json puts it in, every uploaded byte once', () => {
    const lines = Object.entries(packages).map(([name, p]) => `  ${name.padEnd(14)} ${kb(p.uploaded).padStart(10)} uploaded (${p.files} files, ${kb(p.all)} on disk)`);
    console.log(`weapp package sizes (${dist}):\n${lines.join('\n')}\n  ${'total'.padEnd(14)} ${kb(total).padStart(10)}`);
    // Every page's script, template and config exist, so its package's count includes them.
    const pagesByPackage: Array<[string, string[]]> = [['main', app.pages], ...subs.map((sp): [string, string[]] => [sp.root.replace(/\/$/, ''), sp.pages.map((p) => `${sp.root.replace(/\/$/, '')}/${p}`)])];
    for (const [name, pages] of pagesByPackage) {
      const pageBytes = pages.flatMap((p) => ['.js', '.json', '.wxml'].map((ext) => statSync(join(dist, `${p}${ext}`)).size)).reduce((a, b) => a + b, 0);
      expect([name, packages[name].uploaded >= pageBytes && pageBytes > 0]).toEqual([name, true]);
    }
    // An independent count (Node's recursive listing) finds the same files and uploaded bytes.
    const listed = (readdirSync(dist, { recursive: true }) as string[]).map((f) => join(dist, f)).filter((f) => statSync(f).isFile());
    const uploadedBytes = listed.filter((f) => UPLOADED.has(extname(f).toLowerCase())).reduce((a, f) => a + statSync(f).size, 0);
    expect(Object.values(packages).reduce((a, p) => a + p.files, 0)).toBe(listed.length);
    expect(total).toBe(uploadedBytes);
  });

  it('keeps tab pages in the main package and every other page in a subpackage', () => {
    const tabPages = (app.tabBar?.list ?? []).map((t) => t.pagePath);
    for (const t of tabPages) expect(app.pages).toContain(t);
    // Besides the tabs, only the share landing page (entry of every card/QR, docs/miniprogram.md).
    const extra = app.pages.filter((p) => !tabPages.includes(p));
    expect(extra.filter((p) => !MAIN_NON_TAB_ALLOWED.has(p))).toEqual([]);
    for (const s of subs) expect(s.pages.length).toBeGreaterThan(0);
  });

  it('main package ≤ 1.5 MB', () => {
    expect(packages.main.uploaded).toBeLessThanOrEqual(MAIN_BUDGET);
  });

  it('every package < 2 MB', () => {
    for (const [name, p] of Object.entries(packages)) {
      expect({ name, bytes: p.uploaded, underLimit: p.uploaded < PACKAGE_LIMIT }).toEqual({ name, bytes: p.uploaded, underLimit: true });
    }
  });
});
