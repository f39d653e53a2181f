/** Given/when/then for the order decider, order creation and the reactions to order events (no database). */
import { decider } from '../../tests/support/decider';
import { aCoupon, aLine, anOrder, aPaidOrder, aTeam, at, DUO, NOW } from '../../tests/support/fixtures';
import { decideCreateOrder, type NewOrderInput } from './create-order';
import { orderCreated, orderPaid, orderRefunded } from './events';
import { closeReasonFor, decideOrder, decideStartPayment, lineStateOf, payDecision, type OrderCommand } from './order';
import { reactToOrderEvent } from './reactions';
import { NO_DELIVERY } from '../shipping/delivery';

const order = decider(decideOrder);
const refundIdFor = (ids: string[]) => `r_${ids.join('_')}`;
const refund = (lineIds?: string[]): OrderCommand => ({ type: 'refund', lineIds, reason: 'buyer_refund', provider: 'cloudpay', refundIdFor });
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

  it('given a paid 2-line order, when one line is refunded, then it is partially refunded, that line’s money and stock go back (stock with the refund)', () => {
    const d = order
      .given(twoLines)
      .when(refund(['L2']), NOW)
      .then({
        next: 'partially_refunded',
        change: { move: 'refundPart', set: { status: 'partially_refunded', refundedFen: 3000 } },
        effects: [
          { type: 'refund', refund: { _id: 'r_L2', lines: [{ lineId: 'L2', refundFen: 3000 }], refundFen: 3000, reason: 'buyer_refund', status: 'pending' }, orderTotalFen: 12000 },
          { type: 'restock', skuId: 'p05-s1', qty: 2, holdId: 'o1:L2' },
          { type: 'emit', event: orderRefunded(NOW, { refundId: 'r_L2', lines: [{ lineId: 'L2', refundFen: 3000 }], full: false }) },
        ],
      });
    const lines = d.change.set.lines as typeof twoLines.lines;
    expect(lines.map(lineStateOf)).toEqual(['open', 'refunded']);
  });

  it('given a partially refunded order, when the rest is refunded, then it is refunded and the event says full', () => {
    const partly = { ...twoLines, status: 'partially_refunded' as const, refundedFen: 3000, lines: [twoLines.lines[0], { ...twoLines.lines[1], refundedFen: 3000, refundId: 'r_L2' }] };
    const d = order.given(partly).when(refund(), NOW).then({ next: 'refunded', change: { move: 'refundAll', set: { refundedFen: 12000 } } });
    expect(d.effects.at(-1)).toEqual({ type: 'emit', event: orderRefunded(NOW, { refundId: 'r_L1', lines: [{ lineId: 'L1', refundFen: 9000 }], full: true }) });
  });

  it('given an order with shipping, a refund of some lines keeps it; the refund of the last lines gives it back', () => {
    const shipped = aPaidOrder({ lines: twoLines.lines, shippingFen: 600, totalFen: 12600, paidFen: 12600 });
    const part = order.given(shipped).when(refund(['L2']), NOW).then({ change: { set: { refundedFen: 3000 } } });
    expect(part.effects[0]).toMatchObject({ refund: { refundFen: 3000, shippingFen: 0 } });
    const partly = { ...shipped, status: 'partially_refunded' as const, refundedFen: 3000, lines: [shipped.lines[0], { ...shipped.lines[1], refundedFen: 3000, refundId: 'r_L2' }] };
    const rest = order.given(partly).when(refund(), NOW).then({ next: 'refunded', change: { set: { refundedFen: 12600 } } });
    expect(rest.effects[0]).toMatchObject({ refund: { lines: [{ lineId: 'L1', refundFen: 9000 }], shippingFen: 600, refundFen: 9600 }, orderTotalFen: 12600 });
  });

  it('given a refunded line, an unknown line or an unpaid order, then the refund is refused', () => {
    const partly = { ...twoLines, status: 'partially_refunded' as const, lines: [twoLines.lines[0], { ...twoLines.lines[1], refundId: 'r_L2' }] };
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

  it('OrderCreated: nothing to do; a plain order paid: only its stock holds become sales', () => {
    expect(reactToOrderEvent(groupOrder, orderCreated(NOW))).toEqual([]);
    expect(reactToOrderEvent(anOrder(), orderPaid(NOW))).toEqual([{ type: 'settleStock', skuId: 'p03-s1', holdId: 'o1:L1' }]);
  });
});
