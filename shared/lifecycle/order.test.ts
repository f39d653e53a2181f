/** Given/when/then for the order decider, order creation and the reactions to order events (no database). */
import { decider } from '../../tests/support/decider';
import { aCoupon, aLine, anOrder, aPaidOrder, aTeam, at, DUO, NOW } from '../../tests/support/fixtures';
import { decideCreateOrder, type NewOrderInput } from './create-order';
import { orderCompleted, orderCreated, orderPaid, orderRefunded, orderShipped } from './events';
import { lineStateOf } from './lines';
import { closeReasonFor, decideOrder, decideStartPayment, payDecision, type OrderCommand } from './order';
import { reactToOrderEvent } from './reactions';
import { NO_DELIVERY } from '../shipping/delivery';

const order = decider(decideOrder);
const refundIdFor = (ids: string[]) => `r_${ids.join('_')}`;
const refund = (lineIds?: string[]): Extract<OrderCommand, { type: 'refund' }> => ({ type: 'refund', lineIds, reason: 'buyer_refund', provider: 'cloudpay', refundIdFor });
const groupOrder = anOrder({ kind: 'group', teamId: 't1', memberId: 't1_o_cust_1', dealTerms: DUO, couponId: 'c1' });

describe('pay', () => {
  it('given an unpaid order, when paid the exact amount, then it is paid and records OrderPaid', () => {
    order
      .given(anOrder())
      .when({ type: 'pay', tradeNo: 'wx1', amountFen: 9800 }, NOW)
      .then({
        next: 'paid',
        change: { move: 'pay', set: { status: 'paid', tradeNo: 'wx1', paidFen: 9800, paidAt: NOW }, requires: [{ field: 'totalFen', op: 'eq', value: 9800 }] },
        effects: [{ type: 'emit', event: orderPaid(NOW) }],
      });
  });

  it('given an unpaid order, when paid another amount, then it is refused', () => {
    order.given(anOrder()).when({ type: 'pay', tradeNo: 'wx1', amountFen: 9801 }, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('given a paid or cancelled order, when paid again, then the table refuses it', () => {
    order.given(aPaidOrder()).when({ type: 'pay', tradeNo: 'wx2', amountFen: 9800 }, NOW).thenRefused('FAILED_PRECONDITION');
    order.given(anOrder({ status: 'cancelled' })).when({ type: 'pay', tradeNo: 'wx2', amountFen: 9800 }, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('payDecision writes the same move blind: the guard carries the state and the amount', () => {
    expect(payDecision('o1', { tradeNo: 'wx1', amountFen: 9800 }, NOW)).toEqual(decideOrder(anOrder(), { type: 'pay', tradeNo: 'wx1', amountFen: 9800 }, NOW));
  });
});

describe('cancel and close', () => {
  it('given an unpaid group order with a coupon, when cancelled, then stock, coupon, seat and deal use come back once its charge is closed', () => {
    order
      .given(groupOrder)
      .when({ type: 'cancel' }, NOW)
      .then({
        next: 'cancelled',
        gate: { type: 'closeCharge', orderId: 'o1' },
        change: { move: 'cancel', set: { status: 'cancelled', closeReason: 'buyer_cancelled', closedAt: NOW } },
        effects: [
          { type: 'returnStock', skuId: 'p03-s1', qty: 1, holdId: 'o1:L1' },
          { type: 'releaseCoupon', couponId: 'c1', orderId: 'o1' },
          { type: 'releaseSeat', teamId: 't1', memberId: 't1_o_cust_1', orderId: 'o1' },
          { type: 'uncountDealUse', dealId: 'gd_p01_duo', openid: 'o_cust_1', orderId: 'o1' },
        ],
      });
  });

  it('given an unpaid order, when the sweep closes it, then it is closed with its reason', () => {
    order
      .given(anOrder())
      .when({ type: 'close', reason: 'pay_timeout' }, NOW)
      .then({ next: 'closed', gate: { type: 'closeCharge', orderId: 'o1' }, change: { set: { closeReason: 'pay_timeout' } } });
  });

  it.each([
    ['a plain order', 'pay_timeout', { teamId: null }, undefined],
    ['a member of a forming team still open', 'pay_timeout', { teamId: 't1' }, aTeam({ status: 'forming', expiresAt: at(60) })],
    ['a member of a team past its expiry', 'team_failed', { teamId: 't1' }, aTeam({ status: 'forming', expiresAt: at(-1) })],
    ['a member of a failed team', 'team_failed', { teamId: 't1' }, aTeam({ status: 'failed', expiresAt: at(-60) })],
  ] as const)('the sweep closes %s past its pay deadline as %s, whichever sweep step reaches it', (_what, reason, order, team) => {
    expect(closeReasonFor(order, team, NOW)).toBe(reason);
  });

  it('given a paid order, when cancelled or closed, then the table refuses it', () => {
    order.given(aPaidOrder()).when({ type: 'cancel' }, NOW).thenRefused('FAILED_PRECONDITION');
    order.given(aPaidOrder()).when({ type: 'close', reason: 'pay_timeout' }, NOW).thenRefused('FAILED_PRECONDITION');
  });
});

describe('refund', () => {
  const twoLines = aPaidOrder({ lines: [aLine('L1', { paidFen: 9000 }), aLine('L2', { skuId: 'p05-s1', qty: 2, paidFen: 3000 })] });

  it('given a paid 2-line order, when one line is refunded, then the order stays paid (a partial refund is the line’s state), that line’s money and stock go back (stock with the refund)', () => {
    const d = order
      .given(twoLines)
      .when(refund(['L2']), NOW)
      .then({
        next: 'paid',
        change: { move: 'refundPart', set: { status: 'paid', refundedFen: 3000 } },
        lineMoves: [{ lineId: 'L2', move: 'refund', from: 'open', to: 'refunded' }],
        effects: [
          { type: 'refund', refund: { _id: 'r_L2', lines: [{ lineId: 'L2', refundFen: 3000 }], refundFen: 3000, reason: 'buyer_refund', status: 'pending' }, orderTotalFen: 12000 },
          { type: 'restock', skuId: 'p05-s1', qty: 2, holdId: 'o1:L2' },
          { type: 'emit', event: orderRefunded(NOW, { refundId: 'r_L2', lines: [{ lineId: 'L2', refundFen: 3000 }], full: false, reason: 'buyer_refund', refundFen: 3000 }) },
        ],
      });
    const lines = d.change.set.lines as typeof twoLines.lines;
    expect(lines.map(lineStateOf)).toEqual(['open', 'refunded']);
  });

  it('given an order with one line refunded, when the rest is refunded, then it is refunded and the event says full', () => {
    const partly = { ...twoLines, refundedFen: 3000, lines: [twoLines.lines[0], { ...twoLines.lines[1], refundedFen: 3000, refundId: 'r_L2', state: 'refunded' as const }] };
    const d = order.given(partly).when(refund(), NOW).then({ next: 'refunded', change: { move: 'refundAll', set: { refundedFen: 12000 } } });
    expect(d.effects.at(-1)).toEqual({ type: 'emit', event: orderRefunded(NOW, { refundId: 'r_L1', lines: [{ lineId: 'L1', refundFen: 9000 }], full: true, reason: 'buyer_refund', refundFen: 9000 }) });
  });

  it('given an order with shipping, a refund of some lines keeps it; the refund of the last lines gives it back', () => {
    const shipped = aPaidOrder({ lines: twoLines.lines, shippingFen: 600, totalFen: 12600, paidFen: 12600 });
    const part = order.given(shipped).when(refund(['L2']), NOW).then({ change: { set: { refundedFen: 3000 } } });
    expect(part.effects[0]).toMatchObject({ refund: { refundFen: 3000, shippingFen: 0 } });
    const partly = { ...shipped, refundedFen: 3000, lines: [shipped.lines[0], { ...shipped.lines[1], refundedFen: 3000, refundId: 'r_L2', state: 'refunded' as const }] };
    const rest = order.given(partly).when(refund(), NOW).then({ next: 'refunded', change: { set: { refundedFen: 12600 } } });
    expect(rest.effects[0]).toMatchObject({ refund: { lines: [{ lineId: 'L1', refundFen: 9000 }], shippingFen: 600, refundFen: 9600 }, orderTotalFen: 12600 });
  });

  it('given a refunded line, an unknown line or an unpaid order, then the refund is refused', () => {
    const partly = { ...twoLines, lines: [twoLines.lines[0], { ...twoLines.lines[1], refundId: 'r_L2', state: 'refunded' as const }] };
    order.given(partly).when(refund(['L2']), NOW).thenRefused('FAILED_PRECONDITION');
    order.given(twoLines).when(refund(['L9']), NOW).thenRefused('INVALID_ARGUMENT');
    order.given(anOrder()).when(refund(), NOW).thenRefused('FAILED_PRECONDITION');
    order.given(aPaidOrder({ status: 'refunded' })).when(refund(), NOW).thenRefused('FAILED_PRECONDITION');
  });
});

describe('acceptLatePayment', () => {
  const late = { type: 'acceptLatePayment', tradeNo: 'wx9', amountFen: 9800, provider: 'cloudpay', refundId: 'rl1' } as const;

  it('given a cancelled order, when money arrives, then it is recorded (paid = refunded) and sent back', () => {
    order
      .given(anOrder({ status: 'cancelled' }))
      .when(late, NOW)
      .then({
        next: 'cancelled',
        change: { move: 'acceptLatePayment', set: { paidFen: 9800, refundedFen: 9800, tradeNo: 'wx9' }, requires: [{ field: 'tradeNo', op: 'eq', value: null }] },
        effects: [{ type: 'refund', refund: { _id: 'rl1', refundFen: 9800, reason: 'late_payment', lines: [] } }],
      });
  });

  it('given an unpaid or paid order, then the table refuses it', () => {
    order.given(anOrder()).when(late, NOW).thenRefused('FAILED_PRECONDITION');
    order.given(aPaidOrder()).when(late, NOW).thenRefused('FAILED_PRECONDITION');
  });
});

describe('decideStartPayment', () => {
  const start = decider((o: ReturnType<typeof anOrder>, team: ReturnType<typeof aTeam> | null, now: Date) => decideStartPayment(o, team, now));

  it('given a fresh order, paying may start; after its deadline it is EXPIRED; a paid one is refused', () => {
    expect(() => decideStartPayment(anOrder(), null, NOW)).not.toThrow();
    start.given(anOrder()).when(null, at(15)).thenRefused('EXPIRED');
    start.given(aPaidOrder()).when(null, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('given a group order, its team must still take payments', () => {
    expect(() => decideStartPayment(groupOrder, aTeam(), NOW)).not.toThrow();
    start.given(groupOrder).when(aTeam({ status: 'failed' }), NOW).thenRefused('EXPIRED');
    start.given(groupOrder).when(aTeam({ expiresAt: NOW }), NOW).thenRefused('EXPIRED');
    start.given(groupOrder).when(null, NOW).thenRefused('EXPIRED');
  });
});

describe('decideCreateOrder', () => {
  const line = aLine('L1');
  const cartLine = { lineId: 'L1', productId: 'p01', skuId: 'p01-s1', title: 'p01', skuName: 's1', qty: 1, unitPriceFen: 12800, listPriceFen: 16800 };
  const input = (over: Partial<NewOrderInput> = {}): NewOrderInput => ({
    orderId: 'o1',
    buyerOpenid: 'o_cust_1',
    idempotencyKey: 'key-0001',
    cart: { mode: 'items', lines: [line], activityDiscountFen: 0, terms: null, team: null },
    coupon: null,
    delivery: NO_DELIVERY,
    attribution: anOrder().attribution,
    newTeamId: 't_new',
    now: NOW,
    payDeadlineAt: at(15),
    ...over,
  });
  const create = decider((i: NewOrderInput) => decideCreateOrder(i));

  it('given items and a coupon, then the order is pending and reserves coupon then stock, and records OrderCreated', () => {
    create
      .given(input({ coupon: aCoupon() }))
      .when(undefined, NOW)
      .then({
        order: { _id: 'o1', status: 'pending_pay', kind: 'normal', totalFen: 9300, couponId: 'c1', teamId: null },
        effects: [
          { type: 'lockCoupon', couponId: 'c1', orderId: 'o1', ownerOpenid: 'o_cust_1' },
          { type: 'reserveStock', skuId: 'p03-s1', qty: 1 },
          { type: 'emit', event: orderCreated(NOW) },
        ],
      });
  });

  it('given a deal, when a team is opened, then the team, the leader’s seat and the deal use come first', () => {
    const d = create
      .given(input({ cart: { mode: 'open', lines: [cartLine], activityDiscountFen: 0, terms: DUO, team: null } }))
      .when(undefined, NOW)
      .then({ order: { kind: 'group', teamId: 't_new', memberId: 't_new_o_cust_1' } });
    expect(d.effects.map((e) => e.type)).toEqual(['openTeam', 'takeSeat', 'countDealUse', 'reserveStock', 'emit']);
    expect(d.effects[0]).toMatchObject({ team: { _id: 't_new', status: 'forming', seatsTaken: 1, size: 2 } });
  });

  it('given a team, when joined, then the seat is taken in that team, before it expires', () => {
    const d = create
      .given(input({ cart: { mode: 'join', lines: [cartLine], activityDiscountFen: 0, terms: DUO, team: aTeam() } }))
      .when(undefined, NOW)
      .then({ order: { teamId: 't1', memberId: 't1_o_cust_1' } });
    expect(d.effects[0]).toEqual({ type: 'takeSeat', member: expect.objectContaining({ _id: 't1_o_cust_1', isLeader: false }), size: 2, expiresAt: aTeam().expiresAt });
    expect(d.effects.map((e) => e.type)).toEqual(['takeSeat', 'countDealUse', 'reserveStock', 'emit']);
  });

  it('given a delivery, then the order keeps the address snapshot and the shipping apart from its lines', () => {
    const home = { addressId: 'a_home', name: '小美', phone: '13800000001', province: '广东省', city: '深圳市', district: '南山区', detail: '科苑路15号', postalCode: null };
    create
      .given(input({ delivery: { address: home, shipping: { flatFeeFen: 600, freeOverFen: 20000 } } }))
      .when(undefined, NOW)
      .then({ order: { address: home, subtotalFen: 9800, shippingFen: 600, totalFen: 10400, lines: [expect.objectContaining({ paidFen: 9800 })] } });
    create.given(input({ delivery: { address: home, shipping: { flatFeeFen: 600, freeOverFen: 9800 } } })).when(undefined, NOW).then({ order: { shippingFen: 0, totalFen: 9800 } });
  });

  it('a coupon on a group order needs the deal or the coupon to allow it; a coupon giving nothing is refused', () => {
    const group = { mode: 'open' as const, lines: [cartLine], activityDiscountFen: 0, terms: DUO, team: null };
    create.given(input({ cart: group, coupon: aCoupon() })).when(undefined, NOW).thenRefused('NOT_ELIGIBLE');
    create.given(input({ cart: group, coupon: aCoupon({ allowOnGroup: true }) })).when(undefined, NOW).then({ order: { couponId: 'c1' } });
    create.given(input({ cart: { ...group, terms: { ...DUO, allowCoupon: true } }, coupon: aCoupon() })).when(undefined, NOW).then({ order: { couponId: 'c1' } });
    const threshold = aCoupon({ rule: { kind: 'threshold_off', thresholdFen: 100000, amountOffFen: 1000 } });
    create.given(input({ coupon: threshold })).when(undefined, NOW).thenRefused('NOT_ELIGIBLE');
  });
});

describe('reactions to order events', () => {
  it('OrderPaid: the stock holds become sales, the coupon is used and the member paid', () => {
    expect(reactToOrderEvent(groupOrder, orderPaid(NOW))).toEqual([
      { type: 'settleStock', skuId: 'p03-s1', holdId: 'o1:L1' },
      { type: 'useCoupon', couponId: 'c1', orderId: 'o1' },
      { type: 'payMember', teamId: 't1', memberId: 't1_o_cust_1' },
    ]);
  });

  it('OrderRefunded: only a full refund returns the coupon and refunds the member', () => {
    const lines = [{ lineId: 'L1', refundFen: 9800 }];
    expect(reactToOrderEvent(groupOrder, orderRefunded(NOW, { refundId: 'r1', lines, full: false }))).toEqual([]);
    expect(reactToOrderEvent(groupOrder, orderRefunded(NOW, { refundId: 'r1', lines, full: true }))).toEqual([
      { type: 'returnCoupon', couponId: 'c1', orderId: 'o1' },
      { type: 'refundMember', memberId: 't1_o_cust_1' },
    ]);
  });

  it('OrderPaid of a normal order sends it to the warehouse; a group order waits for its team', () => {
    expect(reactToOrderEvent(anOrder(), orderPaid(NOW)).filter((e) => e.type !== 'settleStock')).toEqual([{ type: 'readyToShip', orderId: 'o1' }]);
    expect(reactToOrderEvent(groupOrder, orderPaid(NOW)).map((e) => e.type)).not.toContain('readyToShip');
  });

  it('OrderCreated and the fulfilment events: nothing to do; a plain order paid: its stock holds become sales and it goes to the warehouse', () => {
    expect(reactToOrderEvent(groupOrder, orderCreated(NOW))).toEqual([]);
    expect(reactToOrderEvent(anOrder(), orderPaid(NOW))).toEqual([{ type: 'settleStock', skuId: 'p03-s1', holdId: 'o1:L1' }, { type: 'readyToShip', orderId: 'o1' }]);
    expect(reactToOrderEvent(anOrder(), orderCompleted(NOW))).toEqual([]);
  });
});

describe('fulfilment: to the warehouse, ship, receipt, completion', () => {
  const twoLines = (over: Partial<ReturnType<typeof aPaidOrder>> = {}) => aPaidOrder({ lines: [aLine('L1', { paidFen: 9000 }), aLine('L2', { skuId: 'p05-s1', qty: 2, paidFen: 3000 })], ...over });
  const ship = (lineIds: string[], shipmentId = 'sh1'): OrderCommand => ({ type: 'ship', lineIds, shipmentId, carrier: 'SF', trackingNo: 'SF1234567890123', by: 'o_ops' });
  const shippedL1 = () => twoLines({ status: 'to_ship', lines: [aLine('L1', { paidFen: 9000, state: 'shipped', shipmentId: 'sh1' }), aLine('L2', { skuId: 'p05-s1', qty: 2, paidFen: 3000 })] });

  it('given a paid order, when it goes to the warehouse, then it is to ship; a pending order is refused', () => {
    order.given(twoLines()).when({ type: 'readyToShip' }, NOW).then({ next: 'to_ship', change: { move: 'readyToShip', set: { status: 'to_ship', readyAt: NOW } } });
    order.given(anOrder()).when({ type: 'readyToShip' }, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('given an order to ship, when one of two lines ships, then it stays to ship, the line is shipped in the parcel, and OrderShipped is recorded; the guard pins every line as read', () => {
    const d = order
      .given(twoLines({ status: 'to_ship' }))
      .when(ship(['L1']), NOW)
      .then({
        next: 'to_ship',
        change: { move: 'shipPart', set: { status: 'to_ship', shipments: [{ shipmentId: 'sh1', lineIds: ['L1'], carrier: 'SF', trackingNo: 'SF1234567890123', shippedAt: NOW, shippedBy: 'o_ops' }] } },
        lineMoves: [{ lineId: 'L1', move: 'ship', from: 'open', to: 'shipped' }],
        effects: [{ type: 'emit', event: orderShipped(NOW, { shipmentId: 'sh1', lineIds: ['L1'], carrier: 'SF', trackingNo: 'SF1234567890123' }) }],
      });
    expect((d.change.set.lines as Array<{ state: string; shipmentId: string | null }>).map((l) => [l.state, l.shipmentId])).toEqual([['shipped', 'sh1'], ['open', null]]);
    expect(d.change.requires).toEqual([
      { field: 'lines.0.state', op: 'eq', value: 'open' },
      { field: 'lines.0.afterSaleId', op: 'eq', value: null },
      { field: 'lines.1.state', op: 'eq', value: 'open' },
      { field: 'lines.1.afterSaleId', op: 'eq', value: null },
    ]);
  });

  it('given one line shipped, when the last ships, then the order is shipped with shippedAt', () => {
    order.given(shippedL1()).when(ship(['L2'], 'sh2'), NOW).then({ next: 'shipped', change: { move: 'shipAll', set: { status: 'shipped', shippedAt: NOW } } });
  });

  it('a shipped or refunded line, a line with an after-sale request open, or an order not to ship cannot ship', () => {
    order.given(shippedL1()).when(ship(['L1'], 'sh2'), NOW).thenRefused('FAILED_PRECONDITION');
    order.given(twoLines({ status: 'to_ship', lines: [aLine('L1', { afterSaleId: 'as1' })] })).when(ship(['L1']), NOW).thenRefused('FAILED_PRECONDITION');
    order.given(twoLines({ status: 'to_ship', lines: [aLine('L1', { refundId: 'r1', refundedFen: 9800, state: 'refunded' })] })).when(ship(['L1']), NOW).thenRefused('FAILED_PRECONDITION');
    order.given(twoLines()).when(ship(['L1']), NOW).thenRefused('FAILED_PRECONDITION');
    order.given(twoLines({ status: 'to_ship' })).when(ship(['L9']), NOW).thenRefused('INVALID_ARGUMENT');
  });

  it('given a shipped order, the buyer or the sweep confirms receipt; the sweep only after the cutoff (its guard)', () => {
    order.given(twoLines({ status: 'shipped' })).when({ type: 'confirmReceipt', by: 'buyer' }, NOW).then({ next: 'received', change: { move: 'confirmReceipt', set: { receivedAt: NOW, receivedBy: 'buyer' }, requires: [] } });
    order
      .given(twoLines({ status: 'shipped' }))
      .when({ type: 'confirmReceipt', by: 'auto', shippedBefore: at(-10) }, NOW)
      .then({ change: { set: { receivedBy: 'auto' }, requires: [{ field: 'shippedAt', op: 'lte', value: at(-10) }] } });
    order.given(twoLines({ status: 'to_ship' })).when({ type: 'confirmReceipt', by: 'buyer' }, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('given a received order, it completes once the window closed with no request open, recording OrderCompleted; the guard pins the lines free', () => {
    const received = twoLines({ status: 'received', receivedAt: at(-60), lines: [aLine('L1', { state: 'shipped' })] });
    const d = order.given(received).when({ type: 'complete', afterSaleWindowMs: 60 * 60_000 }, NOW).then({ next: 'completed', change: { move: 'complete', set: { completedAt: NOW } }, effects: [{ type: 'emit', event: orderCompleted(NOW) }] });
    expect(d.change.requires).toContainEqual({ field: 'lines.0.afterSaleId', op: 'eq', value: null });
    order.given(received).when({ type: 'complete', afterSaleWindowMs: 61 * 60_000 }, NOW).thenRefused('FAILED_PRECONDITION');
    order.given({ ...received, lines: [aLine('L1', { state: 'shipped', afterSaleId: 'as1' })] }).when({ type: 'complete', afterSaleWindowMs: 60 * 60_000 }, NOW).thenRefused('FAILED_PRECONDITION');
  });
});

describe('refunds after shipping: stock comes back only for goods never shipped or returned', () => {
  const shipped = aPaidOrder({ status: 'shipped', lines: [aLine('L1', { state: 'shipped', shipmentId: 'sh1' }), aLine('L2', { skuId: 'p05-s1', state: 'shipped', shipmentId: 'sh1', paidFen: 3000 })] });

  it('a shipped line refunded (goods not received): refunded_shipped, money back, no stock', () => {
    const d = order.given(shipped).when(refund(['L1']), NOW).then({ next: 'shipped', change: { move: 'refundPart' }, lineMoves: [{ lineId: 'L1', move: 'refundShipped', from: 'shipped', to: 'refunded_shipped' }] });
    expect(d.effects.map((e) => e.type)).toEqual(['refund', 'emit']);
  });

  it('a shipped line returned (goods received back): returned, money and stock back', () => {
    const d = order.given(shipped).when({ ...refund(['L2']), returned: true }, NOW).then({ lineMoves: [{ lineId: 'L2', move: 'return', from: 'shipped', to: 'returned' }] });
    expect(d.effects).toContainEqual({ type: 'restock', skuId: 'p05-s1', qty: 1, holdId: 'o1:L2' });
  });

  it('a return of a line that never shipped is refused; a refund of a line held by another request is refused', () => {
    order.given(aPaidOrder({ status: 'to_ship' })).when({ ...refund(['L1']), returned: true }, NOW).thenRefused('FAILED_PRECONDITION');
    const held = { ...shipped, lines: [aLine('L1', { state: 'shipped', afterSaleId: 'as1' })] };
    order.given(held).when(refund(['L1']), NOW).thenRefused('FAILED_PRECONDITION');
    order.given(held).when({ ...refund(['L1']), afterSaleId: 'as1' }, NOW).then({ next: 'refunded' });
  });

  it('the last unshipped line of an order whose other lines left: the order becomes shipped (with shippedAt)', () => {
    const partly = aPaidOrder({ status: 'to_ship', lines: [aLine('L1', { state: 'shipped', shipmentId: 'sh1' }), aLine('L2', { skuId: 'p05-s1', paidFen: 3000 })] });
    order.given(partly).when(refund(['L2']), NOW).then({ next: 'shipped', change: { move: 'refundUnshipped', set: { status: 'shipped', shippedAt: NOW } } });
  });

  it('shipping comes back with the last lines only when nothing of the order ever shipped', () => {
    const withShipping = aPaidOrder({ status: 'to_ship', shippingFen: 800, totalFen: 10600 });
    expect(order.given(withShipping).when(refund(), NOW).then({ next: 'refunded' }).effects[0]).toMatchObject({ type: 'refund', refund: { refundFen: 10600, shippingFen: 800 } });
    const shippedOne = { ...shipped, shippingFen: 800 };
    const d = order.given(shippedOne).when(refund(), NOW).then({ next: 'refunded' });
    expect(d.effects[0]).toMatchObject({ type: 'refund', refund: { refundFen: 12800 } });
    expect(d.effects[0]).toMatchObject({ refund: { shippingFen: 0 } });
  });

  it('a completed order may still be refunded (by staff); the order stays completed while lines are kept', () => {
    const completed = { ...shipped, status: 'completed' as const };
    order.given(completed).when(refund(['L1']), NOW).then({ next: 'completed', change: { move: 'refundPart' } });
  });
});
