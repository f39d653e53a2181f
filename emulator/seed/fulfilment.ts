/**
 * Demo fulfilment: the brand's fulfilment settings (auto-confirm, after-sale window, subscribe
 * template ids) and a customer (小林, `o_cust_5`) with an order in each after-payment state — to
 * ship, shipped, and received with a return request open — so the to-ship list, the after-sale
 * queue and the customer's order and after-sale pages have something on them. The orders are
 * made by the lifecycle's own deciders (paid, sent to the warehouse, shipped, received,
 * requested), unattributed (no commission), with their payment records; the stock they hold is
 * taken from their SKUs by `buildSeed`. Test clouds get the settings and 小林 only (no orders).
 */
import { decideAfterSaleRequest, decideCreateOrder, decideOrder, NO_EVENTS, type OrderDecision } from '../../shared/lifecycle';
import type { Order } from '../../shared/orders';
import type { CartLine } from '../../shared/pricing';
import { DEFAULT_FULFILMENT, type FulfilmentSettings } from '../../shared/settings/fulfilment';
import type { AddressBook } from '../../shared/address/address';
import { decideDelivery, readShippingRules, type Delivery } from '../../shared/shipping';
import { DEMO_ADDRESS_ID, seedDelivery } from './delivery';
import { DAY, type SeedDoc } from './window';

/** The demo customer whose orders are in every fulfilment state. */
export const FULFIL_CUSTOMER = 'o_cust_5';

/** Fixed ids of the demo fulfilment documents. */
export const FULFIL_IDS = { toShip: 'o_seed_toship', shipped: 'o_seed_shipped', received: 'o_seed_received', request: 'as_seed_return' } as const;

/** The seeded template ids by purpose (the local cloud's templates, emulator/wechat/subscribe-templates.json). */
export const SEED_TEMPLATES: FulfilmentSettings['subscribeTemplates'] = {
  orderPaid: 'tmpl_order_paid',
  groupResult: 'tmpl_group_result',
  refund: 'tmpl_refund_done',
  shipped: 'tmpl_order_shipped',
  afterSale: 'tmpl_aftersale_result',
  commissionSettled: 'tmpl_commission_settled',
  flashStarted: 'tmpl_flash_started',
};

const HOUR = 3600_000;
const NO_SALES = { salesId: null, shareId: null, rootShareId: null, depth: 0, referrerOpenid: null, experiments: {} };

function line(lineId: string, productId: string, skuId: string, title: string, skuName: string, qty: number, priceFen: number, listPriceFen: number): CartLine {
  return { lineId, productId, skuId, title, skuName, qty, unitPriceFen: priceFen, listPriceFen };
}

function applied(order: Order, d: OrderDecision): Order {
  const events = d.effects.flatMap((e) => (e.type === 'emit' ? [e.event] : []));
  return { ...order, ...(d.change.set as Partial<Order>), outbox: [...order.outbox, ...events] };
}

/** 小林's address book: one home address under the demo id, as the other demo customers have. */
function bookOf(now: Date): AddressBook {
  const home = { addressId: DEMO_ADDRESS_ID, name: '小林', phone: '13800000005', province: '江苏省', city: '南京市', district: '玄武区', detail: '中山路1号 新街口大厦', postalCode: '210005', updatedAt: now };
  return { _id: FULFIL_CUSTOMER, items: [home], defaultId: DEMO_ADDRESS_ID, rev: 1, updatedAt: now };
}

/** Where the seeded orders go and their shipping, decided as order.create decides it (the seeded rules). */
function deliveryOf(now: Date): Delivery {
  const rules = readShippingRules(seedDelivery(now).settings.find((d) => d._id === 'shipping'));
  return decideDelivery({ shipsGoods: true, rules, book: bookOf(now), addressId: DEMO_ADDRESS_ID, requireAddress: true });
}

/** A paid order of `lines`, paid `paidAgoMs` before `now` and sent to the warehouse. */
function paidOrder(id: string, lines: CartLine[], now: Date, paidAgoMs: number): Order {
  const at = new Date(now.getTime() - paidAgoMs);
  const created = decideCreateOrder({
    orderId: id,
    buyerOpenid: FULFIL_CUSTOMER,
    idempotencyKey: `seed-${id}`,
    cart: { mode: 'items', lines, activityDiscountFen: 0, terms: null, team: null },
    coupon: null,
    attribution: NO_SALES,
    newTeamId: '',
    delivery: deliveryOf(now),
    now: new Date(at.getTime() - 60_000),
    payDeadlineAt: new Date(at.getTime() + 14 * 60_000),
  });
  let order: Order = { ...created.order, ...NO_EVENTS };
  order = applied(order, decideOrder(order, { type: 'pay', tradeNo: `wx_${id}`, amountFen: order.totalFen }, at));
  return applied(order, decideOrder(order, { type: 'readyToShip' }, at));
}

export function seedFulfilment(now: Date, options: { demo?: boolean } = {}): Record<string, SeedDoc[]> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const toShip = paidOrder(FULFIL_IDS.toShip, [line('L1', 'p06', 'p06-s1', '东北秋木耳', '250g', 1, 4500, 5900), line('L2', 'p10', 'p10-s1', '桂花酒酿', '6 瓶', 2, 4800, 5900)], now, 2 * HOUR);

  let shipped = paidOrder(FULFIL_IDS.shipped, [line('L1', 'p08', 'p08-s1', '野生土蜂蜜', '500g', 1, 8800, 10800)], now, 3 * DAY);
  shipped = applied(shipped, decideOrder(shipped, { type: 'ship', lineIds: ['L1'], shipmentId: 'sh_seed_1', carrier: 'SF', trackingNo: 'SF1400012345678', by: 'o_ops' }, ago(2 * DAY)));

  let received = paidOrder(FULFIL_IDS.received, [line('L1', 'p06', 'p06-s1', '东北秋木耳', '250g', 1, 4500, 5900), line('L2', 'p08', 'p08-s1', '野生土蜂蜜', '500g', 1, 8800, 10800)], now, 5 * DAY);
  received = applied(received, decideOrder(received, { type: 'ship', lineIds: ['L1', 'L2'], shipmentId: 'sh_seed_2', carrier: 'ZTO', trackingNo: '73100098765432', by: 'o_ops' }, ago(4 * DAY)));
  received = applied(received, decideOrder(received, { type: 'confirmReceipt', by: 'buyer' }, ago(DAY)));
  const asked = decideAfterSaleRequest(
    received,
    {
      requestId: FULFIL_IDS.request,
      lineIds: ['L2'],
      kind: 'return',
      reason: '蜂蜜结晶了，想退货',
      photos: [],
      rules: { windowMs: DEFAULT_FULFILMENT.afterSaleDays * DAY, autoApproveUnshipped: true },
      provider: 'seed',
      refundIdFor: (ids) => `r_seed_${ids.join('_')}`,
    },
    ago(2 * HOUR),
  );
  received = applied(received, asked.order);

  const orders = [toShip, shipped, received];
  const base = {
    settings: [{ ...DEFAULT_FULFILMENT, subscribeTemplates: SEED_TEMPLATES, updatedAt: now }],
    users: [{ _id: FULFIL_CUSTOMER, role: 'customer', name: '小林', avatarUrl: '/assets/avatars/c1.svg', persona: true, createdAt: ago(30 * DAY) }],
    addresses: [{ ...bookOf(now) }],
  };
  if (!options.demo) return base;
  return {
    ...base,
    orders: orders.map((o) => ({ ...o })),
    payments: orders.map((o) => ({ _id: `seed_${o.tradeNo}`, orderId: o._id, tradeNo: o.tradeNo, totalFen: o.totalFen, provider: 'seed', receivedAt: o.paidAt })),
    aftersale_requests: [{ ...asked.request }],
  };
}

/** Units the seeded orders hold, by SKU (taken from the catalogue's stock). */
export function seededHolds(parts: Record<string, SeedDoc[]>): Map<string, number> {
  const held = new Map<string, number>();
  for (const o of (parts.orders ?? []) as unknown as Order[]) for (const l of o.lines) held.set(l.skuId, (held.get(l.skuId) ?? 0) + l.qty);
  return held;
}
