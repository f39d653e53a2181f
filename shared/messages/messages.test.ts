/** Which event sends which message to whom (pure), with every value inside WeChat's limits. */
import { aLine, aPaidOrder, NOW } from '../../tests/support/fixtures';
import { afterSaleUpdated, orderCompleted, orderCreated, orderPaid, orderRefunded, orderShipped, teamSucceeded } from '../lifecycle/events';
import { SEED_TEMPLATES } from '../../emulator/seed/fulfilment';
import { mayMessage, messagesFor } from './messages';

const order = aPaidOrder({ _id: 'oLongOrderId_0123456789abcdefXYZ', lines: [aLine('L1', { title: '山野良品 明前龙井 特级 西湖产区 当季新茶 250g 罐装' }), aLine('L2')], totalFen: 19600 });
const limits: Record<string, (v: string) => boolean> = {
  thing: (v) => [...v].length <= 20,
  character_string: (v) => [...v].length <= 32 && /^[\x21-\x7e]+$/.test(v),
  phrase: (v) => [...v].length <= 5 && /^\p{Script=Han}+$/u.test(v),
  amount: (v) => /^¥\d{1,10}\.\d{2}$/.test(v),
  time: (v) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v),
};

it.each([
  ['OrderPaid → the buyer: paid', orderPaid(NOW), 'orderPaid', 'o_cust_1'],
  ['TeamSucceeded → the buyer: team result', teamSucceeded(NOW, 't1'), 'groupResult', 'o_cust_1'],
  ['a team-failed refund → the buyer: team result', orderRefunded(NOW, { refundId: 'r1', lines: [{ lineId: 'L1', refundFen: 9800 }], full: true, reason: 'team_failed' }), 'groupResult', 'o_cust_1'],
  ['a staff refund → the buyer: refund', orderRefunded(NOW, { refundId: 'r1', lines: [{ lineId: 'L1', refundFen: 9800 }], full: false, reason: 'staff_refund' }), 'refund', 'o_cust_1'],
  ['OrderShipped → the buyer: shipped', orderShipped(NOW, { shipmentId: 'sh1', lineIds: ['L1'], carrier: 'JTSD', trackingNo: 'JT0001234567890' }), 'shipped', 'o_cust_1'],
  ['AfterSaleUpdated → the buyer: after-sale result', afterSaleUpdated(NOW, { requestId: 'as1', kind: 'return', status: 'rejected', note: '商品已拆封使用，不符合七天无理由退货条件，请谅解', refundFen: 9800 }), 'afterSale', 'o_cust_1'],
])('%s, every value within its limit', (_t, event, purpose, recipient) => {
  const [m, ...more] = messagesFor(order, event, SEED_TEMPLATES);
  expect(more).toEqual([]);
  expect(m).toMatchObject({ purpose, recipient, templateId: SEED_TEMPLATES[purpose as keyof typeof SEED_TEMPLATES] });
  for (const [key, value] of Object.entries(m.data)) expect([key, value, limits[key.replace(/\d+$/, '')](value)]).toEqual([key, value, true]);
});

it('OrderCompleted → the salesperson, only when commission was settled', () => {
  expect(messagesFor(order, orderCompleted(NOW), SEED_TEMPLATES)).toEqual([]);
  expect(messagesFor(order, orderCompleted(NOW), SEED_TEMPLATES, { settled: { salesId: 'o_sales_li', amountFen: 1960 } })).toEqual([
    { recipient: 'o_sales_li', purpose: 'commissionSettled', templateId: 'tmpl_commission_settled', page: 'packageSales/ledger/index', data: { character_string1: 'oLongOrderId_0123456789abcdefXYZ', amount2: '¥19.60', time3: '2026-06-01 10:00', thing4: '订单已完成，佣金可结算' } },
  ]);
});

it('nothing for OrderCreated, an after-sale refund (its result tells it), or a purpose without a template id', () => {
  expect(messagesFor(order, orderCreated(NOW), SEED_TEMPLATES)).toEqual([]);
  expect(mayMessage(orderCreated(NOW))).toBe(false);
  const afterSaleRefund = orderRefunded(NOW, { refundId: 'r1', lines: [{ lineId: 'L1', refundFen: 9800 }], full: false, afterSaleId: 'as1' });
  expect(messagesFor(order, afterSaleRefund, SEED_TEMPLATES)).toEqual([]);
  expect(mayMessage(afterSaleRefund)).toBe(false);
  expect(messagesFor(order, orderPaid(NOW), { shipped: 'tmpl_order_shipped' })).toEqual([]);
});
