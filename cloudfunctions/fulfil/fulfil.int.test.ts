/**
 * fulfil through the real SDK on the local cloud: the to-ship list (oldest paid first, stable
 * pages), shipping lines of one order and many from pasted rows, the group order that waits for
 * its team, and the race between a shipment and a refund of the same line. Envelopes and the
 * stored documents; the OrderShipped and TeamSucceeded messages in the local cloud's outbox.
 */
import { useTestCloud } from '../../emulator/testing';
import { doc, docs, expectMoneyBalances, HOME } from '../../tests/support/commerce';
import { acceptTemplates, outbox } from '../../tests/support/messages';
import { payOrder } from '../../tests/support/pay';
import { aLine, anOrder } from '../../tests/support/fixtures';

const t = useTestCloud();
const OPS = 'o_ops';
type Line = { lineId: string; state: string; shipmentId: string | null };
type OrderData = { orderId: string; status: string; lines: Line[]; shipments: Array<{ carrier: string; carrierName: string; trackingNo: string }> };

async function paidOrder(buyer: string, key: string, items = [{ productId: 'p03', qty: 1 }, { productId: 'p05', qty: 1 }]): Promise<OrderData> {
  const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items, idempotencyKey: key }, buyer);
  await payOrder(t.cloud, o.orderId, buyer);
  return t.cloud.ok<OrderData>('order', { action: 'get', orderId: o.orderId }, buyer);
}

describe('fulfil.toShip', () => {
  it('lists paid orders to ship, oldest paid first, with the buyer and lines; 30 orders paid at the same instant page 20 at a time, each seen once', async () => {
    const base = anOrder({ lines: [aLine('L1')] });
    const same = new Date('2026-05-31T00:00:00Z');
    for (let i = 0; i < 30; i++) {
      await t.cloud.db.collection('orders').add({ ...base, _id: `o_page_${String(i).padStart(2, '0')}`, status: 'to_ship', paidAt: same, tradeNo: `wx${i}`, paidFen: base.totalFen });
    }
    const first = await t.cloud.ok<{ items: Array<{ orderId: string; buyerName: string; lines: Line[] }>; nextCursor: string | null }>('fulfil', { action: 'toShip' }, OPS);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toMatchObject({ orderId: 'o_page_00', buyerName: '小美', lines: [{ lineId: 'L1', state: 'open' }] });
    const second = await t.cloud.ok<{ items: Array<{ orderId: string }>; nextCursor: string | null }>('fulfil', { action: 'toShip', cursor: first.nextCursor }, OPS);
    const ids = [...first.items, ...second.items].map((o) => o.orderId);
    expect(ids).toEqual(Array.from({ length: 30 }, (_, i) => `o_page_${String(i).padStart(2, '0')}`));
    expect(second.nextCursor).toBeNull();
    const bad = await t.cloud.call('fulfil', { action: 'toShip', cursor: 'nonsense' }, OPS);
    expect(bad.ok === false && bad.error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('fulfil.ship', () => {
  it('ships one line then the other: to_ship → to_ship → shipped; the buyer sees each parcel and is told once per acceptance (OrderShipped in the outbox)', async () => {
    await acceptTemplates(t.cloud, 'o_cust_2');
    const o = await paidOrder('o_cust_2', 'ship-two-1');
    expect(o.status).toBe('to_ship');
    const first = await t.cloud.ok<{ status: string; lineIds: string[]; alreadyShipped: boolean }>('fulfil', { action: 'ship', orderId: o.orderId, lineIds: ['L1'], carrier: 'SF', trackingNo: 'sf 1234-5678-90123' }, OPS);
    expect(first).toMatchObject({ status: 'to_ship', lineIds: ['L1'], alreadyShipped: false });
    const second = await t.cloud.ok<{ status: string }>('fulfil', { action: 'ship', orderId: o.orderId, lineIds: ['L2'], carrier: 'ZTO', trackingNo: '73100098765432' }, OPS);
    expect(second.status).toBe('shipped');

    const stored = await doc(t.cloud, 'orders', o.orderId);
    expect(stored).toMatchObject({ status: 'shipped', shippedAt: t.cloud.now(), outboxPendingCount: 0 });
    expect((stored?.lines as Line[]).map((l) => [l.lineId, l.state])).toEqual([['L1', 'shipped'], ['L2', 'shipped']]);
    expect(stored?.shipments).toEqual([
      expect.objectContaining({ lineIds: ['L1'], carrier: 'SF', trackingNo: 'SF1234567890123', shippedBy: OPS }),
      expect.objectContaining({ lineIds: ['L2'], carrier: 'ZTO', trackingNo: '73100098765432' }),
    ]);
    const seen = await t.cloud.ok<OrderData>('order', { action: 'get', orderId: o.orderId }, 'o_cust_2');
    expect(seen.shipments.map((s) => [s.carrierName, s.trackingNo])).toEqual([['顺丰速运', 'SF1234567890123'], ['中通快递', '73100098765432']]);

    const shipped = (await outbox(t.cloud)).filter((m) => m.templateId === 'tmpl_order_shipped');
    // The buyer accepted the template once: the first parcel is told, the second is not (WeChat: 43101).
    expect(shipped.map((m) => [m.touser, m.page, m.data])).toEqual([
      ['o_cust_2', `packageShop/order/index?id=${o.orderId}`, { character_string1: o.orderId, thing2: '福鼎白茶 寿眉', thing3: '顺丰速运', character_string4: 'SF1234567890123' }],
    ]);
    const records = await docs(t.cloud, 'messages', { orderId: o.orderId, purpose: 'shipped' });
    expect(records.map((m) => [m.eventId, m.status]).sort()).toEqual([
      [`OrderShipped:${(stored?.shipments as Array<{ shipmentId: string }>)[0].shipmentId}`, 'sent'],
      [`OrderShipped:${(stored?.shipments as Array<{ shipmentId: string }>)[1].shipmentId}`, 'not_accepted'],
    ].sort());
    await acceptTemplates(t.cloud, 'o_cust_2', ['tmpl_order_shipped']);
    const third = await paidOrder('o_cust_2', 'ship-two-2', [{ productId: 'p03', qty: 1 }]);
    await t.cloud.ok('fulfil', { action: 'ship', orderId: third.orderId, lineIds: ['L1'], carrier: 'JTSD', trackingNo: 'JT0001234567890' }, OPS);
    expect((await outbox(t.cloud)).filter((m) => m.templateId === 'tmpl_order_shipped').map((m) => m.data.thing3)).toEqual(['顺丰速运', '极兔速递']);
  });

  it('the same parcel again changes nothing (alreadyShipped); a shipped line, an order not to ship, a bad tracking number are refused with clear codes', async () => {
    const o = await paidOrder('o_cust_2', 'ship-again-1', [{ productId: 'p03', qty: 1 }]);
    const ship = (fields: Record<string, unknown>) => t.cloud.call<{ alreadyShipped: boolean }>('fulfil', { action: 'ship', orderId: o.orderId, lineIds: ['L1'], carrier: 'SF', trackingNo: 'SF1234567890123', ...fields }, OPS);
    expect((await ship({})).ok).toBe(true);
    const again = await ship({});
    expect(again.ok && again.data.alreadyShipped).toBe(true);
    const other = await ship({ trackingNo: 'SF9999999999999' });
    expect(other.ok === false && other.error.code).toBe('FAILED_PRECONDITION');
    expect((await doc(t.cloud, 'orders', o.orderId))?.shipments).toHaveLength(1);
    const bad = await ship({ trackingNo: '12' });
    expect(bad.ok === false && bad.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('trackingNo') });
    const pending = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'ship-unpaid-1' }, 'o_cust_2');
    const unpaid = await t.cloud.call('fulfil', { action: 'ship', orderId: pending.orderId, lineIds: ['L1'], carrier: 'SF', trackingNo: 'SF1234567890123' }, OPS);
    expect(unpaid.ok === false && unpaid.error.code).toBe('FAILED_PRECONDITION');
  });

  it('a group order waits for its team (paid, not to ship); the team’s success sends every member’s order to ship and tells each buyer', async () => {
    await acceptTemplates(t.cloud, 'o_cust_1');
    await acceptTemplates(t.cloud, 'o_cust_2');
    const team = await t.cloud.ok<{ orderId: string; teamId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p01_duo', idempotencyKey: 'ship-team-open' }, 'o_cust_1');
    await payOrder(t.cloud, team.orderId, 'o_cust_1');
    expect(await doc(t.cloud, 'orders', team.orderId)).toMatchObject({ status: 'paid' });
    const refused = await t.cloud.call('fulfil', { action: 'ship', orderId: team.orderId, lineIds: ['L1'], carrier: 'SF', trackingNo: 'SF1234567890123' }, OPS);
    expect(refused.ok === false && refused.error.code).toBe('FAILED_PRECONDITION');
    const joined = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: 'ship-team-join' }, 'o_cust_2');
    await payOrder(t.cloud, joined.orderId, 'o_cust_2');
    for (const id of [team.orderId, joined.orderId]) expect(await doc(t.cloud, 'orders', id)).toMatchObject({ status: 'to_ship', outboxPendingCount: 0 });
    const results = (await outbox(t.cloud)).filter((m) => m.templateId === 'tmpl_group_result');
    expect(results.map((m) => [m.touser, m.data.phrase2]).sort()).toEqual([['o_cust_1', '拼团成功'], ['o_cust_2', '拼团成功']]);
  });
});

describe('fulfil.shipMany', () => {
  it('ships each pasted row and reports its outcome; a row shipped again is already_shipped; bad rows are refused one by one', async () => {
    const a = await paidOrder('o_cust_2', 'many-ord-a', [{ productId: 'p03', qty: 1 }]);
    const b = await paidOrder('o_cust_3', 'many-ord-b', [{ productId: 'p05', qty: 1 }]);
    const pending = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'many-unpaid' }, 'o_cust_4');
    const rows = [
      { orderId: a.orderId, carrier: 'SF', trackingNo: 'SF1000000000001' },
      { orderId: b.orderId, carrier: 'YTO', trackingNo: 'YT1000000000002' },
      { orderId: pending.orderId, carrier: 'SF', trackingNo: 'SF1000000000003' },
      { orderId: 'o_no_such', carrier: 'SF', trackingNo: 'SF1000000000004' },
    ];
    const r = await t.cloud.ok<{ results: Array<{ orderId: string; outcome: string; code: string | null; status: string | null }> }>('fulfil', { action: 'shipMany', rows }, OPS);
    expect(r.results.map((x) => [x.outcome, x.code, x.status])).toEqual([
      ['shipped', null, 'shipped'],
      ['shipped', null, 'shipped'],
      ['refused', 'FAILED_PRECONDITION', null],
      ['refused', 'NOT_FOUND', null],
    ]);
    const again = await t.cloud.ok<{ results: Array<{ outcome: string }> }>('fulfil', { action: 'shipMany', rows: rows.slice(0, 2) }, OPS);
    expect(again.results.map((x) => x.outcome)).toEqual(['already_shipped', 'already_shipped']);
    expect((await doc(t.cloud, 'orders', a.orderId))?.shipments).toHaveLength(1);
    const twice = await t.cloud.call('fulfil', { action: 'shipMany', rows: [rows[0], rows[0]] }, OPS);
    expect(twice.ok === false && twice.error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('ship and refund racing on the same line', () => {
  // Both are moves of the line out of `open` (ship → shipped; refund → refunded, its stock back),
  // each guarded on the line as its caller read it: when both read `open`, exactly one moves it
  // and the other is refused with FAILED_PRECONDITION. A refund that reads the line after the
  // shipment is a different decision: a request then waits for review (buyer), or the refund
  // keeps no stock back (staff) — never a refund with stock back of goods that left.
  const race = async (i: number, refund: (orderId: string) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>) => {
    const o = await paidOrder('o_cust_2', `race-key-${i}`, [{ productId: 'p03', qty: 1 }]);
    const stockBefore = Number((await doc(t.cloud, 'skus', 'p03-s1'))?.stock);
    const [ship, back] = await Promise.all([
      t.cloud.call('fulfil', { action: 'ship', orderId: o.orderId, lineIds: ['L1'], carrier: 'SF', trackingNo: `SF10000000000${10 + i}` }, OPS),
      refund(o.orderId),
    ]);
    const stored = await doc(t.cloud, 'orders', o.orderId);
    const line = (stored?.lines as Line[])[0];
    const stock = Number((await doc(t.cloud, 'skus', 'p03-s1'))?.stock);
    for (const r of [ship, back]) if (!r.ok) expect(r.error?.code).toBe('FAILED_PRECONDITION');
    return { ship, back, state: line.state, shipments: (stored?.shipments as unknown[] | undefined) ?? [], stockBack: stock - stockBefore };
  };

  it('the buyer’s refund of an unshipped line (approved at once) and the shipment, 8 times at once: exactly one moves the line; stock back only when the refund won', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const r = await race(i, (orderId) => t.cloud.call<{ status: string }>('aftersale', { action: 'request', orderId, lineIds: ['L1'], kind: 'refund', reason: '不想要了' }, 'o_cust_2'));
      if (r.state === 'refunded') {
        expect([r.ship.ok, r.back.ok, r.shipments, r.stockBack]).toEqual([false, true, [], 1]);
        seen.add('refund won');
      } else {
        expect([r.state, r.ship.ok, r.stockBack]).toEqual(['shipped', true, 0]);
        // Refused in the race, or (read after the shipment) a request waiting for review.
        if (r.back.ok) expect((r.back.data as { status: string }).status).toBe('requested');
        seen.add(r.back.ok ? 'ship won, request for review' : 'ship won');
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(1);
    await expectMoneyBalances(t.cloud);
  });

  it('a staff refund and the shipment, 8 times at once: never a line both shipped and refunded with its stock back', async () => {
    for (let i = 0; i < 8; i++) {
      const r = await race(100 + i, (orderId) => t.cloud.call('order', { action: 'refund', orderId, lineIds: ['L1'] }, OPS));
      if (r.state === 'refunded') expect([r.ship.ok, r.back.ok, r.shipments, r.stockBack]).toEqual([false, true, [], 1]);
      else if (r.state === 'shipped') expect([r.ship.ok, r.back.ok, r.stockBack]).toEqual([true, false, 0]);
      // The refund read the line after the shipment: the goods are out, no stock comes back.
      else expect([r.state, r.ship.ok, r.back.ok, r.stockBack]).toEqual(['refunded_shipped', true, true, 0]);
    }
    await expectMoneyBalances(t.cloud);
  });
});
