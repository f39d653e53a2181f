/** Given/when/then for the after-sale decider: a request, its review, the return parcel and the money (no database). */
import { decider } from '../../tests/support/decider';
import { aLine, aPaidOrder, at, NOW } from '../../tests/support/fixtures';
import type { AfterSaleRequest, Order } from '../orders';
import { decideAfterSale, decideAfterSaleRequest, decideShipBack, type AfterSaleCommand, type NewAfterSale } from './aftersale';
import { afterSaleUpdated } from './events';

const DAY = 86_400_000;
const naming = { provider: 'sandbox', refundIdFor: (ids: string[]) => `r_${ids.join('_')}` };
const ask = (over: Partial<NewAfterSale> = {}): NewAfterSale => ({
  requestId: 'as1',
  lineIds: ['L1'],
  kind: 'refund',
  reason: '不想要了',
  photos: [],
  rules: { windowMs: 7 * DAY, autoApproveUnshipped: true },
  ...naming,
  ...over,
});
const toShip = aPaidOrder({ status: 'to_ship', lines: [aLine('L1', { paidFen: 9000 }), aLine('L2', { skuId: 'p05-s1', paidFen: 3000 })] });
const shipped = aPaidOrder({ status: 'shipped', lines: [aLine('L1', { state: 'shipped', shipmentId: 'sh1', paidFen: 9000 }), aLine('L2', { skuId: 'p05-s1', state: 'shipped', shipmentId: 'sh1', paidFen: 3000 })] });
const request = decider((o: Order, input: NewAfterSale, now: Date) => decideAfterSaleRequest(o, input, now));

describe('a request', () => {
  it('given an order to ship, a refund of an unshipped line is approved and paid at once (the setting): money and stock back, its result recorded', () => {
    const d = request
      .given(toShip)
      .when(ask(), NOW)
      .then({
        move: 'approveRefund',
        request: { _id: 'as1', status: 'refunded', autoApproved: true, refundId: 'r_L1', refundFen: 9000, lineIds: ['L1'] },
        order: { next: 'to_ship', change: { move: 'refundPart' }, lineMoves: [{ lineId: 'L1', move: 'refund', from: 'open', to: 'refunded' }] },
      });
    expect(d.order.effects.map((e) => e.type)).toEqual(['refund', 'restock', 'emit', 'emit']);
    expect(d.order.effects.at(-1)).toEqual({ type: 'emit', event: afterSaleUpdated(NOW, { requestId: 'as1', kind: 'refund', status: 'refunded', note: '', refundFen: 9000 }) });
  });

  it('without auto-approval, or after shipping, the request holds its lines (afterSaleId) for review; nothing moves yet', () => {
    const d = request.given(toShip).when(ask({ rules: { windowMs: 7 * DAY, autoApproveUnshipped: false } }), NOW).then({ move: 'open', request: { status: 'requested' }, order: { change: { move: 'afterSale' }, effects: [] } });
    expect((d.order.change.set.lines as Order['lines']).map((l) => l.afterSaleId)).toEqual(['as1', null]);
    request.given(shipped).when(ask({ kind: 'return', lineIds: ['L2'] }), NOW).then({ move: 'open', order: { lineMoves: [{ lineId: 'L2', move: 'openAfterSale', from: 'shipped', to: 'shipped' }] } });
  });

  it('one open request per line; a refunded line; a return of an unshipped line; an unknown line', () => {
    const held = { ...shipped, lines: [aLine('L1', { state: 'shipped', afterSaleId: 'as0' })] };
    request.given(held).when(ask(), NOW).thenRefused('FAILED_PRECONDITION');
    request.given({ ...toShip, lines: [aLine('L1', { state: 'refunded', refundId: 'r0' })] }).when(ask(), NOW).thenRefused('FAILED_PRECONDITION');
    request.given(toShip).when(ask({ kind: 'return' }), NOW).thenRefused('FAILED_PRECONDITION');
    request.given(toShip).when(ask({ lineIds: ['L9'] }), NOW).thenRefused('INVALID_ARGUMENT');
  });

  it('within the window after receipt; after it, or on a completed order, EXPIRED; an order not yet to ship (a forming team) cannot take one', () => {
    const received = { ...shipped, status: 'received' as const, receivedAt: new Date(NOW.getTime() - 7 * DAY + 60_000) };
    request.given(received).when(ask({ kind: 'return' }), NOW).then({ request: { status: 'requested' } });
    request.given(received).when(ask({ kind: 'return' }), at(1)).thenRefused('EXPIRED');
    request.given({ ...received, status: 'completed' }).when(ask(), NOW).thenRefused('EXPIRED');
    request.given(aPaidOrder()).when(ask(), NOW).thenRefused('FAILED_PRECONDITION');
  });
});

describe('the moves of a request', () => {
  const heldShipped = (kind: 'refund' | 'return'): [Order, AfterSaleRequest] => {
    const d = decideAfterSaleRequest(shipped, ask({ kind, lineIds: ['L1'] }), NOW);
    return [{ ...shipped, ...(d.order.change.set as Partial<Order>) }, d.request];
  };
  const move = decider(([o, r]: [Order, AfterSaleRequest], command: AfterSaleCommand, now: Date) => decideAfterSale(o, r, command, now));

  it('approving a refund of a shipped line pays it (goods not received: no stock back)', () => {
    const d = move.given(heldShipped('refund')).when({ type: 'approve', note: '已核实丢件', by: 'o_ops', ...naming }, NOW).then({
      move: 'approveRefund',
      request: { status: 'refunded', reviewedBy: 'o_ops', note: '已核实丢件', refundId: 'r_L1' },
      order: { lineMoves: [{ lineId: 'L1', move: 'refundShipped', from: 'shipped', to: 'refunded_shipped' }] },
    });
    expect(d.order.effects.map((e) => e.type)).toEqual(['refund', 'emit', 'emit']);
  });

  it('a return: approved → the buyer ships it back → received: returned, money and stock back', () => {
    const [order, r] = heldShipped('return');
    const approved = move.given([order, r]).when({ type: 'approve', note: '请寄回', by: 'o_ops', ...naming }, NOW).then({ move: 'approveReturn', request: { status: 'approved' }, order: { change: { move: 'afterSale' } } });
    expect(approved.order.effects).toEqual([{ type: 'emit', event: afterSaleUpdated(NOW, { requestId: 'as1', kind: 'return', status: 'approved', note: '请寄回', refundFen: 9000 }) }]);
    const back = decideShipBack(approved.request, { carrier: 'SF', trackingNo: 'SF1234567890123' }, NOW);
    expect(back.change).toMatchObject({ entity: 'aftersale', move: 'shipBack', set: { status: 'return_shipped' }, requires: [{ field: 'buyerOpenid', op: 'eq', value: 'o_cust_1' }] });
    const received = move.given([order, back.request]).when({ type: 'receiveReturn', by: 'o_ops', ...naming }, NOW).then({
      move: 'receiveReturn',
      request: { status: 'refunded', returnReceivedAt: NOW, refundId: 'r_L1' },
      order: { lineMoves: [{ lineId: 'L1', move: 'return', from: 'shipped', to: 'returned' }] },
    });
    expect(received.order.effects).toContainEqual({ type: 'restock', skuId: 'p03-s1', qty: 1, holdId: 'o1:L1' });
  });

  it('reject and cancel free the lines; moves the table does not list are refused', () => {
    const [order, r] = heldShipped('return');
    const rejected = move.given([order, r]).when({ type: 'reject', note: '超出售后范围', by: 'o_ops' }, NOW).then({ request: { status: 'rejected', note: '超出售后范围' }, order: { lineMoves: [{ move: 'closeAfterSale' }] } });
    expect((rejected.order.change.set.lines as Order['lines']).map((l) => l.afterSaleId)).toEqual([null, null]);
    move.given([order, r]).when({ type: 'cancel' }, NOW).then({ request: { status: 'cancelled', cancelledAt: NOW } });
    move.given([order, { ...r, status: 'rejected' }]).when({ type: 'approve', note: '', by: 'o_ops', ...naming }, NOW).thenRefused('FAILED_PRECONDITION');
    move.given([order, r]).when({ type: 'receiveReturn', by: 'o_ops', ...naming }, NOW).thenRefused('FAILED_PRECONDITION');
    expect(() => decideShipBack(r, { carrier: 'SF', trackingNo: 'SF1234567890123' }, NOW)).toThrow();
  });
});
