/** How the targeted fault tests call functions: as the mini-program does (retrying), and pay at the cashier. */
import type { TestCloud } from '../../emulator/testing';
import type { Envelope } from '../../shared/errors';
import { deliverCallbacks, payOrder, type ChargeReply } from '../support/pay';

/** A client call retried on INTERNAL/CONFLICT (same event), like the mini-program. */
export async function clientCall<T>(cloud: TestCloud, fn: string, event: Record<string, unknown>, openid: string): Promise<Envelope<T>> {
  let r: Envelope<T> = { ok: false, error: { code: 'INTERNAL', message: '' } };
  for (let i = 0; i < 6; i++) {
    r = (await cloud.cloud.functions.invoke(fn, event, { kind: 'client', openid })) as Envelope<T>;
    if (r.ok || !['INTERNAL', 'CONFLICT'].includes(r.error.code)) return r;
  }
  return r;
}

/**
 * Pays as the mini-program's buyer does (order.pay retried like the client, then the cashier); WeChat
 * Pay delivers again a notice payNotify did not acknowledge (its 15 s retry, collapsed here).
 */
export async function payAsBuyer(cloud: TestCloud, orderId: string, openid: string): Promise<void> {
  const r = await payOrder(cloud, orderId, openid, { callPay: (id, who) => clientCall<ChargeReply>(cloud, 'order', { action: 'pay', orderId: id }, who) });
  if (!r.acknowledged) await deliverCallbacks(cloud, true);
}

/** The data of an ok reply; throws with the code otherwise. */
export function data<T>(r: Envelope<T>): T {
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.data;
}
