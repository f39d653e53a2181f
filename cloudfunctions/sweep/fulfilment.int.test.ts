/**
 * Receipt and completion through the real SDK on the local cloud: the buyer's confirmation and
 * the sweep's auto-confirmation at once make one transition; the sweep completes a received order
 * once the after-sale window closed — not while a request is open — and only then does the
 * salesperson's commission become settleable (told by the commission-settled message).
 */
import { AS_FUNCTION, useTestCloud } from '../../emulator/testing';
import { doc, docs, HOME } from '../../tests/support/commerce';
import { acceptTemplates, outbox } from '../../tests/support/messages';
import { payOrder } from '../../tests/support/pay';

const t = useTestCloud();
const OPS = 'o_ops';
const SALES = 'o_sales_li';
const DAY = 86_400_000;
const kinds = async (orderId: string) => (await docs(t.cloud, 'commission_ledger', { orderId })).map((e) => e.kind).sort();

/** A paid order of `buyer` through 李娜's share, shipped by ops. */
async function shipped(buyer: string, key: string): Promise<string> {
  const s = await t.cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: SALES }, channel: 'card' }, SALES);
  await t.cloud.ok('share', { action: 'open', shareId: s.shareId }, buyer);
  const o = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: key }, buyer);
  await payOrder(t.cloud, o.orderId, buyer);
  await t.cloud.ok('fulfil', { action: 'ship', orderId: o.orderId, lineIds: ['L1'], carrier: 'SF', trackingNo: 'SF1234567890123' }, OPS);
  return o.orderId;
}

describe('receipt', () => {
  it('the buyer confirming while two sweeps auto-confirm, 5 times over: one transition each time; the buyer always gets the order as received', async () => {
    for (let i = 0; i < 5; i++) {
      const orderId = await shipped('o_cust_2', `recv-race-${i}`);
      t.cloud.advanceClock(11 * DAY);
      const [buyer, a, b] = await Promise.all([
        t.cloud.call<{ status: string; receivedBy: string }>('order', { action: 'confirmReceipt', orderId }, 'o_cust_2'),
        t.cloud.ok<{ ordersReceived: number }>('sweep', { action: 'run' }, AS_FUNCTION),
        t.cloud.ok<{ ordersReceived: number }>('sweep', { action: 'run' }, AS_FUNCTION),
      ]);
      const stored = await doc(t.cloud, 'orders', orderId);
      expect(stored).toMatchObject({ status: 'received', receivedAt: t.cloud.now() });
      expect(buyer.ok && buyer.data.status).toBe('received');
      // Exactly one of the three moved it: the buyer (receivedBy buyer) or one sweep (auto).
      const movers = (stored?.receivedBy === 'buyer' ? 1 : 0) + a.ordersReceived + b.ordersReceived;
      expect(movers).toBe(1);
    }
  });

  it('the sweep confirms only after the auto-confirm days; a buyer cannot confirm an order not shipped, nor someone else’s', async () => {
    const orderId = await shipped('o_cust_3', 'recv-auto-1');
    t.cloud.advanceClock(9 * DAY);
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
    expect(await doc(t.cloud, 'orders', orderId)).toMatchObject({ status: 'shipped' });
    t.cloud.advanceClock(2 * DAY);
    expect((await t.cloud.ok<{ ordersReceived: number }>('sweep', { action: 'run' }, AS_FUNCTION)).ordersReceived).toBe(1);
    expect(await doc(t.cloud, 'orders', orderId)).toMatchObject({ status: 'received', receivedBy: 'auto' });

    const other = await t.cloud.call('order', { action: 'confirmReceipt', orderId }, 'o_cust_2');
    expect(other.ok === false && other.error.code).toBe('NOT_FOUND');
    const o = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p05', qty: 1 }], idempotencyKey: 'recv-unshipped' }, 'o_cust_3');
    await payOrder(t.cloud, o.orderId, 'o_cust_3');
    const early = await t.cloud.call('order', { action: 'confirmReceipt', orderId: o.orderId }, 'o_cust_3');
    expect(early.ok === false && early.error.code).toBe('FAILED_PRECONDITION');
  });
});

describe('completion', () => {
  it('received → completed when the window closes with no request open; only then the commission becomes settleable and the salesperson is told', async () => {
    await acceptTemplates(t.cloud, SALES, ['tmpl_commission_settled']);
    const orderId = await shipped('o_cust_2', 'complete-1');
    await t.cloud.ok('order', { action: 'confirmReceipt', orderId }, 'o_cust_2');
    expect(await kinds(orderId)).toEqual(['pending']);
    t.cloud.advanceClock(6 * DAY);
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
    expect(await doc(t.cloud, 'orders', orderId)).toMatchObject({ status: 'received' });
    expect(await kinds(orderId)).toEqual(['pending']);

    t.cloud.advanceClock(2 * DAY);
    const [a, b] = await Promise.all([t.cloud.ok<{ ordersCompleted: number }>('sweep', { action: 'run' }, AS_FUNCTION), t.cloud.ok<{ ordersCompleted: number }>('sweep', { action: 'run' }, AS_FUNCTION)]);
    expect(a.ordersCompleted + b.ordersCompleted).toBe(1);
    expect(await doc(t.cloud, 'orders', orderId)).toMatchObject({ status: 'completed', completedAt: t.cloud.now(), outboxPendingCount: 0 });
    expect(await kinds(orderId)).toEqual(['pending', 'settleable']);
    const pending = (await docs(t.cloud, 'commission_ledger', { orderId, kind: 'pending' }))[0];
    const told = (await outbox(t.cloud)).filter((m) => m.templateId === 'tmpl_commission_settled');
    expect(told.map((m) => [m.touser, m.data.character_string1, m.data.amount2])).toEqual([[SALES, orderId, `¥${(Number(pending.amountFen) / 100).toFixed(2)}`]]);
    // A completed order takes no request: its window has closed.
    const late = await t.cloud.call('aftersale', { action: 'request', orderId, lineIds: ['L1'], kind: 'return', reason: '晚了' }, 'o_cust_2');
    expect(late.ok === false && late.error.code).toBe('EXPIRED');
  });

  it('an open after-sale request holds completion (and the commission) until it closes', async () => {
    const orderId = await shipped('o_cust_4', 'complete-held');
    await t.cloud.ok('order', { action: 'confirmReceipt', orderId }, 'o_cust_4');
    const asked = await t.cloud.ok<{ requestId: string }>('aftersale', { action: 'request', orderId, lineIds: ['L1'], kind: 'return', reason: '有破损' }, 'o_cust_4');
    t.cloud.advanceClock(8 * DAY);
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
    expect(await doc(t.cloud, 'orders', orderId)).toMatchObject({ status: 'received' });
    expect(await kinds(orderId)).toEqual(['pending']);
    await t.cloud.ok('aftersale', { action: 'review', requestId: asked.requestId, approve: false, note: '照片看不出破损' }, OPS);
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
    expect(await doc(t.cloud, 'orders', orderId)).toMatchObject({ status: 'completed' });
    expect(await kinds(orderId)).toEqual(['pending', 'settleable']);
  });
});
