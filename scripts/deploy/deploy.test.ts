/**
 * `npm run deploy` offline: the dry run lists everything the manifests ask for (read here straight
 * from the files, not through the plan builder), and a real run without credentials refuses.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const read = <T>(...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8')) as T;

const collections = read<{ collections: string[] }>('database', 'collections.json').collections;
const indexes = read<{ indexes: Record<string, Array<{ name: string; keys: string[] }>> }>('database', 'indexes.json').indexes;
const rules = read<{ rules: Record<string, string> }>('database', 'security-rules.json').rules;
const rc = read<{ functions: Array<{ name: string; envVariables?: Record<string, string>; triggers?: Array<{ name: string; type: string; config: string }> }> }>('cloudbaserc.json');

const DEPLOY_ENV = ['CLOUDBASE_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TENCENTCLOUD_SESSIONTOKEN', 'CLOUDPAY_SUB_MCH_ID'];

function deploy(...args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !DEPLOY_ENV.includes(k)));
  const r = spawnSync('npm', ['run', 'deploy', '--silent', '--', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The plan's lines of one kind ("  collection orders" → "orders"). */
function linesOf(stdout: string, kind: string): string[] {
  const prefix = `  ${kind} `;
  return stdout.split('\n').filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
}

describe('npm run deploy -- --dry-run', () => {
  let run: ReturnType<typeof deploy>;
  beforeAll(() => {
    run = deploy('--dry-run');
  });

  it('exits 0 and says it changed nothing', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('dry run: nothing was changed');
  });

  it('lists every collection of collections.json, and no other', () => {
    expect(linesOf(run.stdout, 'collection').sort()).toEqual([...collections].sort());
  });

  it('lists every index of indexes.json with its keys, and no other', () => {
    const expected = Object.entries(indexes).flatMap(([c, specs]) => specs.map((s) => `${c}.${s.name} (${s.keys.join(', ')})`));
    expect(linesOf(run.stdout, 'index').sort()).toEqual(expected.sort());
  });

  it('lists every security rule, and no other', () => {
    expect(linesOf(run.stdout, 'rule').sort()).toEqual(Object.entries(rules).map(([c, mode]) => `${c} ${mode}`).sort());
  });

  it('lists every function of cloudbaserc.json with its bundle and environment variables', () => {
    const listed = linesOf(run.stdout, 'function');
    expect(listed.map((l) => l.split(' ')[0]).sort()).toEqual(rc.functions.map((f) => f.name).sort());
    for (const f of rc.functions) {
      const line = listed.find((l) => l.startsWith(`${f.name} `))!;
      expect(line).toContain(`from dist/cloudfunctions/${f.name}`);
      for (const [k, v] of Object.entries(f.envVariables ?? {})) expect(line).toContain(`${k}=${v}`);
    }
  });

  it('lists every timer trigger, and no other', () => {
    const expected = rc.functions.flatMap((f) => (f.triggers ?? []).map((t) => `${f.name}.${t.name} ${t.type} "${t.config}"`));
    expect(expected.length).toBeGreaterThan(0);
    expect(linesOf(run.stdout, 'trigger').sort()).toEqual(expected.sort());
  });
});

it('a real run without credentials refuses, names what is missing, and changes nothing', () => {
  const run = deploy();
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('CLOUDBASE_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, CLOUDPAY_SUB_MCH_ID');
  expect(run.stderr).toContain('nothing was changed');
  expect(run.stdout).toBe('');
});
