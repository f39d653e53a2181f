import { startTestCloud, type TestCloud } from '../../emulator/testing';
import { doc, docs, outcomes } from '../_commerce/test-helpers';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(async () => {
  await cloud.close();
});
beforeEach(async () => {
  await cloud.reset();
  await cloud.seed();
});

const DAY = 24 * 3600 * 1000;
async function insertTemplate(id: string, fields: Record<string, unknown>): Promise<void> {
  const now = cloud.now();
  await cloud.db.collection('coupon_templates').add({
    _id: id,
    title: '无门槛减5',
    status: 'active',
    startAt: new Date(now.getTime() - DAY),
    endAt: new Date(now.getTime() + 10 * DAY),
    rule: { kind: 'flat_off', amountOffFen: 500 },
    scope: { mode: 'all' },
    validity: { mode: 'days', days: 7 },
    stock: 50,
    issuedCount: 0,
    perUserLimit: 1,
    ...fields,
  });
}

describe('coupon.claim', () => {
  it('200 customers claiming the last 50 at once get exactly 50 coupons, nobody twice', async () => {
    await insertTemplate('t_last50', { stock: 50 });
    const users = Array.from({ length: 200 }, (_, i) => `o_claim_${i}`);
    const results = await Promise.all(users.map((u) => cloud.call('coupon', { action: 'claim', templateId: 't_last50' }, u)));
    expect(outcomes(results)).toEqual({ ok: 50, SOLD_OUT: 150 });
    const coupons = await docs(cloud, 'coupons', { templateId: 't_last50' });
    expect(coupons).toHaveLength(50);
    expect(new Set(coupons.map((c) => c.ownerOpenid)).size).toBe(50);
    expect(await doc(cloud, 'coupon_templates', 't_last50')).toMatchObject({ stock: 0, issuedCount: 50 });
  });

  it('one customer firing 20 claims at a per-user limit of 2 gets exactly 2', async () => {
    await insertTemplate('t_limit2', { stock: 100, perUserLimit: 2 });
    const results = await Promise.all(Array.from({ length: 20 }, () => cloud.call('coupon', { action: 'claim', templateId: 't_limit2' }, 'o_cust_1')));
    expect(outcomes(results)).toEqual({ ok: 2, LIMIT_REACHED: 18 });
    expect(await docs(cloud, 'coupons', { templateId: 't_limit2' })).toHaveLength(2);
    expect(await doc(cloud, 'coupon_templates', 't_limit2')).toMatchObject({ stock: 98, issuedCount: 2 });
  });

  it('a per-day limit holds within a China calendar day and resets the next day', async () => {
    await insertTemplate('t_daily', { stock: 100, perUserLimit: 3, perDayLimit: 1 });
    const first = await Promise.all([1, 2, 3].map(() => cloud.call('coupon', { action: 'claim', templateId: 't_daily' }, 'o_cust_2')));
    expect(outcomes(first)).toEqual({ ok: 1, LIMIT_REACHED: 2 });
    cloud.advanceClock(DAY);
    expect((await cloud.call('coupon', { action: 'claim', templateId: 't_daily' }, 'o_cust_2')).ok).toBe(true);
    expect(await doc(cloud, 'coupon_templates', 't_daily')).toMatchObject({ stock: 98 });
  });

  it('list shows live, valid templates with what is left; mine shows claimed coupons and expiry', async () => {
    await insertTemplate('t_paused', { status: 'paused' });
    await cloud.db.collection('coupon_templates').add({ _id: 't_broken', status: 'active', title: 'bad', stock: -5 });
    const claimed = await cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_3');
    const list = await cloud.ok<{ templates: Array<{ id: string; remaining: number; claimedByMe: number }> }>('coupon', { action: 'list' }, 'o_cust_3');
    const ids = list.templates.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['ct_flat5', 'ct_man100_15', 'ct_zhe80_cap30']));
    expect(ids).not.toContain('t_paused');
    expect(ids).not.toContain('t_broken');
    expect(list.templates.find((t) => t.id === 'ct_flat5')).toMatchObject({ remaining: 999, claimedByMe: 1 });
    const mine = await cloud.ok<{ coupons: Array<{ couponId: string; status: string }> }>('coupon', { action: 'mine' }, 'o_cust_3');
    expect(mine.coupons).toEqual([expect.objectContaining({ couponId: claimed.couponId, status: 'unused' })]);
    cloud.advanceClock(4 * DAY);
    const later = await cloud.ok<{ coupons: Array<{ status: string }> }>('coupon', { action: 'mine', status: 'expired' }, 'o_cust_3');
    expect(later.coupons).toHaveLength(1);
    const swept = await cloud.ok<{ couponsExpired: number }>('sweep', { action: 'run' });
    expect(swept.couponsExpired).toBe(1);
    expect(await doc(cloud, 'coupons', claimed.couponId)).toMatchObject({ status: 'expired' });
  });

  it('claiming a paused, missing or invalid template is refused with a code, never INTERNAL', async () => {
    await insertTemplate('t_paused', { status: 'paused' });
    await cloud.db.collection('coupon_templates').add({ _id: 't_broken', status: 'active', title: 'bad', stock: -5 });
    const codes = await Promise.all(
      ['t_paused', 't_missing', 't_broken'].map(async (id) => {
        const r = await cloud.call('coupon', { action: 'claim', templateId: id }, 'o_cust_1');
        return r.ok ? 'ok' : r.error.code;
      }),
    );
    expect(codes).toEqual(['EXPIRED', 'NOT_FOUND', 'FAILED_PRECONDITION']);
  });
});
