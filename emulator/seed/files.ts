/**
 * The seed's images live in cloud storage, as a production shop's do: seeded documents name them
 * by file id (`cloud://local.<bucket>/<path>`), and `LocalCloud.seed()` uploads every file a seeded
 * document names from emulator/assets/<path>. Functions answer them as temporary URLs.
 */
import { LOCAL_ENV_ID } from '../runtime-env';
import { LOCAL_BUCKET } from '../storage/bucket';

/** The file id of a seeded file, e.g. `seedFileId('products/p01.svg')`. */
export function seedFileId(path: string): string {
  return `cloud://${LOCAL_ENV_ID}.${LOCAL_BUCKET}/${path}`;
}

/** The paths of the seeded files that `docs` name (deep), once each. */
export function seedFilePaths(docs: unknown): string[] {
  const prefix = seedFileId('');
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string' && v.startsWith(prefix)) out.add(v.slice(prefix.length));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object' && !(v instanceof Date)) Object.values(v).forEach(walk);
  };
  walk(docs);
  return [...out].sort();
}
