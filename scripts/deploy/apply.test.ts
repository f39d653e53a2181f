/**
 * The real deploy path — applyPlan through @cloudbase/manager-node, unchanged — against a local
 * stand-in of the Tencent Cloud API (tests/support/cloudbase-api-stand-in.ts). No real CloudBase
 * environment is reachable from here: this checks the calls and their parameters, and that a
 * second deploy changes nothing it need not; it cannot check how the real service answers.
 * Two functions only (order: env variables; sweep: the timer), because the manager polls each
 * function's state once a second.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import CloudBase from '@cloudbase/manager-node';
import { CloudBaseApiStandIn } from '../../tests/support/cloudbase-api-stand-in';
import { applyPlan } from './apply';
import { loadPlan } from './manifests';
import { resolvePlan, type DeployPlan } from './plan';

const ROOT = join(__dirname, '..', '..');
const ENV_ID = 'linkshelf-prod-7g2k';

function plan(): DeployPlan {
  const full = loadPlan(ROOT);
  const two = { ...full, functions: full.functions.filter((f) => f.name === 'order' || f.name === 'sweep') };
  const r = resolvePlan(two, { CLOUDBASE_ENV_ID: ENV_ID, CLOUDPAY_SUB_MCH_ID: '1900000109' });
  if (!('plan' in r)) throw new Error(`unresolved: ${r.missing.join(', ')}`);
  return r.plan;
}

/** A repo-shaped folder with a bundle per planned function (the zip's content). */
function bundles(p: DeployPlan): string {
  const root = mkdtempSync(join(tmpdir(), 'deploy-'));
  for (const f of p.functions) {
    mkdirSync(join(root, f.bundleDir), { recursive: true });
    writeFileSync(join(root, f.bundleDir, 'index.js'), `exports.main = async () => ({ ok: true, data: ${JSON.stringify(f.name)} });\n`);
    writeFileSync(join(root, f.bundleDir, 'package.json'), JSON.stringify({ name: f.name, main: 'index.js' }));
  }
  return root;
}

let api: CloudBaseApiStandIn;
let unroute: () => void;
let manager: CloudBase;
const log: string[] = [];

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined); // the manager narrates each upload
  api = new CloudBaseApiStandIn(ENV_ID);
  await api.start();
  unroute = api.routeHttpsToStandIn();
  manager = new CloudBase({ envId: ENV_ID, secretId: 'AKIDdeployer', secretKey: 'deployer-secret', token: 'deployer-session' });
});
afterAll(async () => {
  unroute();
  await api.stop();
});

it('a first deploy creates every collection, index, rule, function (with its variables and code) and trigger', async () => {
  const p = plan();
  await applyPlan(p, manager, { root: bundles(p), log: (l) => log.push(l) });

  expect([...api.tables.keys()].sort()).toEqual([...p.collections].sort());
  for (const c of p.collections) {
    const expected = p.indexes.filter((i) => i.collection === c).map((i) => [i.name, i.keys]);
    expect([...api.tables.get(c)!].filter(([n]) => n !== '_id_')).toEqual(expected);
  }
  expect(Object.fromEntries(api.acl)).toEqual(Object.fromEntries(p.rules.map((r) => [r.collection, r.aclTag])));

  expect([...api.functions.keys()].sort()).toEqual(['order', 'sweep']);
  const order = api.functions.get('order')!;
  expect(order.config).toMatchObject({ Runtime: 'Nodejs18.15', MemorySize: 256, Timeout: 15, Handler: 'index.main', InstallDependency: 'FALSE' });
  expect(order.config.Environment).toEqual({ Variables: [{ Key: 'CLOUDPAY_SUB_MCH_ID', Value: '1900000109' }] });
  expect(order.zip.subarray(0, 2).toString()).toBe('PK');
  expect(order.zip.includes('index.js')).toBe(true);
  expect(Object.fromEntries(api.functions.get('sweep')!.triggers)).toEqual({ 'sweep-every-minute': '0 */1 * * * * *' });

  // Every call is signed with the deploying keys and carries their session token.
  expect(api.calls.every((c) => c.authorization.includes('Credential=AKIDdeployer/') && c.token === 'deployer-session')).toBe(true);
});

it('a second deploy creates nothing again: it updates the functions code and configuration only', async () => {
  const p = plan();
  api.calls.length = 0;
  await applyPlan(p, manager, { root: bundles(p), log: (l) => log.push(l) });
  const actions = api.actions();
  for (const creating of ['CreateTable', 'UpdateTable', 'BatchCreateTrigger', 'DeleteTrigger']) expect(actions).not.toContain(creating);
  expect(actions.filter((a) => a === 'UpdateFunctionCode')).toHaveLength(2);
  expect(actions.filter((a) => a === 'ModifyDatabaseACL')).toHaveLength(p.rules.length);
});

it('an index whose keys changed is recreated, and a trigger whose cron changed is replaced', async () => {
  const p = plan();
  const changed: DeployPlan = {
    ...p,
    functions: p.functions.filter((f) => f.name === 'sweep'),
    indexes: p.indexes.map((i) => (i.collection === 'orders' && i.name === 'buyer_created' ? { ...i, keys: ['buyerOpenid', 'status'] } : i)),
    triggers: p.triggers.map((t) => ({ ...t, config: '0 */5 * * * * *' })),
  };
  api.calls.length = 0;
  await applyPlan(changed, manager, { root: bundles(changed), log: (l) => log.push(l) });
  expect(api.tables.get('orders')!.get('buyer_created')).toEqual(['buyerOpenid', 'status']);
  expect(Object.fromEntries(api.functions.get('sweep')!.triggers)).toEqual({ 'sweep-every-minute': '0 */5 * * * * *' });
  expect(api.actions().filter((a) => a === 'UpdateTable')).toHaveLength(2);
  expect(log).toContain('index orders.buyer_created: recreated');
  expect(log).toContain('trigger sweep.sweep-every-minute: recreated "0 */5 * * * * *"');
});
