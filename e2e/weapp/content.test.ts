/**
 * The weapp build carries none of the h5-only local tooling: no persona switcher, no local-cloud
 * transport (WeChat injects the caller; the x-wx-openid header and /_emulator exist only locally).
 */
import { readFileSync } from 'node:fs';
import { extname, relative } from 'node:path';
import { weappDir } from './dist';
import { walk } from './files';

const H5_ONLY = ['linkshelf.persona', '/_emulator/', 'x-wx-openid', '/functions/'];


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
