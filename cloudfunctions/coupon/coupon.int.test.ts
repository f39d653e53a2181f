import { useTestCloud, AS_FUNCTION } from '../../emulator/testing';
import { chinaDayKey } from '../../shared/china-day';
import { PROMO_IDS } from '../../emulator/seed/promotions';
import { doc, docs, outcomes } from '../../tests/support/commerce';
import { seedTemplate } from '../../tests/support/fixtures';
import { onlyCouponId } from '../_commerce/coupon-claims';

const t = useTestCloud();

const DAY = 24 * 3600 * 1000;
/** A 无门槛 template like the demo one, open to every product, without a per-day limit unless given. */
async function insertTemplate(id: string, fields: Record<string, unknown>): Promise<void> {
  const { perDayLimit: _seeded, ...flat } = seedTemplate(PROMO_IDS.flatOff, t.cloud.now());
  await t.cloud.db.collection('coupon_templates').add({ ...flat, _id: id, scope: { mode: 'all' }, validity: { mode: 'days', days: 7 }, stock: 50, perUserLimit: 1, ...fields });
}

describe('coupon.claim', () => {
  it('200 customers claiming the last 50 at once get exactly 50 coupons, nobody twice', async () => {
    await insertTemplate('t_last50', { stock: 50 });
    const users = Array.from({ length: 200 }, (_, i) => `o_claim_${i}`);
    const results = await Promise.all(users.map((u) => t.cloud.call('coupon', { action: 'claim', templateId: 't_last50' }, u)));
    expect(outcomes(results)).toEqual({ ok: 50, SOLD_OUT: 150 });
    const coupons = await docs(t.cloud, 'coupons', { templateId: 't_last50' });
    expect(coupons).toHaveLength(50);
    expect(new Set(coupons.map((c) => c.ownerOpenid)).size).toBe(50);
    expect(await doc(t.cloud, 'coupon_templates', 't_last50')).toMatchObject({ stock: 0, issuedCount: 50 });
  });

  it('one customer firing 20 claims at a per-user limit of 2 gets exactly 2', async () => {
    await insertTemplate('t_limit2', { stock: 100, perUserLimit: 2 });
    const results = await Promise.all(Array.from({ length: 20 }, () => t.cloud.call('coupon', { action: 'claim', templateId: 't_limit2' }, 'o_cust_1')));
    expect(outcomes(results)).toEqual({ ok: 2, LIMIT_REACHED: 18 });
    expect(await docs(t.cloud, 'coupons', { templateId: 't_limit2' })).toHaveLength(2);
    expect(await doc(t.cloud, 'coupon_templates', 't_limit2')).toMatchObject({ stock: 98, issuedCount: 2 });
  });

  it('a per-day limit holds within a China calendar day and resets the next day', async () => {
    await insertTemplate('t_daily', { stock: 100, perUserLimit: 3, perDayLimit: 1 });
    const first = await Promise.all([1, 2, 3].map(() => t.cloud.call('coupon', { action: 'claim', templateId: 't_daily' }, 'o_cust_2')));
    expect(outcomes(first)).toEqual({ ok: 1, LIMIT_REACHED: 2 });
    t.cloud.advanceClock(DAY);
    expect((await t.cloud.call('coupon', { action: 'claim', templateId: 't_daily' }, 'o_cust_2')).ok).toBe(true);
    expect(await doc(t.cloud, 'coupon_templates', 't_daily')).toMatchObject({ stock: 98 });
  });

  it('one customer claiming two templates at once gets each up to its own limit (a one-per-customer coupon is its own slot, other counts are on the user document)', async () => {
    // 't.dot' is not a safe field name: its count is kept under a hashed key.
    await insertTemplate('t_one', { stock: 100, perUserLimit: 1 });
    await insertTemplate('t.dot', { stock: 100, perUserLimit: 3, perDayLimit: 2 });
    const fires = Array.from({ length: 12 }, (_, i) => t.cloud.call('coupon', { action: 'claim', templateId: i % 2 ? 't.dot' : 't_one' }, 'o_cust_4'));
    const results = await Promise.all(fires);
    expect(outcomes(results.filter((_, i) => i % 2 === 0))).toEqual({ ok: 1, LIMIT_REACHED: 5 });
    expect(outcomes(results.filter((_, i) => i % 2 === 1))).toEqual({ ok: 2, LIMIT_REACHED: 4 });
    expect(await docs(t.cloud, 'coupons', { ownerOpenid: 'o_cust_4', templateId: 't_one' })).toHaveLength(1);
    expect(await docs(t.cloud, 'coupons', { ownerOpenid: 'o_cust_4', templateId: 't.dot' })).toHaveLength(2);
    expect(await doc(t.cloud, 'coupon_templates', 't_one')).toMatchObject({ stock: 99, issuedCount: 1 });
    expect(await doc(t.cloud, 'coupon_templates', 't.dot')).toMatchObject({ stock: 98, issuedCount: 2 });
    expect((await docs(t.cloud, 'coupons', { ownerOpenid: 'o_cust_4', templateId: 't_one' }))[0]._id).toBe(onlyCouponId('t_one', 'o_cust_4'));
    const user = await doc(t.cloud, 'users', 'o_cust_4');
    const counts = Object.values(user?.couponClaims as Record<string, number>).sort();
    expect(counts).toEqual([2]);
    const list = await t.cloud.ok<{ templates: Array<{ templateId: string; claimedByMe: number }> }>('coupon', { action: 'list' }, 'o_cust_4');
    expect(list.templates.filter((t) => t.templateId === 't_one' || t.templateId === 't.dot').map((t) => [t.templateId, t.claimedByMe]).sort()).toEqual([
      ['t.dot', 2],
      ['t_one', 1],
    ]);
  });

  it('a customer already at the limit never takes the last unit from someone else', async () => {
    await insertTemplate('t_last1', { stock: 2, perUserLimit: 1 });
    await t.cloud.ok('coupon', { action: 'claim', templateId: 't_last1' }, 'o_cust_1');
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => t.cloud.call('coupon', { action: 'claim', templateId: 't_last1' }, 'o_cust_1')),
      t.cloud.call('coupon', { action: 'claim', templateId: 't_last1' }, 'o_cust_2'),
    ]);
    expect(outcomes(results.slice(0, 10))).toEqual({ LIMIT_REACHED: 10 });
    expect(results[10].ok).toBe(true);
    expect(await doc(t.cloud, 'coupon_templates', 't_last1')).toMatchObject({ stock: 0, issuedCount: 2 });
  });

  it('a per-day limit of 2 admits exactly 2 of 6 concurrent claims, and old days are dropped from the user document', async () => {
    await insertTemplate('t_daily2', { stock: 100, perUserLimit: 10, perDayLimit: 2 });
    const first = await Promise.all(Array.from({ length: 6 }, () => t.cloud.call('coupon', { action: 'claim', templateId: 't_daily2' }, 'o_cust_5')));
    expect(outcomes(first)).toEqual({ ok: 2, LIMIT_REACHED: 4 });
    t.cloud.advanceClock(DAY);
    const next = await Promise.all(Array.from({ length: 6 }, () => t.cloud.call('coupon', { action: 'claim', templateId: 't_daily2' }, 'o_cust_5')));
    expect(outcomes(next)).toEqual({ ok: 2, LIMIT_REACHED: 4 });
    const user = await doc(t.cloud, 'users', 'o_cust_5');
    expect(user?.couponClaims).toEqual({ t_daily2: 4 });
    expect(Object.keys(user?.couponDays as object)).toEqual([`d${chinaDayKey(t.cloud.now()).replace(/-/g, '')}`]);
    expect(await doc(t.cloud, 'coupon_templates', 't_daily2')).toMatchObject({ stock: 96, issuedCount: 4 });
  });

  it('a first one-per-customer claim costs 3 round trips and writes no user document (the coupon id is the slot); a refusal costs 1 and writes nothing', async () => {
    await insertTemplate('t_only', { stock: 1, perUserLimit: 1 });
    t.cloud.resetStats();
    const claimed = await t.cloud.call<{ couponId: string }>('coupon', { action: 'claim', templateId: 't_only' }, 'o_first_1');
    const refused = await t.cloud.call('coupon', { action: 'claim', templateId: 't_only' }, 'o_first_2');
    expect(claimed).toMatchObject({ ok: true, data: { couponId: onlyCouponId('t_only', 'o_first_1') } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SOLD_OUT' } });
    expect(await doc(t.cloud, 'users', 'o_first_1')).toBeUndefined();
    expect(await doc(t.cloud, 'users', 'o_first_2')).toBeUndefined();
    expect(await doc(t.cloud, 'coupons', onlyCouponId('t_only', 'o_first_1'))).toMatchObject({ ownerOpenid: 'o_first_1', templateId: 't_only', status: 'unused' });
    expect(t.cloud.stats().recent.map((c) => [c.action, c.total, c.ops])).toEqual([
      ['claim', 3, { aggregateDocuments: 1, modifyDocument: 1, insertDocument: 1 }],
      ['claim', 1, { aggregateDocuments: 1 }],
    ]);
  });

  it('a one-per-customer coupon still counts when ops raise the limit to 2: 20 concurrent claims add exactly one more', async () => {
    await insertTemplate('t_raise', { stock: 100, perUserLimit: 1 });
    await t.cloud.ok('coupon', { action: 'claim', templateId: 't_raise' }, 'o_cust_6');
    await t.cloud.db.collection('coupon_templates').doc('t_raise').update({ perUserLimit: 2 });
    const results = await Promise.all(Array.from({ length: 20 }, () => t.cloud.call('coupon', { action: 'claim', templateId: 't_raise' }, 'o_cust_6')));
    expect(outcomes(results)).toEqual({ ok: 1, LIMIT_REACHED: 19 });
    expect(await docs(t.cloud, 'coupons', { ownerOpenid: 'o_cust_6', templateId: 't_raise' })).toHaveLength(2);
    expect(await doc(t.cloud, 'coupon_templates', 't_raise')).toMatchObject({ stock: 98, issuedCount: 2 });
    const list = await t.cloud.ok<{ templates: Array<{ templateId: string; claimedByMe: number; canClaim: boolean }> }>('coupon', { action: 'list' }, 'o_cust_6');
    expect(list.templates.find((x) => x.templateId === 't_raise')).toMatchObject({ claimedByMe: 2, canClaim: false });
  });

  it('a first visit to a limit-2 template claims in 4 round trips, its registration carrying the count; a refusal costs 1 and writes nothing', async () => {
    await insertTemplate('t_first', { stock: 1, perUserLimit: 2 });
    t.cloud.resetStats();
    const claimed = await t.cloud.call('coupon', { action: 'claim', templateId: 't_first' }, 'o_first_1');
    const refused = await t.cloud.call('coupon', { action: 'claim', templateId: 't_first' }, 'o_first_2');
    expect(claimed.ok).toBe(true);
    expect(refused).toMatchObject({ ok: false, error: { code: 'SOLD_OUT' } });
    expect(await doc(t.cloud, 'users', 'o_first_1')).toMatchObject({ _id: 'o_first_1', role: 'customer', couponClaims: { t_first: 1 } });
    expect(await doc(t.cloud, 'users', 'o_first_2')).toBeUndefined();
    expect(t.cloud.stats().recent.map((c) => [c.action, c.total, c.ops])).toEqual([
      ['claim', 4, { aggregateDocuments: 1, modifyDocument: 1, insertDocument: 2 }],
      ['claim', 1, { aggregateDocuments: 1 }],
    ]);
  });

  it('a template not yet started or already ended is refused EXPIRED and keeps its stock', async () => {
    const now = t.cloud.now();
    await insertTemplate('t_future', { startAt: new Date(now.getTime() + DAY), endAt: new Date(now.getTime() + 2 * DAY) });
    await insertTemplate('t_over', { startAt: new Date(now.getTime() - 2 * DAY), endAt: new Date(now.getTime() - DAY) });
    for (const id of ['t_future', 't_over']) {
      const r = await t.cloud.call('coupon', { action: 'claim', templateId: id }, 'o_cust_1');
      expect(r.ok === false && r.error.code).toBe('EXPIRED');
      expect(await doc(t.cloud, 'coupon_templates', id)).toMatchObject({ stock: 50, issuedCount: 0 });
    }
    expect(await doc(t.cloud, 'users', 'o_cust_1')).not.toHaveProperty('couponClaims');
  });

  it('list shows live, valid templates with what is left; mine shows claimed coupons and expiry', async () => {
    await insertTemplate('t_paused', { status: 'paused' });
    await t.cloud.db.collection('coupon_templates').add({ _id: 't_broken', status: 'active', title: 'bad', stock: -5 });
    const claimed = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_3');
    const list = await t.cloud.ok<{ templates: Array<{ templateId: string; remaining: number; claimedByMe: number }> }>('coupon', { action: 'list' }, 'o_cust_3');
    const ids = list.templates.map((t) => t.templateId);
    expect(ids).toEqual(expect.arrayContaining(['ct_flat5', 'ct_man100_15', 'ct_zhe80_cap30']));
    expect(ids).not.toContain('t_paused');
    expect(ids).not.toContain('t_broken');
    expect(list.templates.find((t) => t.templateId === 'ct_flat5')).toMatchObject({ remaining: 999, claimedByMe: 1 });
    const mine = await t.cloud.ok<{ coupons: Array<{ couponId: string; status: string }> }>('coupon', { action: 'mine' }, 'o_cust_3');
    expect(mine.coupons).toEqual([expect.objectContaining({ couponId: claimed.couponId, status: 'unused' })]);
    t.cloud.advanceClock(4 * DAY);
    const later = await t.cloud.ok<{ coupons: Array<{ status: string }> }>('coupon', { action: 'mine', status: 'expired' }, 'o_cust_3');
    expect(later.coupons).toHaveLength(1);
    const swept = await t.cloud.ok<{ couponsExpired: number }>('sweep', { action: 'run' }, AS_FUNCTION);
    expect(swept.couponsExpired).toBe(1);
    expect(await doc(t.cloud, 'coupons', claimed.couponId)).toMatchObject({ status: 'expired' });
  });

  it('claiming a paused, missing or invalid template is refused with a code, never INTERNAL', async () => {
    await insertTemplate('t_paused', { status: 'paused' });
    await t.cloud.db.collection('coupon_templates').add({ _id: 't_broken', status: 'active', title: 'bad', stock: -5 });
    const codes = await Promise.all(
      ['t_paused', 't_missing', 't_broken'].map(async (id) => {
        const r = await t.cloud.call('coupon', { action: 'claim', templateId: id }, 'o_cust_1');
        return r.ok ? 'ok' : r.error.code;
      }),
    );
    expect(codes).toEqual(['EXPIRED', 'NOT_FOUND', 'FAILED_PRECONDITION']);
  });
});
