/**
 * The weapp build validated the way WeChat's own tools do at upload, offline (miniprogram-ci):
 * strict compile (minify JS/WXML/WXSS), analyseCode with nothing unresolved, checkCodeQuality.
 * The CI module keeps its process alive, so it runs in a child script that prints JSON and exits.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { weappDir } from './dist';

interface CiResult {
  ok: boolean;
  error?: string;
  compile?: { ok: boolean; ms: number; fileCount?: number; bytes?: number; code?: unknown; message?: string };
  analyse?: {
    ok: boolean;
    ms: number;
    unresolved: Array<{ from: string; type: string; request: string; error: string }>;
    moduleErrors: unknown[];
    unreferenced: string[];
    bytesByPackage: Record<string, number>;
    message?: string;
  };
  quality?: { ms: number; items?: Array<{ name: string; success: boolean; text: string; detail?: unknown }>; error?: string };
}

/** checkCodeQuality items that are advice, not upload blockers; reported but not failed on. */
const ADVISORY = new Set(['LAZYCODE_LOADING_OPEN']);

function runCiCheck(dist: string): Promise<CiResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(__dirname, 'ci-check.cjs'), dist], { timeout: 240_000, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      const line = stdout.split('\n').find((l) => l.startsWith('CI_RESULT '));
      if (!line) return reject(new Error(`ci-check printed no result (${err?.message ?? 'exit 0'}):\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      resolve(JSON.parse(line.slice('CI_RESULT '.length)) as CiResult);
    });
  });
}

describe('weapp build: WeChat CI validation offline (miniprogram-ci)', () => {
  const dist = weappDir();
  let r: CiResult;

  beforeAll(async () => {
    r = await runCiCheck(dist);
  }, 240_000);

  it('compiles as the upload does, with minifyJS/minifyWXML/minifyWXSS on', () => {
    expect(r.error).toBeUndefined();
    expect(r.compile).toMatchObject({ ok: true });
    console.log(`miniprogram-ci compile: ${r.compile!.fileCount} files, ${r.compile!.bytes} bytes out, ${r.compile!.ms} ms`);
  });

  it('analyseCode: no unresolved page, component, require or template; no module errors', () => {
    expect(r.analyse?.message).toBeUndefined();
    expect(r.analyse!.unresolved).toEqual([]);
    expect(r.analyse!.moduleErrors).toEqual([]);
    if (r.analyse!.unreferenced.length) console.log(`analyseCode: files no code references (tabBar icons are among them; only unused code files are dropped at upload by ignoreUploadUnusedFiles): ${r.analyse!.unreferenced.join(', ')}`);
  });

  it('checkCodeQuality: every item succeeds (advisory items reported)', () => {
    expect(r.quality?.error).toBeUndefined();
    const items = r.quality!.items!;
    expect(items.length).toBeGreaterThan(5);
    const failed = items.filter((i) => !i.success && !ADVISORY.has(i.name)).map((i) => `${i.name}: ${i.text} ${JSON.stringify(i.detail ?? '')}`);
    const advice = items.filter((i) => !i.success && ADVISORY.has(i.name)).map((i) => i.name);
    console.log(`checkCodeQuality: ${items.filter((i) => i.success).length}/${items.length} ok${advice.length ? `; advisory not met: ${advice.join(', ')}` : ''}`);
    expect(failed).toEqual([]);
  });
});
