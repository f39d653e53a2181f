/**
 * The weapp build carries none of the h5-only local tooling: no persona switcher, no local-cloud
 * transport (WeChat injects the caller; the x-wx-openid header and /_emulator exist only locally).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { weappDir } from './dist';

const H5_ONLY = ['linkshelf.persona', '/_emulator/', 'x-wx-openid', '/functions/'];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

describe('weapp build: no h5-only code', () => {
  it('has no persona switcher or local-cloud transport in any JS/WXML/JSON file', () => {
    const dist = weappDir();
    const found: string[] = [];
    for (const file of walk(dist).filter((f) => ['.js', '.wxml', '.json', '.wxs'].includes(extname(f)))) {
      const text = readFileSync(file, 'utf8');
      for (const s of H5_ONLY) if (text.includes(s)) found.push(`${relative(dist, file)}: ${s}`);
    }
    expect(found).toEqual([]);
  });
});
