/**
 * The ordinary checkout of a flash sale, driven against a running local cloud by URL (the one
 * `npm start` serves, or one a benchmark started): a SKU with stock 100 and a coupon limited to 50
 * (1 per user), then shoppers — new users, as a first visit would be — each doing
 * `shelf.product` → `coupon.claim` → `order.create` → pay (`order.pay`, then the local cloud's
 * cashier: WeChat Pay's path, its notice to payNotify). Every run arranges its own
 * product, SKU and coupon template (ids carry a run id), so runs on one long-lived cloud do not
 * mix. The sale is checked on the stored documents afterwards through the real SDK.
 */
import cloudbase from '@cloudbase/node-sdk';
import { payOrder as payAtCashier, type ChargeReply } from '../tests/support/pay';
import { callFunction, percentile, round, type FunctionReply } from './lib';
import { HOME } from '../tests/support/commerce';
import { buildSeed } from '../emulator/seed';

type Doc = Record<string, unknown> & { _id: string };
type SdkDb = ReturnType<ReturnType<typeof cloudbase.init>['database']>;

export const SALE_STOCK = 100;
export const SALE_COUPONS = 50;
/** WeChat's clients give up on a function call after about 60 s (platform.md). */
export const CLIENT_TIMEOUT_MS = 60_000;

/** The documents of one flash sale. */
export interface FlashSale {
  runId: string;
  productId: string;
  skuId: string;
  templateId: string;
  /** Openids of this run's shoppers start with this. */
  shopperPrefix: string;
}

/** What one shopper's flow ended with. */
export interface ShopperOutcome {
  openid: string;
  ms: number;
  /** The step the flow stopped at, and why ('paid' when it paid). */
  end: 'paid' | 'sold_out' | `failed:${string}`;
  /** Replies that were not envelopes: client timeout, transport failure, platform error. */
  unanswered: number;
  couponId: string | null;
  calls: Record<string, Record<string, number>>;
  /** The longest single call of the flow. */
  slowestCallMs: number;
}

export function sdkDb(url: string): SdkDb {
  return cloudbase.init({ env: 'local', serviceUrl: `${url}/admin`, secretId: 'local', secretKey: 'local', timeout: 60_000 }).database();
}

async function one(db: SdkDb, collection: string, id: string): Promise<Doc> {
  const res = (await db.collection(collection).doc(id).get()) as { data: Doc[] };
  if (!res.data[0]) throw new Error(`${collection}/${id} is missing: is the demo data seeded?`);
  return res.data[0];
}

/**
 * Copies a seeded product (p03), its SKU and the seeded flat coupon into new documents of this
 * run: SKU stock 100, coupon stock 50 with 1 per user and no per-day limit, usable on the product.
 */
const PAID = ['paid', 'to_ship'];

/** The `i`-th shopper of a sale. */
export function shopperId(sale: FlashSale, i: number): string {
  return `${sale.shopperPrefix}${String(i).padStart(4, '0')}`;
}

/** A sale of its own (product, SKU, coupon) and the address book of each of its `shoppers` (goods orders need one). */
export async function arrangeFlashSale(db: SdkDb, runId: string, shoppers: number): Promise<FlashSale> {
  const sale: FlashSale = {
    runId,
    productId: `pf_${runId}`,
    skuId: `pf_${runId}-s1`,
    templateId: `ct_flash_${runId}`,
    shopperPrefix: `o_flash_${runId}_`,
  };
  const { _id: _p, ...product } = await one(db, 'products', 'p03');
  const { _id: _s, ...sku } = await one(db, 'skus', 'p03-s1');
  const { _id: _t, perDayLimit: _d, ...template } = await one(db, 'coupon_templates', 'ct_flat5');
  await db.collection('products').doc(sale.productId).set({ ...product, title: `限时秒杀 ${runId}` });
  await db.collection('skus').doc(sale.skuId).set({ ...sku, productId: sale.productId, stock: SALE_STOCK, sold: 0 });
  await db.collection('coupon_templates').doc(sale.templateId).set({
    ...template,
    title: `秒杀券 ${runId}`,
    scope: { mode: 'listed', productIds: [sale.productId] },
    stock: SALE_COUPONS,
    issuedCount: 0,
    perUserLimit: 1,
  });
  const { _id: _a, ...book } = buildSeed(new Date()).addresses[0];
  for (let i = 0; i < shoppers; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, shoppers - i) }, (_, k) => db.collection('addresses').doc(shopperId(sale, i + k)).set(book)));
  }
  return sale;
}

/**
 * The pay step: order.pay (WeChat Pay's charge), then the payer pays at the local cloud's cashier,
 * which answers once WeChat Pay's notice reached payNotify (tests/support/pay.ts). Ok when the
 * payer was charged; CASHIER when the cashier refused; TRANSPORT when it did not answer.
 */
export async function payOrder(url: string, openid: string, orderId: string): Promise<FunctionReply> {
  try {
    const r = await payAtCashier(url, orderId, openid, {
      strict: false,
      timeoutMs: CLIENT_TIMEOUT_MS,
      callPay: (id, who) => callFunction<ChargeReply>(url, 'order', { action: 'pay', orderId: id }, who, CLIENT_TIMEOUT_MS),
    });
    if (!r.start.ok) return r.start;
    if (!r.paid) return { ok: false, error: { code: 'CASHIER', message: JSON.stringify(r.cashier?.body) } };
    return { ok: true, data: { outTradeNo: r.start.data.outTradeNo, acknowledged: r.acknowledged } };
  } catch (err) {
    return { ok: false, error: { code: 'TRANSPORT', message: String(err) } };
  }
}

/**
 * Waits until WeChat Pay has no pay notice left to deliver (a first delivery that failed is retried
 * on its schedule: 15 s later on `npm start`'s clock); how many are still pending after `timeoutMs`.
 */
export async function settlePayNotices(url: string, timeoutMs = 90_000): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const callbacks = (await (await fetch(`${url}/_emulator/wxpay/callbacks`)).json()) as Array<{ kind: string; status: string }>;
    const pending = callbacks.filter((c) => c.kind === 'pay' && c.status === 'pending').length;
    if (pending === 0 || Date.now() - t0 > timeoutMs) return pending;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function count(calls: ShopperOutcome['calls'], step: string, reply: FunctionReply): void {
  const key = reply.ok ? 'ok' : reply.error.code;
  const byCode = (calls[step] ??= {});
  byCode[key] = (byCode[key] ?? 0) + 1;
}

/** Codes of replies that are not an answer from the function: nothing came back, or the platform failed the call. */
export function isUnanswered(reply: FunctionReply): boolean {
  return !reply.ok && ['CLIENT_TIMEOUT', 'TRANSPORT', 'PLATFORM'].includes(reply.error.code);
}

/** One shopper: view the product, claim the coupon (SOLD_OUT is fine), order (with the coupon if claimed), pay. */
export async function shop(url: string, sale: FlashSale, openid: string): Promise<ShopperOutcome> {
  const t0 = performance.now();
  const calls: ShopperOutcome['calls'] = {};
  let unanswered = 0;
  let slowestCallMs = 0;
  const step = async (name: string, reply: Promise<FunctionReply>): Promise<FunctionReply> => {
    const c0 = performance.now();
    const r = await reply;
    slowestCallMs = Math.max(slowestCallMs, performance.now() - c0);
    count(calls, name, r);
    if (isUnanswered(r)) unanswered++;
    return r;
  };
  const done = (end: ShopperOutcome['end'], couponId: string | null = null): ShopperOutcome => ({
    openid,
    ms: performance.now() - t0,
    end,
    unanswered,
    couponId,
    calls,
    slowestCallMs,
  });

  const view = await step('shelf.product', callFunction(url, 'shelf', { action: 'product', productId: sale.productId }, openid, CLIENT_TIMEOUT_MS));
  if (!view.ok) return done(`failed:shelf.product ${view.error.code}`);
  const claim = await step('coupon.claim', callFunction(url, 'coupon', { action: 'claim', templateId: sale.templateId }, openid, CLIENT_TIMEOUT_MS));
  if (!claim.ok && claim.error.code !== 'SOLD_OUT') return done(`failed:coupon.claim ${claim.error.code}`);
  const couponId = claim.ok ? String((claim.data as { couponId: string }).couponId) : null;
  const create = await step(
    'order.create',
    callFunction(
      url,
      'order',
      { action: 'create', addressId: HOME, items: [{ productId: sale.productId, skuId: sale.skuId, qty: 1 }], ...(couponId ? { couponId } : {}), idempotencyKey: `flash-${sale.runId}` },
      openid,
      CLIENT_TIMEOUT_MS,
    ),
  );
  if (!create.ok) return done(create.error.code === 'SOLD_OUT' ? 'sold_out' : `failed:order.create ${create.error.code}`, couponId);
  const orderId = String((create.data as { orderId: string }).orderId);
  const pay = await step('order.pay', payOrder(url, openid, orderId));
  if (!pay.ok) return done(`failed:order.pay ${pay.error.code}`, couponId);
  return done('paid', couponId);
}

/** All shoppers at once; the wall time of the whole burst and every shopper's outcome. */
export async function runShoppers(url: string, sale: FlashSale, shoppers: number, firstIndex = 0): Promise<{ wallMs: number; outcomes: ShopperOutcome[] }> {
  const t0 = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: shoppers }, (_, i) => shop(url, sale, shopperId(sale, firstIndex + i))),
  );
  return { wallMs: performance.now() - t0, outcomes };
}

async function all(db: SdkDb, collection: string, where: Record<string, unknown>): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = (await db.collection(collection).where(where).skip(skip).limit(1000).get()) as { data: Doc[] };
    out.push(...res.data);
    if (res.data.length < 1000) return out;
  }
}

/** The sale as stored: orders, stock, coupons. */
export interface SaleCheck {
  paidOrders: number;
  pendingOrders: number;
  otherOrders: number;
  stock: number;
  sold: number;
  couponsIssued: number;
  couponsUsed: number;
  /** Coupons named by more than one order. */
  couponsOnTwoOrders: number;
}

export async function checkSale(db: SdkDb, sale: FlashSale): Promise<SaleCheck> {
  const orders = (await all(db, 'orders', { buyerOpenid: db.RegExp({ regexp: `^${sale.shopperPrefix}` }) })).filter((o) =>
    (o.lines as Array<{ skuId: string }>).some((l) => l.skuId === sale.skuId),
  );
  const sku = await one(db, 'skus', sale.skuId);
  const coupons = await all(db, 'coupons', { templateId: sale.templateId });
  const byCoupon = new Map<string, number>();
  for (const o of orders) if (o.couponId) byCoupon.set(String(o.couponId), (byCoupon.get(String(o.couponId)) ?? 0) + 1);
  return {
    // Paid goods orders wait for the warehouse (`to_ship`, issue 12).
    paidOrders: orders.filter((o) => PAID.includes(String(o.status))).length,
    pendingOrders: orders.filter((o) => o.status === 'pending_pay').length,
    otherOrders: orders.filter((o) => !PAID.includes(String(o.status)) && o.status !== 'pending_pay').length,
    stock: Number(sku.stock),
    sold: Number(sku.sold),
    couponsIssued: coupons.length,
    couponsUsed: coupons.filter((c) => c.status === 'used').length,
    couponsOnTwoOrders: [...byCoupon.values()].filter((n) => n > 1).length,
  };
}

/** Does the cloud still answer? One shelf.view as a seeded customer, with a short client timeout. */
export async function probe(url: string): Promise<boolean> {
  const r = await callFunction(url, 'shelf', { action: 'view' }, 'o_cust_1', 10_000);
  return r.ok;
}

/** Figures of a burst: finished shoppers and paid orders per second, flow latency percentiles. */
export function summarize(wallMs: number, outcomes: ShopperOutcome[]) {
  const ms = outcomes.map((o) => o.ms);
  const ends: Record<string, number> = {};
  for (const o of outcomes) ends[o.end] = (ends[o.end] ?? 0) + 1;
  const calls: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    for (const [step, byCode] of Object.entries(o.calls)) {
      for (const [code, n] of Object.entries(byCode)) (calls[step] ??= {})[code] = (calls[step][code] ?? 0) + n;
    }
  }
  const paid = ends.paid ?? 0;
  return {
    shoppers: outcomes.length,
    wallMs: round(wallMs),
    shoppersPerSec: round((outcomes.length / wallMs) * 1000),
    paidPerSec: round((paid / wallMs) * 1000),
    p50Ms: round(percentile(ms, 50)),
    p95Ms: round(percentile(ms, 95)),
    p99Ms: round(percentile(ms, 99)),
    maxMs: round(Math.max(...ms)),
    slowestCallMs: round(Math.max(...outcomes.map((o) => o.slowestCallMs))),
    ends,
    calls,
    unanswered: outcomes.reduce((s, o) => s + o.unanswered, 0),
  };
}
