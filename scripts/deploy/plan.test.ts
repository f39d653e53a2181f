/** The deploy plan builder: manifests that disagree are refused, placeholders are filled or named. */
import { buildPlan, formatPlan, placeholdersOf, resolvePlan, type Manifests } from './plan';

/** A small, consistent set of manifests; each case below breaks one thing. */
function manifests(): Manifests {
  return {
    collections: { collections: ['orders', 'settings'] },
    indexes: { scanOk: ['settings'], indexes: { orders: [{ name: 'buyer_created', keys: ['buyerOpenid', 'createdAt'] }] } },
    rules: { rules: { orders: 'ADMINONLY', settings: 'ADMINWRITE' } },
    rc: {
      envId: '{{env.CLOUDBASE_ENV_ID}}',
      functionRoot: './dist/cloudfunctions',
      functions: [
        { name: 'order', timeout: 15, memorySize: 256, runtime: 'Nodejs18.15', envVariables: { CLOUDPAY_SUB_MCH_ID: '{{env.CLOUDPAY_SUB_MCH_ID}}' } },
        { name: 'sweep', timeout: 60, memorySize: 256, runtime: 'Nodejs18.15', triggers: [{ name: 'every-minute', type: 'timer', config: '0 */1 * * * * *' }] },
      ],
    },
    functionSources: ['order', 'sweep'],
  };
}

it('builds every part from consistent manifests', () => {
  expect(buildPlan(manifests())).toEqual({
    envId: '{{env.CLOUDBASE_ENV_ID}}',
    collections: ['orders', 'settings'],
    indexes: [{ collection: 'orders', name: 'buyer_created', keys: ['buyerOpenid', 'createdAt'] }],
    scanOk: ['settings'],
    rules: [
      { collection: 'orders', aclTag: 'ADMINONLY' },
      { collection: 'settings', aclTag: 'ADMINWRITE' },
    ],
    functions: [
      { name: 'order', timeout: 15, memorySize: 256, runtime: 'Nodejs18.15', installDependency: false, envVariables: { CLOUDPAY_SUB_MCH_ID: '{{env.CLOUDPAY_SUB_MCH_ID}}' }, bundleDir: 'dist/cloudfunctions/order' },
      { name: 'sweep', timeout: 60, memorySize: 256, runtime: 'Nodejs18.15', installDependency: false, envVariables: {}, bundleDir: 'dist/cloudfunctions/sweep' },
    ],
    triggers: [{ functionName: 'sweep', name: 'every-minute', type: 'timer', config: '0 */1 * * * * *' }],
  });
});

const broken: Array<[string, (m: Manifests) => void, RegExp]> = [
  ['a collection listed twice', (m) => m.collections.collections.push('orders'), /"orders" is listed twice/],
  ['an index on an undeclared collection', (m) => (m.indexes.indexes.coupons = [{ name: 'owner', keys: ['ownerOpenid'] }]), /indexes\.json: "coupons" is not in collections\.json/],
  ['two indexes with one name', (m) => m.indexes.indexes.orders.push({ name: 'buyer_created', keys: ['status'] }), /orders has two indexes named "buyer_created"/],
  ['an index without keys', (m) => m.indexes.indexes.orders.push({ name: 'empty', keys: [] }), /orders\.empty has no keys/],
  ['a scanOk collection that is not declared', (m) => m.indexes.scanOk!.push('experiments'), /scanOk "experiments"/],
  ['a rule on an undeclared collection', (m) => (m.rules.rules.users = 'ADMINONLY'), /security-rules\.json: "users" is not in collections\.json/],
  ['a collection without a rule', (m) => delete m.rules.rules.settings, /no rule for "settings"/],
  ['an unknown permission mode', (m) => (m.rules.rules.orders = 'EVERYONE'), /unknown mode "EVERYONE"/],
  ['a function folder that is not declared', (m) => m.functionSources.push('admin'), /cloudfunctions\/admin is not declared/],
  ['a declared function without a folder', (m) => (m.functionSources = ['order']), /sweep has no cloudfunctions\/sweep\/index\.ts/],
  ['a function declared twice', (m) => m.rc.functions.push({ ...m.rc.functions[0] }), /function "order" is declared twice/],
  ['a timeout over 900 s', (m) => (m.rc.functions[0].timeout = 901), /order timeout 901 s/],
  ['memory under 64 MB', (m) => (m.rc.functions[0].memorySize = 32), /order memorySize 32 MB/],
  ['a trigger that is not a timer', (m) => (m.rc.functions[1].triggers![0].type = 'cos'), /type "cos" \(only timer\)/],
  ['a 5-field cron', (m) => (m.rc.functions[1].triggers![0].config = '*/1 * * * *'), /needs 7 fields/],
  ['two triggers on one function', (m) => m.rc.functions[1].triggers!.push({ name: 'b', type: 'timer', config: '0 0 * * * * *' }), /sweep has 2 triggers/],
];

it.each(broken)('refuses %s', (_name, breakIt, message) => {
  const m = manifests();
  breakIt(m);
  expect(() => buildPlan(m)).toThrow(message);
});

it('lists every problem at once', () => {
  const m = manifests();
  m.rules.rules.orders = 'EVERYONE';
  m.functionSources.push('admin');
  expect(() => buildPlan(m)).toThrow(/EVERYONE[\s\S]*cloudfunctions\/admin/);
});

describe('placeholders', () => {
  const plan = buildPlan(manifests());

  it('names every {{env.NAME}} the plan uses', () => {
    expect(placeholdersOf(plan)).toEqual(['CLOUDBASE_ENV_ID', 'CLOUDPAY_SUB_MCH_ID']);
  });

  it('names the unset ones instead of resolving', () => {
    expect(resolvePlan(plan, { CLOUDBASE_ENV_ID: 'prod-1' })).toEqual({ missing: ['CLOUDPAY_SUB_MCH_ID'] });
  });

  it('fills the environment id and function variables from the shell', () => {
    const r = resolvePlan(plan, { CLOUDBASE_ENV_ID: 'prod-1', CLOUDPAY_SUB_MCH_ID: '1900000109' });
    if (!('plan' in r)) throw new Error('expected a resolved plan');
    expect(r.plan.envId).toBe('prod-1');
    expect(r.plan.functions[0].envVariables).toEqual({ CLOUDPAY_SUB_MCH_ID: '1900000109' });
    expect(plan.functions[0].envVariables.CLOUDPAY_SUB_MCH_ID).toBe('{{env.CLOUDPAY_SUB_MCH_ID}}');
  });

  it('the printed plan shows placeholders, not their values', () => {
    expect(formatPlan(plan)).toContain('CLOUDPAY_SUB_MCH_ID={{env.CLOUDPAY_SUB_MCH_ID}}');
  });
});
