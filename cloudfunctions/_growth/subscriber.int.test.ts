/**
 * The growth subscriber called directly with order events (as the outbox consumer does), against
 * the local cloud through the real SDK: idempotency under re-deliveries and concurrency.
 */
import { useTestCloud } from '../../emulator/testing';
import { orderCompleted, orderPaid, orderRefunded } from '../../shared/lifecycle';
import type { Order } from '../../shared/orders';
import { aLine, aPaidOrder } from '../../tests/support/fixtures';
import { attributeOrder } from './attribute-order';
import { applyGrowthOf } from './subscriber';
import { runGrowthSweep } from './sweep';

const t = useTestCloud();

const DAY = 86_400_000;
const ctx = () => ({ now: t.cloud.now(), requestId: 'test', newId: () => Math.random().toString(36).slice(2, 10) });
type Doc = Record<string, unknown> & { _id: string };
const list = async (collection: string, where: Record<string, unknown>) =>
  (await t.cloud.db.collection(collection).where(where).limit(1000).get()).data as Doc[];
const get = async (collection: string, id: string) => ((await t.cloud.db.collection(collection).doc(id).get()).data as Doc[])[0];

function order(id: string, lines: Array<[lineId: string, productId: string, qty: number, paidFen: number]>): Order {
  return aPaidOrder({
    _id: id,
    buyerOpenid: 'o_cust_1',
    attribution: { salesId: 'o_sales_li', shareId: null, rootShareId: null, depth: 0, referrerOpenid: null, experiments: {} },
    lines: lines.map(([lineId, productId, qty, paidFen]) => aLine(lineId, { productId, qty, paidFen })),
    paidAt: t.cloud.now(),
  });
}
const onOrderPaid = (c: ReturnType<typeof ctx>, o: Order) => applyGrowthOf(c, o, orderPaid(o.paidAt as Date));
const onOrderRefunded = (c: ReturnType<typeof ctx>, o: Order, lines: Array<{ lineId: string; refundFen: number; refundId: string }>) =>
  applyGrowthOf(c, o, orderRefunded(t.cloud.now(), { refundId: lines[0].refundId, lines: lines.map(({ lineId, refundFen }) => ({ lineId, refundFen })), full: false }));
const onCompleted = (c: ReturnType<typeof ctx>, o: Order) => applyGrowthOf(c, o, orderCompleted(t.cloud.now()));
const onSweep = runGrowthSweep;

describe('the growth subscriber', () => {
  it('a payment delivered 5 times at once accrues commission once (per-product override: fixed per unit)', async () => {
    const o = order('ord_pay5', [['l1', 'p01', 1, 15_000], ['l2', 'p11', 2, 70_000]]);
    await Promise.all(Array.from({ length: 5 }, () => onOrderPaid(ctx(), o)));
    const pending = await list('commission_ledger', { orderId: 'ord_pay5' });
    expect(pending.map((e) => [e.lineId, e.amountFen]).sort()).toEqual([['l1', 1500], ['l2', 6000]]);
    const day = await get('counters', 'd:2026-06-01');
    expect(day).toMatchObject({ all: expect.objectContaining({ paidOrders: 1, gmvFen: 85_000, commissionFen: 7500 }) });
    expect(await get('counters', 'totals')).toMatchObject({ s: { o_sales_li: { commissionFen: 7500 } } });
  });

  it('concurrent partial refunds of one line reverse exactly the whole commission once the line is fully refunded; replays add nothing', async () => {
    const o = order('ord_ref', [['l1', 'p01', 3, 9_999]]);
    await onOrderPaid(ctx(), o);
    const commission = Math.floor(9_999 / 10);
    await Promise.all([
      onOrderRefunded(ctx(), o, [{ lineId: 'l1', refundFen: 3_333, refundId: 'r1' }]),
      onOrderRefunded(ctx(), o, [{ lineId: 'l1', refundFen: 3_333, refundId: 'r2' }]),
      onOrderRefunded(ctx(), o, [{ lineId: 'l1', refundFen: 3_333, refundId: 'r3' }]),
    ]);
    await onOrderRefunded(ctx(), o, [{ lineId: 'l1', refundFen: 3_333, refundId: 'r2' }]); // replay
    const reversed = await list('commission_ledger', { orderId: 'ord_ref', kind: 'reversed' });
    expect(reversed).toHaveLength(3);
    expect(reversed.reduce((s, e) => s + Number(e.amountFen), 0)).toBe(commission);
    expect(await get('growth_orders', 'ord_ref')).toMatchObject({ refundedFen: 9_999, refundedByLine: { l1: 9_999 } });
  });

  it('commission stays pending past any window until the order completes; OrderCompleted delivered twice at once settles each line once; a refund after settlement lowers the settleable balance', async () => {
    const o = order('ord_settle', [['l1', 'p03', 1, 10_000], ['l2', 'p05', 1, 8_000]]);
    await onOrderPaid(ctx(), o);
    t.cloud.advanceClock(30 * DAY);
    await onSweep(ctx());
    expect((await list('commission_ledger', { orderId: 'ord_settle' })).map((e) => e.kind).sort()).toEqual(['pending', 'pending']);
    const [x, y] = await Promise.all([onCompleted(ctx(), o), onCompleted(ctx(), o)]);
    expect([x.settled, y.settled]).toEqual([{ salesId: 'o_sales_li', amountFen: 1800 }, { salesId: 'o_sales_li', amountFen: 1800 }]);
    expect((await list('commission_ledger', { orderId: 'ord_settle', kind: 'settleable' })).map((e) => [e.lineId, e.amountFen]).sort()).toEqual([['l1', 1000], ['l2', 800]]);
    await onOrderRefunded(ctx(), o, [{ lineId: 'l1', refundFen: 5_000, refundId: 'late1' }]);
    const ledger = await t.cloud.ok<{ totals: { pendingFen: number; settleableFen: number; reversedFen: number; owedFen: number } }>('sales', { action: 'ledger' }, 'o_sales_li');
    expect(ledger.totals).toMatchObject({ pendingFen: 0, settleableFen: 1000 + 800 - 500, reversedFen: 500, owedFen: 1300 });
    const totals = await get('counters', 'totals');
    expect(totals).toMatchObject({ s: { o_sales_li: { commissionFen: 1800, settledFen: 1800, reversedFen: 500 } } });
  });

  it('no salesperson, no commission; an inactive plan is not used', async () => {
    await onOrderPaid(ctx(), { ...order('ord_none', [['l1', 'p01', 1, 5_000]]), attribution: { salesId: null, shareId: null, rootShareId: null, depth: 0, referrerOpenid: null, experiments: {} } });
    expect(await list('commission_ledger', { orderId: 'ord_none' })).toHaveLength(0);
    await t.cloud.db.collection('commission_plans').doc('cp_default').update({ status: 'paused' });
    await onOrderPaid(ctx(), order('ord_paused', [['l1', 'p01', 1, 5_000]]));
    expect(await list('commission_ledger', { orderId: 'ord_paused' })).toHaveLength(0);
  });

  it('a malformed commission plan never pays a silent zero: the commission waits (with the reason), and the sweep computes it once the plan is fixed — once, with refunds made meanwhile reversed', async () => {
    await t.cloud.db.collection('commission_plans').doc('cp_default').update({ defaultRule: { type: 'percent', rateBp: 'ten' } });
    const o = order('ord_bad', [['l1', 'p01', 1, 5_000], ['l2', 'p03', 1, 8_000]]);
    await expect(onOrderPaid(ctx(), o)).resolves.toEqual({});
    expect(await list('commission_ledger', { orderId: 'ord_bad' })).toHaveLength(0);
    expect(await get('growth_orders', 'ord_bad')).toMatchObject({
      salesId: 'o_sales_li',
      commissionStatus: 'waiting',
      commissionFen: 0,
      commissionWaiting: { problems: [expect.stringMatching(/^commission_plans\/cp_default defaultRule/)] },
    });
    // Still invalid: the sweep leaves it waiting. A refund meanwhile has nothing to reverse yet;
    // the order completing meanwhile settles nothing yet (it is marked to settle once computed).
    expect((await onSweep(ctx())).commissionWaiting).toBe(1);
    expect(await onCompleted(ctx(), o)).toEqual({});
    await onOrderRefunded(ctx(), o, [{ lineId: 'l2', refundFen: 4_000, refundId: 'r_wait' }]);
    expect(await list('commission_ledger', { orderId: 'ord_bad' })).toHaveLength(0);

    await t.cloud.db.collection('commission_plans').doc('cp_default').update({ defaultRule: { type: 'percent', rateBp: 1000 } });
    const [x, y] = await Promise.all([onSweep(ctx()), onSweep(ctx())]);
    expect(x.commissionComputed + y.commissionComputed).toBe(1);
    const entries = await list('commission_ledger', { orderId: 'ord_bad' });
    expect(entries.map((e) => [e.kind, e.lineId, e.amountFen]).sort()).toEqual([['pending', 'l1', 500], ['pending', 'l2', 800], ['reversed', 'l2', 400], ['settleable', 'l1', 500], ['settleable', 'l2', 400]]);
    expect(await get('growth_orders', 'ord_bad')).toMatchObject({ commissionStatus: 'computed', commissionFen: 1_300, planId: 'cp_default', commissionWaiting: null });
    expect(await get('counters', 'totals')).toMatchObject({ s: { o_sales_li: { commissionFen: 1_300, reversedFen: 400 } } });
    // A later refund of the rest reverses the rest, exactly the whole commission of the line.
    await onOrderRefunded(ctx(), o, [{ lineId: 'l2', refundFen: 4_000, refundId: 'r_rest' }]);
    const reversedL2 = (await list('commission_ledger', { orderId: 'ord_bad', kind: 'reversed', lineId: 'l2' })).reduce((s, e) => s + Number(e.amountFen), 0);
    expect(reversedL2).toBe(800);
    expect((await onSweep(ctx())).commissionComputed).toBe(0);
  });

  it('a plan naming the salesperson pays them instead of the default, snapshotted on the entries', async () => {
    await t.cloud.db.collection('commission_plans').add({ _id: 'cp_li', status: 'active', salesIds: ['o_sales_li'], defaultRule: { type: 'percent', rateBp: 2000 }, overrides: {}, settleAfterDays: 7 });
    await onOrderPaid(ctx(), order('ord_li', [['l1', 'p01', 1, 5_000]]));
    expect((await list('commission_ledger', { orderId: 'ord_li' })).map((e) => [e.amountFen, e.planId, e.rule])).toEqual([[1_000, 'cp_li', { type: 'percent', rateBp: 2000 }]]);
    const wang = { ...order('ord_wang', [['l1', 'p01', 1, 5_000]]), attribution: { salesId: 'o_sales_wang', shareId: null, rootShareId: null, depth: 0, referrerOpenid: null, experiments: {} } };
    await onOrderPaid(ctx(), wang);
    expect((await list('commission_ledger', { orderId: 'ord_wang' })).map((e) => [e.amountFen, e.planId])).toEqual([[500, 'cp_default']]);
  });

  it('attribution follows the binding at creation time and exposes the buyer to live experiments', async () => {
    const s = await t.cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    await t.cloud.ok('share', { action: 'open', shareId: s.shareId }, 'o_cust_2');
    const buyer = (await get('users', 'o_cust_2')) as Doc;
    const a = await attributeOrder(ctx(), buyer);
    expect(a).toMatchObject({ salesId: 'o_sales_li', shareId: s.shareId, rootShareId: s.shareId, depth: 1, referrerOpenid: null });
    expect(Object.keys(a.experiments)).toEqual(['cardCopy']);
    expect(await attributeOrder(ctx(), buyer)).toEqual(a);
    const staff = await attributeOrder(ctx(), (await get('users', 'o_sales_li')) as Doc, s.shareId);
    expect(staff.salesId).toBeNull();
  });
});
