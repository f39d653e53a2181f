/**
 * A group-size-first experiment (issue 14): on a product with a 2-person and a 3-person deal, each
 * arm's customers get their arm's deal first from shelf.product (and on the shelf's card), at no
 * extra round trip; the product page's coupons show the caller's coupon-amount arm too.
 */
import { useTestCloud } from '../../emulator/testing';
import { bucketVariant } from '../../shared/growth';
import type { Reply } from '../../shared/contract';

const t = useTestCloud();

type Product = Reply<'shelf', 'product'>;
type Shelf = Reply<'shelf', 'view'>;

const VARIANTS = [
  { name: 'duo', weight: 1 },
  { name: 'trio', weight: 1, value: { groupSize: 3 } },
];
const customers = Array.from({ length: 40 }, (_, i) => `o_size_${i}`);
const customerIn = (arm: string) => customers.find((o) => bucketVariant(o, 'dealSize', VARIANTS) === arm)!;

beforeEach(async () => {
  const db = t.cloud.db;
  const duo = (await db.collection('group_deals').doc('gd_p01_duo').get()).data[0] as Record<string, unknown>;
  const { _id: _duoId, ...rest } = duo;
  await db.collection('group_deals').add({ ...rest, _id: 'gd_p01_trio', title: '三人团', groupSize: 3, groupPriceFen: Number(duo.groupPriceFen) - 1000 });
  await db.collection('experiments').add({ _id: 'exp_deal_size', name: '先展示几人团', key: 'dealSize', status: 'active', varies: 'groupSizeFirst', variants: VARIANTS });
});

describe('group-size-first experiment', () => {
  it("each arm's product page shows its group size first; the deals list keeps every live deal", async () => {
    const duo = await t.cloud.ok<Product>('shelf', { action: 'product', productId: 'p01', view: false }, customerIn('duo'));
    const trio = await t.cloud.ok<Product>('shelf', { action: 'product', productId: 'p01', view: false }, customerIn('trio'));
    expect(duo.groupDeal).toMatchObject({ dealId: 'gd_p01_duo', groupSize: 2 });
    expect(duo.groupDeals.map((d) => d.groupSize)).toEqual([2, 3]);
    expect(trio.groupDeal).toMatchObject({ dealId: 'gd_p01_trio', groupSize: 3 });
    expect(trio.groupDeals.map((d) => d.dealId)).toEqual(['gd_p01_trio', 'gd_p01_duo']);
    expect(trio.badges.find((b) => b.kind === 'group')?.text).toMatch(/^3人团/);
  });

  it("the shelf's product card shows the arm's deal too; a paused experiment restores the stored order", async () => {
    const card = async (openid: string) => (await t.cloud.ok<Shelf>('shelf', { action: 'view', salesId: 'o_sales_li' }, openid)).products.find((p) => p.id === 'p01');
    expect((await card(customerIn('trio')))?.groupDeal?.groupSize).toBe(3);
    expect((await card(customerIn('duo')))?.groupDeal?.groupSize).toBe(2);
    await t.cloud.db.collection('experiments').doc('exp_deal_size').update({ status: 'paused' });
    expect((await card(customerIn('trio')))?.groupDeal?.groupSize).toBe(2);
  });

  it('costs no extra round trip: the experiments ride in the product and shelf aggregates', async () => {
    const rounds = async () => {
      t.cloud.resetStats();
      await t.cloud.ok('shelf', { action: 'product', productId: 'p01', view: false }, customerIn('trio'));
      await t.cloud.ok('shelf', { action: 'view', salesId: 'o_sales_li' }, customerIn('trio'));
      const s = t.cloud.stats().byAction;
      return [s['shelf.product'].maxOps, s['shelf.view'].maxOps];
    };
    await t.cloud.ok('shelf', { action: 'view', salesId: 'o_sales_li' }, customerIn('trio')); // registered
    const withExperiment = await rounds();
    await t.cloud.db.collection('experiments').doc('exp_deal_size').remove();
    const without = await rounds();
    console.log('shelf.product, shelf.view round trips with / without experiments:', withExperiment, without);
    expect(withExperiment).toEqual(without);
  });

  it("the product page's coupons show the caller's coupon-amount arm", async () => {
    const arms = [{ name: 'control', weight: 1 }, { name: 'big', weight: 1, value: { amountOffFen: 800 } }];
    await t.cloud.db.collection('experiments').add({ _id: 'exp_flat_amount', key: 'flatAmount', status: 'active', varies: 'couponAmount', templateId: 'ct_flat5', variants: arms });
    const big = customers.find((o) => bucketVariant(o, 'flatAmount', arms) === 'big')!;
    const control = customers.find((o) => bucketVariant(o, 'flatAmount', arms) === 'control')!;
    const flatOn = async (openid: string) => (await t.cloud.ok<Product>('shelf', { action: 'product', productId: 'p01', view: false }, openid)).coupons.find((c) => c.templateId === 'ct_flat5')?.rule;
    expect(await flatOn(big)).toEqual({ kind: 'flat_off', amountOffFen: 800 });
    expect(await flatOn(control)).toEqual({ kind: 'flat_off', amountOffFen: 500 });
  });
});
