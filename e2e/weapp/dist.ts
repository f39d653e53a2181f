import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** The built weapp (override with LINKSHELF_WEAPP_DIR). Throws a clear message if it is missing. */
export function weappDir(): string {
  const dir = process.env.LINKSHELF_WEAPP_DIR ? resolve(process.env.LINKSHELF_WEAPP_DIR) : join(REPO_ROOT, 'miniprogram', 'dist', 'weapp');
  if (!existsSync(join(dir, 'app.json')) || !existsSync(join(dir, 'app.js'))) {
    throw new Error(
      `No weapp build at ${dir} (app.json/app.js missing). Build it first: NODE_ENV=production npm run build:weapp ` +
        '(npm test does this before the weapp suite). These tests never build by themselves.',
    );
  }
  return dir;
}

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[]; independent?: boolean }>;
  subpackages?: Array<{ root: string; pages: string[]; independent?: boolean }>;
  tabBar?: { list: Array<{ pagePath: string; iconPath?: string; selectedIconPath?: string }> };
}

export function readAppJson(dir: string): AppJson {
  return JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson;
}
