#!/usr/bin/env node
/**
 * WeChat's own upload-time checks, offline (miniprogram-ci 2.x; see /work/shared/toolchain.md).
 *   node e2e/weapp/ci-check.cjs <weapp dist dir>
 * Copies the build into a temp project (with the repo's project.config.json settings), then runs
 *   1. getCompiledResult with minifyJS/minifyWXML/minifyWXSS (the compile DevTools' upload uses),
 *   2. analyseCode: every dependency that did not resolve (page/component/require/wxml) + unreferenced files,
 *   3. checkCodeQuality: every item with its `success`.
 * Prints one line `CI_RESULT <json>` and exits (the CI module keeps the process alive otherwise).
 * Runs in a temp cwd because each compile leaves an empty 32-hex folder behind.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const dist = path.resolve(process.argv[2] || path.join(repoRoot, 'miniprogram', 'dist', 'weapp'));

function emit(result, code) {
  process.stdout.write(`\nCI_RESULT ${JSON.stringify(result)}\n`, () => process.exit(code));
}

async function main() {
  if (!fs.existsSync(path.join(dist, 'app.json'))) {
    return emit({ ok: false, error: `no weapp build at ${dist}: run NODE_ENV=production npm run build:weapp` }, 2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linkshelf-ci-'));
  const projectPath = path.join(tmp, 'project');
  fs.cpSync(dist, projectPath, { recursive: true });
  // The repo's DevTools settings (minified, minifyWXML, minifyWXSS, ...) with the build as root.
  const repoConfig = JSON.parse(fs.readFileSync(path.join(repoRoot, 'project.config.json'), 'utf8'));
  const projectConfig = { ...repoConfig, miniprogramRoot: '' };
  delete projectConfig.cloudfunctionRoot;
  fs.writeFileSync(path.join(projectPath, 'project.config.json'), JSON.stringify(projectConfig, null, 2));
  const keyPath = path.join(tmp, 'private.key');
  fs.writeFileSync(keyPath, 'offline: never used, nothing is uploaded\n');
  process.chdir(tmp);

  const ci = require('miniprogram-ci');
  ci.proxy('http://127.0.0.1:9'); // the one optional network call fails fast
  const project = new ci.Project({
    appid: repoConfig.appid || 'wx0000000000000000',
    type: 'miniProgram',
    projectPath,
    privateKeyPath: keyPath,
    attr: async () => ci.DefaultProjectAttr, // offline: without it the CI asks WeChat (error 20001)
  });
  const result = { ok: true, dist, projectConfigSetting: projectConfig.setting };

  let t0 = Date.now();
  try {
    const files = await ci.getCompiledResult({
      project,
      version: '0.0.0',
      setting: { es6: false, es7: false, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: false },
    });
    const sizes = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.byteLength(v)]));
    result.compile = { ok: true, ms: Date.now() - t0, fileCount: Object.keys(files).length, bytes: Object.values(sizes).reduce((a, b) => a + b, 0) };
  } catch (err) {
    result.ok = false;
    result.compile = { ok: false, ms: Date.now() - t0, code: err && err.code, message: String((err && err.message) || err).slice(0, 2000) };
  }

  t0 = Date.now();
  try {
    const a = await ci.analyseCode(project, { silent: true });
    const unresolved = [];
    const moduleErrors = [];
    for (const m of a.modules) {
      if ((m.errors && m.errors.length) || m.buildError) moduleErrors.push({ id: m.id, errors: m.errors, buildError: m.buildError });
      for (const d of m.deps || []) {
        if (d.error) unresolved.push({ from: m.id, type: d.type, request: d.request, error: d.error });
      }
    }
    const unreferenced = a.files.filter((f) => !f.moduleId).map((f) => f.path);
    const bytesByPackage = {};
    for (const f of a.files) {
      const pkg = f.subPackage || '__APP__';
      bytesByPackage[pkg] = (bytesByPackage[pkg] || 0) + f.size;
    }
    result.analyse = { ok: unresolved.length === 0 && moduleErrors.length === 0, ms: Date.now() - t0, modules: a.modules.length, files: a.files.length, unresolved, moduleErrors, unreferenced, bytesByPackage };
    if (!result.analyse.ok) result.ok = false;
  } catch (err) {
    result.ok = false;
    result.analyse = { ok: false, ms: Date.now() - t0, message: String((err && err.message) || err) };
  }

  t0 = Date.now();
  try {
    const items = await ci.checkCodeQuality(project);
    result.quality = { ms: Date.now() - t0, items: items.map((i) => ({ name: i.name, success: i.success, text: i.text, detail: i.detail })) };
  } catch (err) {
    result.ok = false;
    result.quality = { ms: Date.now() - t0, error: String((err && err.message) || err) };
  }

  try {
    fs.rmSync(tmp, { recursive: true, force: true });
  } catch {
    /* best effort */
  }
  emit(result, 0);
}

main().catch((err) => emit({ ok: false, error: String((err && err.stack) || err) }, 2));
