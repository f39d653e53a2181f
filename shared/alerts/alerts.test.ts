import { emptySummary } from '../customers/summary';
import type { CustomerEvent } from '../customers/events';
import { clip, decideAlert } from './alerts';

const at = new Date('2026-06-01T02:00:00Z');
const base = { _id: 'e1', openid: 'o_c', salesId: 'o_s', at };
const read: CustomerEvent = { ...base, type: 'material_read', data: { materialId: 'm1', title: '客户案例：杭州王女士的办公室茶水间', kind: 'case' } };
const view: CustomerEvent = { ...base, type: 'product_viewed', data: { productId: 'p01', title: '明前龙井 特级' } };
const paid: CustomerEvent = { ...base, type: 'order_paid', data: { orderId: 'o1', paidFen: 16800, couponId: null } };

describe('which events alert the salesperson', () => {
  it('a bound customer opening a material: once per visit, the title clipped to a subscribe message value', () => {
    const a = decideAlert(read, emptySummary());
    expect(a).toMatchObject({ kind: 'material_opened', salesId: 'o_s', key: 'e1', page: 'packageSales/customer/index?openid=o_c' });
    expect([...(a?.what ?? '')].length).toBeLessThanOrEqual(20);
  });
  it('a product viewed again (second visit on): once per product and day', () => {
    expect(decideAlert(view, { ...emptySummary(), productViews: { p01: 1 } })).toBeNull();
    const again = decideAlert(view, { ...emptySummary(), productViews: { p01: 2 } });
    expect(again).toMatchObject({ kind: 'product_again', key: 'product_again:o_c:p01:2026-06-01' });
    expect(decideAlert({ ...view, _id: 'e2' }, { ...emptySummary(), productViews: { p01: 3 } })?.key).toBe(again?.key);
  });
  it('a payment, with the amount', () => {
    expect(decideAlert(paid, emptySummary())).toMatchObject({ kind: 'order_paid', what: '付款¥168.00' });
  });
  it('nobody is alerted about a customer without a salesperson, or for a card view or a share open', () => {
    expect(decideAlert({ ...read, salesId: null }, emptySummary())).toBeNull();
    expect(decideAlert({ ...base, type: 'card_viewed', data: { cardSalesId: 'o_s' } }, emptySummary())).toBeNull();
    expect(decideAlert({ ...base, type: 'share_opened', data: { shareId: 's', targetType: 'card', targetId: 'o_s', bound: true } }, emptySummary())).toBeNull();
  });
  it('clip keeps short text and marks a cut', () => {
    expect([clip('一二三', 4), clip('一二三四五', 4)]).toEqual(['一二三', '一二三…']);
  });
});
