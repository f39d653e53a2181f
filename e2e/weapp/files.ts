/**
 * Files of the weapp build, shared by the weapp tests and the bench's size benchmark.
 * UPLOADED is WeChat's upload whitelist (miniprogram-ci dist/utils/white_ext_list.js, used offline
 * when WeChat's own list can't be fetched): only these files count toward package sizes.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const UPLOADED = new Set(['.wxml', '.wxss', '.wxs', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.js', '.json', '.cer', '.mp3', '.aac', '.m4a', '.mp4', '.wav', '.ogg', '.silk', '.wasm', '.br', '.cur', '.ico', '.skel', '.crt', '.cert']);

/** Every file below `dir`, recursively. */
export function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
