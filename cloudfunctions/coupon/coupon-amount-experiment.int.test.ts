/**
 * A coupon-amount experiment (issue 14): each arm's customers see and claim the coupon template
 * with their arm's amount off, the coupon snapshots it (and prices with it), the claim costs no
 * extra round trip, a malformed experiment is skipped (and reported), and the dashboard shows the
 * arms.
 */
import { useTestCloud } from '../../emulator/testing';
import { bucketVariant } from '../../shared/growth';
import type { Reply } from '../../shared/contract';
import { giveAddresses, HOME } from '../../tests/support/commerce';
import { payOrder } from '../../tests/support/pay';
import { roundTripBudget } from '../../bench/round-trip-budgets';

const t = useTestCloud();

type List = Reply<'coupon', 'list'>;
type Quote = Reply<'order', 'quote'>;
type Dashboard = Reply<'admin', 'dashboard'>;
type Health = Reply<'admin', 'promotionHealth'>;

const VARIANTS = [
  { name: 'control', weight: 1 },
  { name: 'big', weight: 1, value: { amountOffFen: 800 } },
];
const EXPERIMENT = { _id: 'exp_flat_amount', name: '无门槛券面额 A/B', key: 'flatAmount', status: 'active', varies: 'couponAmount', templateId: 'ct_flat5', variants: VARIANTS };
const customers = Array.from({ length: 40 }, (_, i) => `o_amt_${i}`);
const customerIn = (arm: string, nth = 0) => customers.filter((o) => bucketVariant(o, 'flatAmount', VARIANTS) === arm)[nth];

async function flatRuleSeenBy(openid: string): Promise<unknown> {
  const list = await t.cloud.ok<List>('coupon', { action: 'list' }, openid);
  return list.templates.find((x) => x.templateId === 'ct_flat5')?.rule;
}

async function storedCoupon(couponId: string): Promise<Record<string, unknown>> {
  return (await t.cloud.db.collection('coupons').doc(couponId).get()).data[0] as Record<string, unknown>;
}

describe('coupon-amount experiment', () => {
  beforeEach(async () => {
    await t.cloud.db.collection('experiments').add(EXPERIMENT);
  });

  it("each arm sees and claims its amount; the coupon's snapshot keeps it and prices with it", async () => {
    const [control, big] = [customerIn('control'), customerIn('big')];
    expect(await flatRuleSeenBy(control)).toEqual({ kind: 'flat_off', amountOffFen: 500 });
    expect(await flatRuleSeenBy(big)).toEqual({ kind: 'flat_off', amountOffFen: 800 });
    // other templates are not varied
    const list = await t.cloud.ok<List>('coupon', { action: 'list' }, big);
    expect(list.templates.find((x) => x.templateId === 'ct_man100_15')?.rule).toEqual({ kind: 'threshold_off', thresholdFen: 10000, amountOffFen: 1500 });

    const c0 = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, control);
    const c1 = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, big);
    expect(await storedCoupon(c0.couponId)).toMatchObject({ templateId: 'ct_flat5', ownerOpenid: control, rule: { kind: 'flat_off', amountOffFen: 500 } });
    expect(await storedCoupon(c1.couponId)).toMatchObject({ templateId: 'ct_flat5', ownerOpenid: big, rule: { kind: 'flat_off', amountOffFen: 800 } });
    const template = (await t.cloud.db.collection('coupon_templates').doc('ct_flat5').get()).data[0] as { rule: unknown; issuedCount: number };
    expect(template.rule).toEqual({ kind: 'flat_off', amountOffFen: 500 }); // the template itself is never changed
    expect(template.issuedCount).toBe(2);

    const quote = await t.cloud.ok<Quote>('order', { action: 'quote', items: [{ productId: 'p03', qty: 1 }], couponId: c1.couponId }, big);
    expect(quote.couponDiscountFen).toBe(800);
  });

  it("a one-per-customer template (the claim's other path) issues the arm's amount too", async () => {
    await t.cloud.db.collection('coupon_templates').doc('ct_flat5').update({ perUserLimit: 1 });
    const [control, big] = [customerIn('control'), customerIn('big')];
    const c1 = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, big);
    const c0 = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, control);
    expect(await storedCoupon(c1.couponId)).toMatchObject({ ownerOpenid: big, rule: { kind: 'flat_off', amountOffFen: 800 } });
    expect(await storedCoupon(c0.couponId)).toMatchObject({ ownerOpenid: control, rule: { kind: 'flat_off', amountOffFen: 500 } });
    const again = await t.cloud.call('coupon', { action: 'claim', templateId: 'ct_flat5' }, big);
    expect(again.ok === false && again.error.code).toBe('LIMIT_REACHED');
  });

  it('the claim costs the same round trips with the experiment as without (one read brings template, caller and experiments)', async () => {
    for (const o of [customerIn('big'), customerIn('big', 1)]) await t.cloud.ok('coupon', { action: 'mine' }, o); // registered
    t.cloud.resetStats();
    await t.cloud.ok('coupon', { action: 'claim', templateId: 'ct_flat5' }, customerIn('big'));
    await t.cloud.ok('coupon', { action: 'list' }, customerIn('big'));
    const withExperiment = t.cloud.stats().byAction;
    await t.cloud.db.collection('experiments').doc(EXPERIMENT._id).remove();
    t.cloud.resetStats();
    await t.cloud.ok('coupon', { action: 'claim', templateId: 'ct_flat5' }, customerIn('big', 1));
    await t.cloud.ok('coupon', { action: 'list' }, customerIn('big', 1));
    const without = t.cloud.stats().byAction;
    console.log('coupon round trips with / without a coupon-amount experiment:', {
      claim: [withExperiment['coupon.claim'].maxOps, without['coupon.claim'].maxOps],
      list: [withExperiment['coupon.list'].maxOps, without['coupon.list'].maxOps],
    });
    expect(withExperiment['coupon.claim'].maxOps).toBe(without['coupon.claim'].maxOps);
    expect(withExperiment['coupon.claim'].maxOps).toBeLessThanOrEqual(roundTripBudget('coupon.claim', 'commerce')!);
    expect(withExperiment['coupon.list'].maxOps).toBe(without['coupon.list'].maxOps);
    expect(withExperiment['coupon.list'].maxOps).toBeLessThanOrEqual(roundTripBudget('coupon.list', 'commerce')!);
  });

  it('a paused or malformed experiment leaves the template as it is; promotionHealth names the malformed one', async () => {
    const big = customerIn('big');
    await t.cloud.db.collection('experiments').doc(EXPERIMENT._id).update({ status: 'paused' });
    expect(await flatRuleSeenBy(big)).toEqual({ kind: 'flat_off', amountOffFen: 500 });
    await t.cloud.db.collection('experiments').add({ ...EXPERIMENT, _id: 'exp_bad_amount', variants: [{ name: 'big', weight: 1, value: { amountOffFen: -3 } }] });
    expect(await flatRuleSeenBy(big)).toEqual({ kind: 'flat_off', amountOffFen: 500 });
    const c = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, big);
    expect(await storedCoupon(c.couponId)).toMatchObject({ rule: { kind: 'flat_off', amountOffFen: 500 } });
    const health = await t.cloud.ok<Health>('admin', { action: 'promotionHealth' }, 'o_ops');
    expect(health.problems.filter((p) => p.collection === 'experiments').map((p) => [p.id, p.problems.join(' | ')])).toEqual([['exp_bad_amount', expect.stringMatching(/amountOffFen/)]]);
    // valid documents that cannot apply: a percent coupon, a template that does not exist
    await t.cloud.db.collection('experiments').add({ ...EXPERIMENT, _id: 'exp_on_percent', key: 'onPercent', templateId: 'ct_zhe80_cap30' });
    await t.cloud.db.collection('experiments').add({ ...EXPERIMENT, _id: 'exp_on_nothing', key: 'onNothing', templateId: 'ct_gone' });
    const again = await t.cloud.ok<Health>('admin', { action: 'promotionHealth' }, 'o_ops');
    expect(again.problems.filter((p) => p.collection === 'experiments').map((p) => [p.id, p.problems.join(' | ')]).sort()).toEqual([
      ['exp_bad_amount', expect.stringMatching(/amountOffFen/)],
      ['exp_on_nothing', 'templateId: no coupon template ct_gone'],
      ['exp_on_percent', 'templateId: a percent_off coupon has no amount off to vary'],
    ]);
  });

  it('the dashboard shows the arms: orders created (exposure) and paid (conversion) by the buyer’s arm', async () => {
    const [control, big] = [customerIn('control'), customerIn('big')];
    await giveAddresses(t.cloud, [control, big]);
    for (const [openid, pays] of [[control, false], [big, true]] as const) {
      const { couponId } = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, openid);
      const o = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], couponId, idempotencyKey: `amt-${openid}` }, openid);
      if (pays) await payOrder(t.cloud, o.orderId, openid);
    }
    const d = await t.cloud.ok<Dashboard>('admin', { action: 'dashboard' }, 'o_boss');
    const x = d.experiments.find((e) => e.key === 'flatAmount');
    expect(x).toMatchObject({ varies: 'couponAmount', exposure: 'orders', conversion: 'paidOrders' });
    expect(x!.arms.map((a) => [a.variant, a.exposures, a.conversions])).toEqual([
      ['control', 1, 0],
      ['big', 1, 1],
    ]);
  });
});
