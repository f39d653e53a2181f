/**
 * The back office's admin actions through the real SDK on the local cloud: promotion health over
 * every ops collection, the queues' counts, referral review, and the CSV exports (their bytes
 * parsed with an independent CSV parser).
 */
import { parse } from 'csv-parse/sync';
import { OPS_COLLECTIONS } from '../../shared/ops-documents';
import { useTestCloud } from '../../emulator/testing';
import { doc, docs, HOME, outcomes } from '../../tests/support/commerce';
import { arrangeSettledCommission } from '../../tests/support/payouts';
import { payOrder } from '../../tests/support/pay';

const t = useTestCloud();
const BOSS = 'o_boss';
const OPS = 'o_ops';
const DAY = 86_400_000;

type Health = { problems: Array<{ collection: string; id: string; problems: string[] }>; checked: number };
type Queues = { payoutsRequested: number; payoutsApproved: number; referralsToReview: number; invalidDocuments: number; commissionWaiting: number };
type Exported = { fileId: string; url: string; fileName: string; columns: string[]; rows: number; total: number; truncated: boolean; cap: number };

function referral(id: string, status: string, dueAt: Date, extra: Record<string, unknown> = {}) {
  return { _id: id, buyerOpenid: id, referrerOpenid: 'o_cust_1', orderId: `ord_${id}`, paidFen: 8_800, programId: 'rp_default', referrerRewardTemplateId: 'ct_referral_reward', newCustomerRewardTemplateId: null, dailyCap: 5, qualifiedDay: '2026-06-01', qualifiedAt: t.cloud.now(), dueAt, status, reasons: ['mutual_referral'], createdAt: t.cloud.now(), ...extra };
}

describe('admin.promotionHealth covers every ops collection', () => {
  it('names the invalid commission plan, referral program, experiment, binding policy and payout setting by document and field', async () => {
    const db = t.cloud.db;
    await db.collection('commission_plans').doc('cp_default').update({ defaultRule: { type: 'percent', rateBp: 'ten' } });
    await db.collection('referral_programs').doc('rp_default').update({ minOrderFen: -1 });
    await db.collection('experiments').add({ _id: 'exp_bad', key: 'k', status: 'active', variants: [] });
    await db.collection('binding_policy').add({ _id: 'bp_bad', status: 'active', mode: 'forever' });
    await db.collection('settings').add({ _id: 'payouts', minAmountFen: 5 });
    const health = await t.cloud.ok<Health>('admin', { action: 'promotionHealth' }, OPS);
    const found = health.problems.map((p) => `${p.collection}/${p.id}: ${p.problems.join(' | ')}`).sort();
    expect(found).toEqual([
      expect.stringMatching(/^binding_policy\/bp_bad: .*mode/),
      expect.stringMatching(/^commission_plans\/cp_default: defaultRule/),
      expect.stringMatching(/^experiments\/exp_bad: .*variants/),
      expect.stringMatching(/^referral_programs\/rp_default: minOrderFen/),
      expect.stringMatching(/^settings\/payouts: minAmountFen/),
    ]);
    const seeded = (await Promise.all(OPS_COLLECTIONS.map((c) => docs(t.cloud, c)))).flat().length;
    // + the ops settings: payouts (added above), alerts (issue 15), fulfilment (issue 12) and the seeded shipping rules
    expect(health.checked).toBe(seeded + 4);
  });
});

describe('admin.queues', () => {
  it('counts payouts to approve and to pay, referrals to review, invalid documents, commission waiting for a plan', async () => {
    const db = t.cloud.db;
    const empty = await t.cloud.ok<Queues>('admin', { action: 'queues' }, BOSS);
    expect(empty).toEqual({ payoutsRequested: 0, payoutsApproved: 0, referralsToReview: 0, invalidDocuments: 0, commissionWaiting: 0 });

    await arrangeSettledCommission(t.cloud, 'o_sales_li', 'o_q1', 5_000, t.cloud.now());
    await arrangeSettledCommission(t.cloud, 'o_sales_wang', 'o_q2', 5_000, t.cloud.now());
    await t.cloud.ok('payout', { action: 'request', amountFen: 2_000 }, 'o_sales_li');
    const w = await t.cloud.ok<{ payout: { payoutId: string } }>('payout', { action: 'request', amountFen: 3_000 }, 'o_sales_wang');
    await t.cloud.ok('payout', { action: 'review', payoutId: w.payout.payoutId, approve: true }, BOSS);
    await db.collection('referral_rewards').add([referral('o_new_1', 'review', t.cloud.now()), referral('o_new_2', 'review', t.cloud.now()), referral('o_new_3', 'waiting', t.cloud.now())]);
    await db.collection('experiments').add({ _id: 'exp_bad', key: 'k', status: 'active', variants: [] });
    await db.collection('growth_orders').add({ _id: 'ord_wait', salesId: 'o_sales_li', buyerOpenid: 'o_cust_1', commissionStatus: 'waiting', paidAt: t.cloud.now(), lines: [], refundedByLine: {}, rev: 0 });

    expect(await t.cloud.ok<Queues>('admin', { action: 'queues' }, OPS)).toEqual({ payoutsRequested: 1, payoutsApproved: 1, referralsToReview: 2, invalidDocuments: 1, commissionWaiting: 1 });
    const sales = await t.cloud.call('admin', { action: 'queues' }, 'o_sales_li');
    expect(sales.ok ? 'ok' : sales.error.code).toBe('PERMISSION_DENIED');
  });
});

describe('admin.reviewReferral', () => {
  it('approve, its refund window closed: the reward coupon is issued now, once', async () => {
    await t.cloud.db.collection('referral_rewards').add(referral('o_new_1', 'review', new Date(t.cloud.now().getTime() - DAY)));
    const results = await Promise.all([1, 2].map(() => t.cloud.call('admin', { action: 'reviewReferral', rewardId: 'o_new_1', approve: true, note: '核实为真实好友' }, BOSS)));
    expect(outcomes(results)).toEqual({ ok: 1, FAILED_PRECONDITION: 1 });
    const stored = await doc(t.cloud, 'referral_rewards', 'o_new_1');
    expect(stored).toMatchObject({ status: 'rewarded', reviewedBy: BOSS, reviewNote: '核实为真实好友', couponIds: [expect.any(String)] });
    const coupons = await docs(t.cloud, 'coupons', { referralId: 'o_new_1' });
    expect(coupons.map((c) => [c.ownerOpenid, c.templateId, c.status])).toEqual([['o_cust_1', 'ct_referral_reward', 'unused']]);
    // The sweep finds nothing more to issue.
    await t.cloud.runTimer('sweep');
    expect(await docs(t.cloud, 'coupons', { referralId: 'o_new_1' })).toHaveLength(1);
  });

  it('approve before the window closes: the sweep issues it when due, without taking a slot of the daily cap', async () => {
    await t.cloud.db.collection('referral_rewards').add(referral('o_new_2', 'review', new Date(t.cloud.now().getTime() + 3 * DAY), { dailyCap: 0 }));
    const row = await t.cloud.ok<{ status: string }>('admin', { action: 'reviewReferral', rewardId: 'o_new_2', approve: true }, OPS);
    expect(row.status).toBe('waiting');
    expect(await docs(t.cloud, 'coupons', { referralId: 'o_new_2' })).toHaveLength(0);
    t.cloud.advanceClock(4 * DAY);
    await t.cloud.runTimer('sweep');
    expect(await doc(t.cloud, 'referral_rewards', 'o_new_2')).toMatchObject({ status: 'rewarded' });
    expect(await docs(t.cloud, 'coupons', { referralId: 'o_new_2' })).toHaveLength(1);
  });

  it('reject records why (a note is required); nothing is issued; a referral not held for review is refused', async () => {
    await t.cloud.db.collection('referral_rewards').add([referral('o_new_3', 'review', t.cloud.now()), referral('o_new_4', 'waiting', t.cloud.now())]);
    const noNote = await t.cloud.call('admin', { action: 'reviewReferral', rewardId: 'o_new_3', approve: false }, BOSS);
    expect(noNote.ok ? 'ok' : noNote.error.code).toBe('INVALID_ARGUMENT');
    await t.cloud.ok('admin', { action: 'reviewReferral', rewardId: 'o_new_3', approve: false, note: '同一设备互相邀请' }, BOSS);
    expect(await doc(t.cloud, 'referral_rewards', 'o_new_3')).toMatchObject({ status: 'rejected', reviewNote: '同一设备互相邀请', reviewedBy: BOSS });
    expect(await docs(t.cloud, 'coupons', { referralId: 'o_new_3' })).toHaveLength(0);
    const notHeld = await t.cloud.call('admin', { action: 'reviewReferral', rewardId: 'o_new_4', approve: true }, BOSS);
    expect(notHeld.ok ? 'ok' : notHeld.error.code).toBe('FAILED_PRECONDITION');
    const missing = await t.cloud.call('admin', { action: 'reviewReferral', rewardId: 'o_nobody', approve: true }, BOSS);
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
  });

  it('admin.referrals lists the referrals held for review with names, oldest first', async () => {
    await t.cloud.db.collection('referral_rewards').add([referral('o_cust_2', 'review', t.cloud.now()), referral('o_new_5', 'rewarded', t.cloud.now())]);
    const list = await t.cloud.ok<{ items: Array<{ rewardId: string; buyerName: string | null; referrerName: string | null; reasons: string[] }> }>('admin', { action: 'referrals' }, OPS);
    expect(list.items).toEqual([expect.objectContaining({ rewardId: 'o_cust_2', buyerName: '阿杰', referrerName: '小美', reasons: ['mutual_referral'] })]);
  });
});

describe('admin.export: CSV that opens in Excel/WPS with Chinese text', () => {
  async function download(r: Exported): Promise<Buffer> {
    const res = await fetch(r.url);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  function parsed(bytes: Buffer): string[][] {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const text = bytes.toString('utf8');
    expect(text.slice(1).split('\r\n').length).toBeGreaterThan(1); // CRLF records
    return parse(bytes, { bom: true, relax_column_count: false }) as string[][];
  }

  it('orders: one row per order paid in the period, Chinese names and titles, quoted commas, money in yuan with two decimals', async () => {
    await t.cloud.db.collection('products').doc('p01').update({ title: '西湖龙井, 明前特级' });
    const share = await t.cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    await t.cloud.ok('share', { action: 'open', shareId: share.shareId }, 'o_cust_1');
    const o = await t.cloud.ok<{ orderId: string; totalFen: number }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p01', skuId: 'p01-s1', qty: 2 }], idempotencyKey: 'export-order-1', shareId: share.shareId }, 'o_cust_1');
    await payOrder(t.cloud, o.orderId, 'o_cust_1');
    await t.cloud.ok('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'export-unpaid' }, 'o_cust_2');

    const r = await t.cloud.ok<Exported>('admin', { action: 'export', kind: 'orders', from: '2026-06-01', to: '2026-06-01' }, BOSS);
    expect(r).toMatchObject({ rows: 1, total: 1, truncated: false, cap: 5000, fileName: 'orders-2026-06-01-2026-06-01.csv' });
    const [header, ...rows] = parsed(await download(r));
    expect(header).toEqual(['订单号', '支付时间', '状态', '买家', '买家ID', '销售员', '销售员ID', '商品', '件数', '商品金额(元)', '优惠(元)', '实付(元)', '已退款(元)']);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    const stored = await doc(t.cloud, 'orders', o.orderId);
    expect(row).toMatchObject({ 订单号: o.orderId, 状态: '待发货', 买家: '小美', 买家ID: 'o_cust_1', 销售员: '李娜', 销售员ID: 'o_sales_li', 件数: '2', '已退款(元)': '0.00' });
    expect(row['商品']).toMatch(/^西湖龙井, 明前特级/);
    expect(row['实付(元)']).toBe((Number(stored!.paidFen) / 100).toFixed(2));
    expect(row['商品金额(元)']).toBe((Number(stored!.lines && (stored!.lines as Array<{ subtotalFen: number }>)[0].subtotalFen) / 100).toFixed(2));
    expect(row['实付(元)']).toMatch(/^\d+\.\d{2}$/);
    expect(row['支付时间']).toBe('2026-06-01 10:00:00');
    // The period is China days: the next day has nothing.
    expect((await t.cloud.ok<Exported>('admin', { action: 'export', kind: 'orders', from: '2026-06-02', to: '2026-06-02' }, BOSS)).rows).toBe(0);
  });

  it('commission: one salesperson’s statement with every kind of entry', async () => {
    await arrangeSettledCommission(t.cloud, 'o_sales_li', 'o_stmt_1', 1_250, t.cloud.now());
    await arrangeSettledCommission(t.cloud, 'o_sales_wang', 'o_stmt_2', 900, t.cloud.now());
    const p = await t.cloud.ok<{ payout: { payoutId: string } }>('payout', { action: 'request', amountFen: 1_000 }, 'o_sales_li');
    await t.cloud.ok('payout', { action: 'review', payoutId: p.payout.payoutId, approve: true }, BOSS);
    await t.cloud.ok('payout', { action: 'markPaid', payoutId: p.payout.payoutId, reference: 'ICBC-20260601-01' }, BOSS);

    const r = await t.cloud.ok<Exported>('admin', { action: 'export', kind: 'commission', from: '2026-05-01', to: '2026-06-30', salesId: 'o_sales_li' }, OPS);
    const [header, ...rows] = parsed(await download(r));
    expect(header).toEqual(['时间', '销售员', '销售员ID', '类型', '订单号/提现单号', '商品', '计佣金额(元)', '佣金(元)', '备注']);
    expect(rows.map((x) => [x[1], x[3], x[7]]).sort()).toEqual([['李娜', '可结算', '12.50'], ['李娜', '已发放', '10.00'], ['李娜', '待结算', '12.50']]);
    expect(rows.find((x) => x[3] === '已发放')![8]).toBe('打款参考号 ICBC-20260601-01');
    expect(rows.find((x) => x[3] === '待结算')![5]).toBe((await doc(t.cloud, 'products', 'p01'))!.title);
    const all = await t.cloud.ok<Exported>('admin', { action: 'export', kind: 'commission', from: '2026-06-01', to: '2026-06-01' }, BOSS);
    expect(all.rows).toBe(5);
  });

  it('the file lives in storage, unreadable to clients; a bad period is INVALID_ARGUMENT; only boss and ops export', async () => {
    const r = await t.cloud.ok<Exported>('admin', { action: 'export', kind: 'orders', from: '2026-06-01', to: '2026-06-01' }, BOSS);
    expect(r.fileId).toMatch(/^cloud:\/\/.+\/exports\/.+\/orders-2026-06-01-2026-06-01\.csv$/);
    const client = await fetch(`${t.cloud.url}/client/storage/getTempFileURL`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': 'o_cust_1' }, body: JSON.stringify({ fileList: [r.fileId] }) });
    expect(((await client.json()) as { fileList: Array<{ status: number }> }).fileList[0].status).toBe(-1);
    for (const [from, to] of [['2026-06-02', '2026-06-01'], ['2025-01-01', '2026-06-01']]) {
      const bad = await t.cloud.call('admin', { action: 'export', kind: 'orders', from, to }, BOSS);
      expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_ARGUMENT');
    }
    const sales = await t.cloud.call('admin', { action: 'export', kind: 'orders', from: '2026-06-01', to: '2026-06-01' }, 'o_sales_li');
    expect(sales.ok ? 'ok' : sales.error.code).toBe('PERMISSION_DENIED');
  });
});

describe('the demo seed of npm start', () => {
  it('gives the back office something to show: settled commission with one open payout request, a referral held for review', async () => {
    await t.cloud.cloud.seed({ demo: true });
    const zhao = await t.cloud.ok<{ balance: { balanceFen: number; reservedFen: number; availableFen: number }; openPayoutId: string | null; items: unknown[] }>('payout', { action: 'mine' }, 'o_sales_zhao');
    expect(zhao).toMatchObject({ balance: { balanceFen: 15_600, reservedFen: 5_000, availableFen: 10_600 }, openPayoutId: 'po_demo_zhao_1' });
    expect(zhao.items).toHaveLength(1);
    expect(await t.cloud.ok<Queues>('admin', { action: 'queues' }, BOSS)).toMatchObject({ payoutsRequested: 1, referralsToReview: 1, invalidDocuments: 0 });
    const again = await t.cloud.call('payout', { action: 'request', amountFen: 1_000 }, 'o_sales_zhao');
    expect(again.ok ? 'ok' : again.error.code).toBe('FAILED_PRECONDITION');
  });
});
