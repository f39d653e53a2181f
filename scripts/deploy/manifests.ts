/**
 * Reads the repo's manifests — the one place that does — and builds the deploy plan from them.
 * Used by `npm run deploy` and by the local cloud (emulator/cloud.ts), so both provision the same
 * collections, indexes and rules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlan, type DeployPlan, type Manifests } from './plan';

function readJson<T>(root: string, ...path: string[]): T {
  return JSON.parse(readFileSync(join(root, ...path), 'utf8')) as T;
}

/** Function folders: cloudfunctions/<name>/index.ts, without the shared `_` folders. */
function functionSources(root: string): string[] {
  const dir = join(root, 'cloudfunctions');
  return readdirSync(dir)
    .filter((n) => !n.startsWith('_') && !n.startsWith('.') && existsSync(join(dir, n, 'index.ts')))
    .sort();
}

export function readManifests(root: string): Manifests {
  return {
    collections: readJson(root, 'database', 'collections.json'),
    indexes: readJson(root, 'database', 'indexes.json'),
    rules: readJson(root, 'database', 'security-rules.json'),
    rc: readJson(root, 'cloudbaserc.json'),
    functionSources: functionSources(root),
  };
}

export function loadPlan(root: string): DeployPlan {
  return buildPlan(readManifests(root));
}
