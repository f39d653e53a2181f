/**
 * The commerce and growth scenario the fault suites run: shares and bindings (with a re-share),
 * coupon claims, orders with coupons, payments through WeChat Pay (order.pay, the cashier, the
 * pay notice), a cancel, full and partial refunds finished by WeChat Pay's refund notices, an
 * unpaid order released by TTL, a group team that succeeds, one that fails and is refunded by
 * the sweep, one left unpaid; orders shipped, received, one line returned, one refunded in
 * transit, a request left open; then completion and commission settlement. Calls are sequential and the
 * clock is frozen, so with a seeded fault config the run is the same every time.
 *
 * The client behaves like the mini-program: a reply of INTERNAL or CONFLICT (or a thrown
 * transport error) is retried with the same event (the same idempotency key), up to 6 times.
 * WeChat Pay behaves like WeChat Pay: a notice payNotify did not acknowledge is delivered again
 * (its retry gaps collapsed), refunds settle and are notified as the clock passes.
 */
import type { TestCloud } from '../../emulator/testing';
import type { Envelope } from '../../shared/errors';
import { HOME } from '../support/commerce';
import { deliverCallbacks, payOrder, type ChargeReply } from '../support/pay';

const RETRYABLE = new Set(['INTERNAL', 'CONFLICT']);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface ScenarioLog {
  /** Orders whose payer was charged at WeChat Pay (the cashier answered SUCCESS): each must end paid (or refunded). */
  clientSawPaid: Set<string>;
  /** Calls that still failed with a retryable code after all retries: "fn.action code". */
  gaveUp: string[];
  /** Count of replies by code over all attempts (OK included). */
  codes: Record<string, number>;
  /** Sweep replies that were not ok. */
  sweepErrors: string[];
  attempts: number;
}

export async function runScenario(cloud: TestCloud, onFaultsOff?: () => void): Promise<ScenarioLog> {
  const log: ScenarioLog = { clientSawPaid: new Set(), gaveUp: [], codes: {}, sweepErrors: [], attempts: 0 };

  async function call<T = Record<string, unknown>>(fn: string, event: Record<string, unknown>, openid: string): Promise<Envelope<T>> {
    let last: Envelope<T> = { ok: false, error: { code: 'INTERNAL', message: 'not called' } };
    for (let attempt = 0; attempt < 6; attempt++) {
      log.attempts++;
      try {
        last = (await cloud.cloud.functions.invoke(fn, event, { kind: 'client', openid })) as Envelope<T>;
      } catch (err) {
        last = { ok: false, error: { code: 'INTERNAL', message: String(err) } };
      }
      const code = last.ok ? 'OK' : last.error.code;
      log.codes[code] = (log.codes[code] ?? 0) + 1;
      if (last.ok || !RETRYABLE.has(last.error.code)) return last;
    }
    log.gaveUp.push(`${fn}.${String(event.action)} ${last.ok ? '' : last.error.code}`);
    return last;
  }
  const data = <T>(r: Envelope<T>): T | undefined => (r.ok ? r.data : undefined);

  /** The timer runs; WeChat Pay settles the refunds due by now and delivers the notices due. */
  async function sweep(times: number): Promise<void> {
    for (let i = 0; i < times; i++) {
      const r = (await cloud.runTimer('sweep')) as Envelope<unknown>;
      if (!r || r.ok !== true) log.sweepErrors.push(r && r.ok === false ? r.error.code : 'no reply');
      await deliverCallbacks(cloud);
    }
  }

  async function pay(orderId: string | undefined, openid: string): Promise<void> {
    if (!orderId) return;
    const r = await payOrder(cloud, orderId, openid, { strict: false, callPay: (id, who) => call<ChargeReply>('order', { action: 'pay', orderId: id }, who) });
    if (!r.paid) return;
    log.clientSawPaid.add(orderId);
    // WeChat Pay delivers a notice again until payNotify acknowledges it (a few tries; the rest is the sweep's).
    for (let i = 0, acknowledged = r.acknowledged; i < 3 && !acknowledged; i++) {
      acknowledged = (await deliverCallbacks(cloud, true)).delivered.some((c) => c.id === `pay:${orderId}` && c.acknowledged);
    }
  }

  // The demo customers have a seeded home address; new customers add theirs (a retried save of
  // the same address keeps one entry).
  const addressIds = new Map<string, string>();
  const addressOf = (openid: string) => addressIds.get(openid) ?? HOME;
  async function addAddress(openid: string, i: number): Promise<void> {
    const address = { name: `新客${i}`, phone: `1390000000${i}`, province: '江苏省', city: '南京市', district: '玄武区', detail: `中山路${i}号` };
    const saved = data(await call<{ addressId: string }>('address', { action: 'save', address }, openid));
    if (saved) addressIds.set(openid, saved.addressId);
  }

  async function order(openid: string, key: string, fields: Record<string, unknown>): Promise<{ orderId: string; lines: Array<{ lineId: string }> } | undefined> {
    return data(await call<{ orderId: string; lines: Array<{ lineId: string }> }>('order', { action: 'create', addressId: addressOf(openid), idempotencyKey: key, ...fields }, openid));
  }

  async function claim(openid: string, templateId: string): Promise<string | undefined> {
    return data(await call<{ couponId: string }>('coupon', { action: 'claim', templateId }, openid))?.couponId;
  }

  const news = ['o_fz_n1', 'o_fz_n2', 'o_fz_n3', 'o_fz_n4', 'o_fz_n5', 'o_fz_n6'];
  const [c1, c2, c3, c4] = ['o_cust_1', 'o_cust_2', 'o_cust_3', 'o_cust_4'];
  const [n1, n2, n3, n4, n5, n6] = news;

  // Shares and binding: li's shelf card to the new customers, n1 re-shares a product to n6, wang's card to c4.
  const s1 = data(await call<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li'))?.shareId;
  const s2 = data(await call<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_wang' }, channel: 'poster' }, 'o_sales_wang'))?.shareId;
  for (const who of [n1, n2, n3, n4, n5]) if (s1) await call('share', { action: 'open', shareId: s1 }, who);
  const s3 = data(await call<{ shareId: string }>('share', { action: 'create', target: { type: 'product', id: 'p03' }, channel: 'card' }, n1))?.shareId;
  if (s3) await call('share', { action: 'open', shareId: s3 }, n6);
  if (s2) await call('share', { action: 'open', shareId: s2 }, c4);

  for (const [i, who] of news.entries()) await addAddress(who, i + 1);

  // Claims.
  const flat: Record<string, string | undefined> = {};
  const man: Record<string, string | undefined> = {};
  const zhe: Record<string, string | undefined> = {};
  for (const who of [n1, n2, n3, n5, c3]) {
    flat[who] = await claim(who, 'ct_flat5');
    man[who] = await claim(who, 'ct_man100_15');
    zhe[who] = await claim(who, 'ct_zhe80_cap30');
  }

  // Orders (normal).
  const o1 = await order(n1, 'fz-n1-0001', { items: [{ productId: 'p03', qty: 1 }], couponId: flat[n1], shareId: s3 });
  const o2 = await order(n2, 'fz-n2-0001', { items: [{ productId: 'p05', qty: 2 }, { productId: 'p07', skuId: 'p07-s1', qty: 1 }], couponId: zhe[n2] });
  const o3 = await order(n3, 'fz-n3-0001', { items: [{ productId: 'p01', skuId: 'p01-s1', qty: 1 }], couponId: man[n3] });
  const o4 = await order(n4, 'fz-n4-0001', { items: [{ productId: 'p08', qty: 1 }] });
  const o5 = await order(n5, 'fz-n5-0001', { items: [{ productId: 'p02', skuId: 'p02-s1', qty: 1 }], couponId: flat[n5] });
  const o6 = await order(c1, 'fz-c1-0001', { items: [{ productId: 'p09', qty: 1 }] });
  const o7 = await order(c2, 'fz-c2-0001', { items: [{ productId: 'p10', qty: 2 }] });
  const o8 = await order(c3, 'fz-c3-0001', { items: [{ productId: 'p04', skuId: 'p04-s1', qty: 2 }, { productId: 'p06', qty: 1 }], couponId: zhe[c3] });
  const o9 = await order(c4, 'fz-c4-0001', { items: [{ productId: 'p11', skuId: 'p11-s1', qty: 1 }] });
  // The same order submitted twice (a client retry after a lost reply).
  await order(n2, 'fz-n2-0001', { items: [{ productId: 'p05', qty: 2 }, { productId: 'p07', skuId: 'p07-s1', qty: 1 }], couponId: zhe[n2] });

  for (const [o, who] of [[o1, n1], [o2, n2], [o3, n3], [o6, c1], [o7, c2], [o8, c3], [o9, c4]] as const) await pay(o?.orderId, who);
  // A second pay of a paid order (double tap) and a cancel.
  await pay(o1?.orderId, n1);
  if (o4) await call('order', { action: 'cancel', orderId: o4.orderId }, n4);

  // Refunds: full (the buyer's after-sale before shipping, approved at once), partial one line
  // (staff), full by the buyer's request and by the boss.
  if (o1) await call('aftersale', { action: 'request', orderId: o1.orderId, lineIds: o1.lines.map((l) => l.lineId), kind: 'refund', reason: '不要了' }, n1);
  if (o2) await call('order', { action: 'refund', orderId: o2.orderId, lineIds: [o2.lines[1]?.lineId ?? 'x'] }, 'o_ops');
  if (o7) await call('aftersale', { action: 'request', orderId: o7.orderId, lineIds: o7.lines.map((l) => l.lineId), kind: 'refund', reason: '拍错了' }, c2);
  if (o9) await call('order', { action: 'refund', orderId: o9.orderId, reason: 'damaged' }, 'o_boss');
  // The partial refund asked again (a retry after a lost reply) must not refund twice.
  if (o2) await call('order', { action: 'refund', orderId: o2.orderId, lineIds: [o2.lines[1]?.lineId ?? 'x'] }, 'o_ops');

  // Fulfilment (issue 12): o3 shipped and received, one line returned (request → approve → parcel
  // → received); o8 shipped and one line refunded before it arrived (no stock back); o6 shipped
  // and received, a request left open (its commission must not settle).
  for (const o of [o3, o6, o8]) if (o) await call('fulfil', { action: 'ship', orderId: o.orderId, lineIds: o.lines.map((l) => l.lineId), carrier: 'SF', trackingNo: 'SF1234567890123' }, 'o_ops');
  for (const [o, who] of [[o3, n3], [o6, c1]] as const) if (o) await call('order', { action: 'confirmReceipt', orderId: o.orderId }, who);
  const back = o3 && data(await call<{ requestId: string }>('aftersale', { action: 'request', orderId: o3.orderId, lineIds: [o3.lines[0].lineId], kind: 'return', reason: '破损' }, n3));
  if (back) {
    await call('aftersale', { action: 'review', requestId: back.requestId, approve: true, note: '请寄回' }, 'o_ops');
    await call('aftersale', { action: 'returnShipped', requestId: back.requestId, carrier: 'YTO', trackingNo: 'YT9000123456789' }, n3);
    await call('aftersale', { action: 'receiveReturn', requestId: back.requestId }, 'o_ops');
    await call('aftersale', { action: 'receiveReturn', requestId: back.requestId }, 'o_ops'); // a retry: refunded once
  }
  const lost = o8 && data(await call<{ requestId: string }>('aftersale', { action: 'request', orderId: o8.orderId, lineIds: [o8.lines[1]?.lineId ?? 'x'], kind: 'refund', reason: '没收到' }, c3));
  if (lost) await call('aftersale', { action: 'review', requestId: lost.requestId, approve: true, note: '' }, 'o_boss');
  if (o6) await call('aftersale', { action: 'request', orderId: o6.orderId, lineIds: [o6.lines[0].lineId], kind: 'return', reason: '等审核' }, c1);

  // Group deals: a duo that succeeds; a trio that fails (2 of 3 paid); a trio never paid.
  const duo = data(await call<{ teamId: string; orderId: string }>('order', { action: 'create', addressId: addressOf(n6), dealId: 'gd_p01_duo', idempotencyKey: 'fz-duo-open' }, n6));
  await pay(duo?.orderId, n6);
  const duoJoin = duo && data(await call<{ orderId: string }>('order', { action: 'create', addressId: HOME, teamId: duo.teamId, idempotencyKey: 'fz-duo-join' }, c1));
  await pay(duoJoin?.orderId, c1);
  const trio = data(await call<{ teamId: string; orderId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p02_trio', idempotencyKey: 'fz-trio-open' }, c2));
  await pay(trio?.orderId, c2);
  const trioJoin = trio && data(await call<{ orderId: string }>('order', { action: 'create', addressId: HOME, teamId: trio.teamId, idempotencyKey: 'fz-trio-join' }, c3));
  await pay(trioJoin?.orderId, c3);
  await call('order', { action: 'create', addressId: addressOf(n4), dealId: 'gd_p02_trio', idempotencyKey: 'fz-trio-lone' }, n4);
  void o5; // left unpaid: released by the sweep after its pay TTL
  void o3;

  // The pay TTL passes (unpaid orders released), then the trio expires (failed, refunded).
  cloud.advanceClock(HOUR);
  await sweep(2);
  cloud.advanceClock(25 * HOUR);
  await sweep(3);
  // Receipt confirmed by the sweep, then the after-sale window closes: orders complete (their
  // commission settles; o6's open request holds it), referral rewards go out.
  cloud.advanceClock(11 * DAY);
  await sweep(3);
  cloud.advanceClock(8 * DAY);
  await sweep(3);

  // Faults off: the system keeps running its timer; pending work (refund retries, settlement) completes.
  // The timer runs every minute in real time: a refund asked for in the last faulty sweep settles
  // at WeChat Pay and is queried by a sweep a couple of minutes later.
  onFaultsOff?.();
  for (let i = 0; i < 2; i++) {
    cloud.advanceClock(2 * 60_000);
    await sweep(1);
  }
  return log;
}
