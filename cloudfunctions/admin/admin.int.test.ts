import { useTestCloud } from '../../emulator/testing';
import { doc, HOME } from '../../tests/support/commerce';

const t = useTestCloud();

type Health = { problems: Array<{ collection: string; id: string; problems: string[] }> };

describe('malformed promotions edited in the console', () => {
  it('shelf.view still answers, the bad promotions are not shown, promotionHealth names document and field', async () => {
    const deal = await doc(t.cloud, 'group_deals', 'gd_p01_duo');
    const { _id: _dealId, ...dealFields } = deal!;
    await t.cloud.db.collection('group_deals').add({ ...dealFields, _id: 'gd_bad_price', groupPriceFen: 999999, groupSize: 1 });
    const tpl = await doc(t.cloud, 'coupon_templates', 'ct_flat5');
    const { _id: _tplId, ...tplFields } = tpl!;
    await t.cloud.db.collection('coupon_templates').add({ ...tplFields, _id: 'ct_bad_stock', stock: -3, colour: 'red' });

    const shelf = await t.cloud.call<Record<string, unknown>>('shelf', { action: 'view' }, 'o_cust_1');
    expect(shelf.ok).toBe(true);
    expect(JSON.stringify(shelf)).not.toContain('gd_bad_price');
    expect(JSON.stringify(shelf)).not.toContain('ct_bad_stock');

    const health = await t.cloud.ok<Health>('admin', { action: 'promotionHealth' }, 'o_ops');
    const byId = new Map(health.problems.map((p) => [p.id, p]));
    expect(byId.get('gd_bad_price')).toMatchObject({ collection: 'group_deals' });
    expect(byId.get('gd_bad_price')!.problems.join('\n')).toMatch(/groupSize/);
    expect(byId.get('gd_bad_price')!.problems.join('\n')).toMatch(/groupPriceFen/);
    expect(byId.get('ct_bad_stock')).toMatchObject({ collection: 'coupon_templates' });
    expect(byId.get('ct_bad_stock')!.problems.join('\n')).toMatch(/stock/);
    expect(byId.get('ct_bad_stock')!.problems.join('\n')).toMatch(/colour: unknown field/);
    expect(byId.has('gd_p01_duo')).toBe(false);

    const claim = await t.cloud.call('coupon', { action: 'claim', templateId: 'ct_bad_stock' }, 'o_cust_1');
    expect(claim.ok === false && claim.error.code).toBe('FAILED_PRECONDITION');
    const open = await t.cloud.call('order', { action: 'create', addressId: HOME, dealId: 'gd_bad_price', idempotencyKey: 'key-bad-deal' }, 'o_cust_1');
    expect(open.ok === false && open.error.code).toBe('FAILED_PRECONDITION');
  });

  it('promotionHealth is for ops and boss only', async () => {
    expect((await t.cloud.call('admin', { action: 'promotionHealth' }, 'o_boss')).ok).toBe(true);
    for (const who of ['o_cust_1', 'o_sales_li']) {
      const r = await t.cloud.call('admin', { action: 'promotionHealth' }, who);
      expect(r.ok === false && r.error.code).toBe('PERMISSION_DENIED');
    }
  });
});

describe('admin.setRole', () => {
  it('the boss sets a role; nobody else may', async () => {
    await t.cloud.ok('admin', { action: 'setRole', openid: 'o_cust_4', role: 'sales' }, 'o_boss');
    expect(await doc(t.cloud, 'users', 'o_cust_4')).toMatchObject({ role: 'sales' });
    const ops = await t.cloud.call('admin', { action: 'setRole', openid: 'o_cust_3', role: 'boss' }, 'o_ops');
    expect(ops.ok === false && ops.error.code).toBe('PERMISSION_DENIED');
    const missing = await t.cloud.call('admin', { action: 'setRole', openid: 'o_nobody', role: 'sales' }, 'o_boss');
    expect(missing.ok === false && missing.error.code).toBe('NOT_FOUND');
  });
});
