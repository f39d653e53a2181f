/**
 * The pages of the released app, for `wxacode.getUnlimited`'s `check_path` (WeChat checks the
 * page against the published version). Read from miniprogram/src/app.config.ts — the same file
 * Taro turns into app.json — with `defineAppConfig` standing in as the identity.
 */
import { join } from 'node:path';

interface AppConfig {
  pages?: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
}

let cached: string[] | undefined;

export function appPages(repoRoot: string): string[] {
  if (cached) return cached;
  const g = globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig };
  const previous = g.defineAppConfig;
  g.defineAppConfig = (c) => c;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = (require(join(repoRoot, 'miniprogram', 'src', 'app.config.ts')) as { default: AppConfig }).default;
    const sub = (config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`));
    cached = [...(config.pages ?? []), ...sub];
  } finally {
    g.defineAppConfig = previous;
  }
  return cached;
}
