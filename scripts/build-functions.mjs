#!/usr/bin/env node
// Bundles each CloudBase function (cloudfunctions/<name>/index.ts) with esbuild into
// dist/cloudfunctions/<name>/index.js — one minified CommonJS file with its dependencies, plus a
// package.json — ready for `tcb fn deploy` (cloudbaserc.json: installDependency false).
// Prints each bundle's size. Used by the bench (size and cold-require budgets: bench/bundles.ts).
//
// Slimming (docs/bench.md, "Function bundles"): code LinkShelf never reaches is left out, safely:
//  - zod's locales index → English only (zod registers `en` itself; nothing calls z.locales.*);
//  - @cloudbase/node-sdk parts behind APIs LinkShelf never calls are replaced by stubs that throw a
//    clear error if ever reached: `app.ai()` (@cloudbase/ai, @cloudbase/app, adapter-wx_mp,
//    web-streams-polyfill), `app.models`/`app.rdb` (@cloudbase/wx-cloud-client-sdk; the SDK's init
//    already ignores a throw there), cloud-storage XML replies (xml2js: uploadFile/downloadFile);
//  - jsonwebtoken (and its semver): node-sdk signs only custom-login tickets with it
//    (`app.auth().createTicket()`), which LinkShelf never calls → a stub that throws;
//  - mime-db (form-data's MIME table, used only for multipart file uploads) → a few common types;
//  - iconv-lite under urllib (wechat-api's HTTP client; 478 KB of code-page tables) → Node's own
//    TextDecoder: urllib needs it only for a reply whose charset Buffer cannot decode, and WeChat
//    replies in UTF-8; an encoding Node's ICU lacks throws a clear error. `alerts` also imports
//    wechat-api's base client and three API groups, not its index (_platform/official-account.ts);
//  - shared/contract files are side-effect free: a function carries only the contracts its code
//    uses, not all of them through the index (each built its zod schemas on every cold start).
// The bench proves the bundles still work: it runs real calls through them on the local cloud.
//   LINKSHELF_BUNDLE_FULL=1  bundle without slimming (for comparison)
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

const unavailable = (what) =>
  `function unavailable(){throw new Error(${JSON.stringify(`${what} is not included in LinkShelf's function bundles (scripts/build-functions.mjs)`)})}`;

/** Modules replaced by stubs: [esbuild onResolve filter, importer test, stub source]. */
const STUBS = [
  {
    name: 'node-sdk-ai',
    filter: /^\.\/ai$/,
    importer: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]cloudbase\.js$/,
    contents: `${unavailable('app.ai()')}\nexports.createAI = unavailable;`,
  },
  {
    name: 'wx-cloud-client-sdk',
    filter: /^@cloudbase\/wx-cloud-client-sdk$/,
    importer: /[\\/]@cloudbase[\\/]/,
    contents: `${unavailable('app.models / app.rdb (@cloudbase/wx-cloud-client-sdk)')}\nmodule.exports = { generateHTTPClient: unavailable, generateMySQLClient: unavailable };`,
  },
  {
    name: 'xml2js',
    filter: /^xml2js$/,
    importer: /[\\/]@cloudbase[\\/]node-sdk[\\/]/,
    contents: `${unavailable('cloud storage XML parsing (xml2js)')}\nexports.parseString = function (_s, cb) { try { unavailable(); } catch (e) { cb(e); } };`,
  },
  {
    name: 'jsonwebtoken',
    filter: /^jsonwebtoken$/,
    importer: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]auth[\\/]/,
    contents: `${unavailable('app.auth().createTicket() (jsonwebtoken)')}\nmodule.exports = { sign: unavailable, verify: unavailable, decode: unavailable };`,
  },
  {
    name: 'iconv-lite',
    filter: /^iconv-lite$/,
    importer: /[\\/]urllib[\\/]/,
    contents: [
      'exports.decode = function (buf, charset) {',
      '  var decoder;',
      '  try { decoder = new TextDecoder(charset); } catch (e) {',
      `    throw new Error('charset ' + charset + ' is not decodable in LinkShelf\\'s function bundles (iconv-lite is replaced by TextDecoder: scripts/build-functions.mjs)');`,
      '  }',
      '  return decoder.decode(buf);',
      '};',
    ].join('\n'),
  },
  {
    name: 'mime-db',
    filter: /^mime-db$/,
    importer: /[\\/]mime-types[\\/]/,
    contents: `module.exports = ${JSON.stringify({
      'application/json': { extensions: ['json'], compressible: true, charset: 'UTF-8' },
      'application/octet-stream': { extensions: ['bin'] },
      'image/png': { extensions: ['png'] },
      'image/jpeg': { extensions: ['jpeg', 'jpg'] },
      'image/svg+xml': { extensions: ['svg'], compressible: true },
      'text/plain': { extensions: ['txt'], compressible: true },
    })};`,
  },
];

/** esbuild plugin: the slimming above. */
export const slimPlugin = {
  name: 'linkshelf-slim',
  setup(b) {
    for (const stub of STUBS) {
      b.onResolve({ filter: stub.filter }, (args) =>
        stub.importer.test(args.importer) ? { path: stub.name, namespace: 'linkshelf-stub' } : undefined,
      );
    }
    b.onLoad({ filter: /.*/, namespace: 'linkshelf-stub' }, (args) => ({
      contents: STUBS.find((s) => s.name === args.path).contents,
      loader: 'js',
    }));
    // shared/contract: every function imports its contract through the index, which imports all of
    // them; contract files only declare schemas, so an unused one is left out (esbuild cannot
    // tell that zod's schema builders are pure).
    b.onResolve({ filter: /^\.{1,2}\// }, async (args) => {
      if (args.pluginData === 'contract' || !/contract|[\\/]shared[\\/]contract[\\/]/.test(args.path + args.importer)) return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'contract' });
      return /[\\/]shared[\\/]contract[\\/][^\\/]+\.ts$/.test(r.path) ? { ...r, sideEffects: false } : r;
    });
    // zod: `export * as locales from "../locales/index.js"` → only English.
    b.onResolve({ filter: /[\\/]locales[\\/]index\.js$|^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

export async function buildFunctions({ quiet = false, full = process.env.LINKSHELF_BUNDLE_FULL === '1', metafile = false } = {}) {
  rmSync(out, { recursive: true, force: true });
  const sizes = {};
  const metas = {};
  for (const name of functionNames()) {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    const r = await build({
      entryPoints: [join(src, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      legalComments: 'none',
      logLevel: 'error',
      metafile,
      plugins: full ? [] : [slimPlugin],
    });
    if (metafile) metas[name] = r.metafile;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true }, null, 2));
    sizes[name] = statSync(join(dir, 'index.js')).size;
    if (!quiet) console.log(`${name.padEnd(12)} ${(sizes[name] / 1024).toFixed(1).padStart(8)} KB`);
  }
  return metafile ? { sizes, metas } : sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildFunctions().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
