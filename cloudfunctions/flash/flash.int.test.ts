import { useTestCloud, AS_FUNCTION } from '../../emulator/testing';
import { FLASH_IDS } from '../../emulator/seed';
import { doc, docs, expectMoneyBalances, giveAddresses, HOME, outcomes } from '../../tests/support/commerce';
import { payOrder } from '../../tests/support/pay';
import { bindByCard } from '../../tests/support/share';
import { acceptTemplates, outbox } from '../../tests/support/messages';
import { SEED_TEMPLATES } from '../../emulator/seed/fulfilment';

const t = useTestCloud();

type OrderData = { orderId: string; status: string; totalFen: number; lines: Array<{ skuId: string; unitPriceFen: number; paidFen: number }> };
type Sale = { flashId: string; phase: string; remaining: number; mine: number; startAt: string };
const LIVE = FLASH_IDS.live;
const SKU = 'p08-s1';
const MINUTE = 60 * 1000;
const buy = (openid: string, key: string, flashId: string = LIVE) => t.cloud.call<OrderData>('flash', { action: 'buy', flashId, addressId: HOME, idempotencyKey: key }, openid);
const stockOf = async () => Number((await doc(t.cloud, 'skus', SKU))?.stock);
const saleOf = async (openid: string, flashId: string = LIVE) => (await t.cloud.ok<{ sales: Sale[] }>('flash', { action: 'list' }, openid)).sales.find((s) => s.flashId === flashId);

describe('flash.buy', () => {
  it('300 buyers at once for 20 units: exactly 20 orders at the flash price, 280 SOLD_OUT, the SKU and the sale agree', async () => {
    const stockBefore = await stockOf();
    const buyers = Array.from({ length: 300 }, (_, i) => `o_flash_${i}`);
    await giveAddresses(t.cloud, buyers);
    const results = await Promise.all(buyers.map((b, i) => buy(b, `flash-key-${i}`)));
    expect(outcomes(results)).toEqual({ ok: 20, SOLD_OUT: 280 });
    const orders = await docs(t.cloud, 'orders', { 'flash.flashId': LIVE });
    expect(orders).toHaveLength(20);
    expect(new Set(orders.map((o) => o.buyerOpenid)).size).toBe(20);
    for (const r of results) if (r.ok) expect(r.data).toMatchObject({ status: 'pending_pay', totalFen: 5900, lines: [{ skuId: SKU, unitPriceFen: 5900, paidFen: 5900 }] });
    const sale = await doc(t.cloud, 'flash_sales', LIVE);
    expect(sale).toMatchObject({ taken: 20 });
    expect(Object.values(sale?.buyers as Record<string, string[]>).flat().sort()).toEqual(orders.map((o) => o._id).sort());
    expect(await stockOf()).toBe(stockBefore - 20);
    expect(await saleOf('o_flash_0')).toMatchObject({ phase: 'sold_out', remaining: 0 });
  });

  it('one customer pressing 10 times at once at limit 1 gets one order; a later buy is LIMIT_REACHED; the same key again is the same order', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => buy('o_cust_1', `flash-one-${i}`)));
    expect(outcomes(results)).toEqual({ ok: 1, LIMIT_REACHED: 9 });
    const first = results.find((r) => r.ok);
    const orderId = first?.ok ? first.data.orderId : '';
    const again = await buy('o_cust_1', `flash-one-${results.indexOf(first!)}`);
    expect(again.ok && again.data.orderId).toBe(orderId);
    const later = await buy('o_cust_1', 'flash-one-later');
    expect(later.ok === false && later.error.code).toBe('LIMIT_REACHED');
    expect(await doc(t.cloud, 'flash_sales', LIVE)).toMatchObject({ taken: 1, buyers: { o_cust_1: [orderId] } });
    expect(await docs(t.cloud, 'orders')).toHaveLength(1);
    expect(await saleOf('o_cust_1')).toMatchObject({ phase: 'live', remaining: 19, mine: 1 });
  });

  it('an unpaid flash order is released after its TTL by the sweep: the unit and the stock come back exactly once; the customer may buy again', async () => {
    const stockBefore = await stockOf();
    const o = await t.cloud.ok<OrderData>('flash', { action: 'buy', flashId: LIVE, addressId: HOME, idempotencyKey: 'flash-ttl-1' }, 'o_cust_2');
    expect(await doc(t.cloud, 'flash_sales', LIVE)).toMatchObject({ taken: 1 });
    t.cloud.advanceClock(16 * MINUTE);
    const [a, b] = await Promise.all([t.cloud.ok<{ ordersClosed: number }>('sweep', { action: 'run' }, AS_FUNCTION), t.cloud.ok<{ ordersClosed: number }>('sweep', { action: 'run' }, AS_FUNCTION)]);
    expect(a.ordersClosed + b.ordersClosed).toBe(1);
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'closed', closeReason: 'pay_timeout' });
    expect(await doc(t.cloud, 'flash_sales', LIVE)).toMatchObject({ taken: 0, buyers: { o_cust_2: [] } });
    expect(await stockOf()).toBe(stockBefore);
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
    expect(await doc(t.cloud, 'flash_sales', LIVE)).toMatchObject({ taken: 0 });
    expect((await buy('o_cust_2', 'flash-ttl-2')).ok).toBe(true);
  });

  it('a paid flash order goes to ship and keeps its unit; the money balances', async () => {
    const stockBefore = await stockOf();
    const o = await t.cloud.ok<OrderData>('flash', { action: 'buy', flashId: LIVE, addressId: HOME, idempotencyKey: 'flash-pay-1' }, 'o_cust_3');
    await payOrder(t.cloud, o.orderId, 'o_cust_3');
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'to_ship', paidFen: 5900 });
    t.cloud.advanceClock(20 * MINUTE);
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
    expect(await doc(t.cloud, 'flash_sales', LIVE)).toMatchObject({ taken: 1, buyers: { o_cust_3: [o.orderId] } });
    expect(await doc(t.cloud, 'skus', SKU)).toMatchObject({ stock: stockBefore - 1, holds: [] });
    await expectMoneyBalances(t.cloud);
  });

  it('a winner is attributed to its salesperson after the unit is taken; a first-time winner is registered, a refused first-time caller is not', async () => {
    const shareId = await bindByCard(t.cloud, 'o_cust_1', 'o_sales_li');
    const bound = await t.cloud.ok<OrderData>('flash', { action: 'buy', flashId: LIVE, addressId: HOME, idempotencyKey: 'flash-attr-1' }, 'o_cust_1');
    expect(await doc(t.cloud, 'orders', bound.orderId)).toMatchObject({ attribution: { salesId: 'o_sales_li', shareId } });
    await giveAddresses(t.cloud, ['o_flash_new_1', 'o_flash_new_2']);
    expect((await buy('o_flash_new_1', 'flash-new-1')).ok).toBe(true);
    expect(await doc(t.cloud, 'users', 'o_flash_new_1')).toMatchObject({ role: 'customer' });
    await t.cloud.db.collection('flash_sales').doc(LIVE).update({ quantity: 2 });
    const late = await buy('o_flash_new_2', 'flash-new-2');
    expect(late.ok === false && late.error.code).toBe('SOLD_OUT');
    expect(await doc(t.cloud, 'users', 'o_flash_new_2')).toBeUndefined();
  });

  it('before its start a sale counts down and refuses a buy (NOT_ELIGIBLE); once the clock reaches the start it sells', async () => {
    const before = await saleOf('o_cust_1', FLASH_IDS.upcoming);
    expect(before).toMatchObject({ phase: 'upcoming', remaining: 10, mine: 0 });
    const early = await buy('o_cust_1', 'flash-early-1', FLASH_IDS.upcoming);
    expect(early.ok === false && early.error.code).toBe('NOT_ELIGIBLE');
    expect(await doc(t.cloud, 'flash_sales', FLASH_IDS.upcoming)).toMatchObject({ taken: 0 });
    t.cloud.setClock(new Date(before!.startAt));
    expect((await buy('o_cust_1', 'flash-early-2', FLASH_IDS.upcoming)).ok).toBe(true);
    expect(await saleOf('o_cust_1', FLASH_IDS.upcoming)).toMatchObject({ phase: 'live', remaining: 9, mine: 1 });
  });

  it('a new-customers-only sale refuses a customer who has paid an order (NOT_ELIGIBLE) and sells to a new one', async () => {
    await t.cloud.db.collection('flash_sales').doc(LIVE).update({ newCustomersOnly: true });
    const first = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'flash-old-1' }, 'o_cust_1');
    await payOrder(t.cloud, first.orderId, 'o_cust_1');
    const old = await buy('o_cust_1', 'flash-old-2');
    expect(old.ok === false && old.error.code).toBe('NOT_ELIGIBLE');
    expect((await buy('o_cust_2', 'flash-new-1')).ok).toBe(true);
    expect(await doc(t.cloud, 'flash_sales', LIVE)).toMatchObject({ taken: 1 });
  });
});

describe('flash.remind', () => {
  it('a reminder is recorded once per sale and customer, only before the start', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => t.cloud.ok<{ remindAt: string }>('flash', { action: 'remind', flashId: FLASH_IDS.upcoming }, 'o_cust_1')));
    expect(a.remindAt).toBe(b.remindAt);
    expect(await docs(t.cloud, 'flash_reminders')).toEqual([expect.objectContaining({ _id: `${FLASH_IDS.upcoming}:o_cust_1`, openid: 'o_cust_1', sentAt: null })]);
    const late = await t.cloud.call('flash', { action: 'remind', flashId: LIVE }, 'o_cust_1');
    expect(late.ok === false && late.error.code).toBe('FAILED_PRECONDITION');
  });

  it('at the start the sweep sends "flash sale started" once per reminder, only to a customer who accepted the template, and marks it sent', async () => {
    const sale = await saleOf('o_cust_1', FLASH_IDS.upcoming);
    for (const u of ['o_cust_1', 'o_cust_2']) await t.cloud.ok('flash', { action: 'remind', flashId: FLASH_IDS.upcoming }, u);
    await acceptTemplates(t.cloud, 'o_cust_1', [SEED_TEMPLATES.flashStarted as string]);
    const early = await t.cloud.ok<{ flashReminders: number }>('sweep', { action: 'run' }, AS_FUNCTION);
    expect(early.flashReminders).toBe(0);
    expect(await docs(t.cloud, 'flash_reminders', { sentAt: null })).toHaveLength(2);
    t.cloud.setClock(new Date(sale!.startAt));
    const runs = await Promise.all([1, 2].map(() => t.cloud.ok<{ flashReminders: number }>('sweep', { action: 'run' }, AS_FUNCTION)));
    expect(runs.map((r) => r.flashReminders).reduce((a, b) => a + b)).toBe(1);
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
    const sent = (await outbox(t.cloud)).filter((m) => m.templateId === SEED_TEMPLATES.flashStarted);
    expect(sent).toEqual([expect.objectContaining({ touser: 'o_cust_1', page: `/packageShop/flash/index?flashId=${FLASH_IDS.upcoming}` })]);
    expect(sent[0].data.thing1).toContain('秒杀开始');
    const reminders = await docs(t.cloud, 'flash_reminders');
    expect(reminders.map((r) => [r.openid, r.status, r.sentAt instanceof Date || typeof r.sentAt === 'string'])).toEqual([
      ['o_cust_1', 'sent', true],
      ['o_cust_2', 'not_accepted', true],
    ]);
  });
});
