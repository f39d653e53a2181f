import { createHmac, timingSafeEqual } from 'node:crypto';
import { callFunction } from '../../_platform';
import type { ChargeRequest, ChargeStart, PaidNotice, PaymentPort, RefundOutcome, RefundRequest } from './port';

/**
 * Local sandbox payment. Paying signs a notification with a shared key and delivers it to
 * payNotify through a server-side function call — the path WeChat Pay's callback takes in the
 * cloud — so de-duplication and the paid transition are exercised exactly as in production.
 * The key comes from SANDBOX_PAY_KEY (a fixed dev key by default; the sandbox is never enabled
 * in the cloud unless PAYMENT_PROVIDER=sandbox is set there).
 */
export function sandboxKey(env: NodeJS.ProcessEnv = process.env): string {
  return env.SANDBOX_PAY_KEY || 'linkshelf-sandbox-dev-key';
}

/** The fields of a sandbox notification, signed in this order. */
export interface SandboxNotice {
  outTradeNo: string;
  transactionId: string;
  totalFee: number;
  resultCode: 'SUCCESS' | 'FAIL';
}

/** HMAC-SHA256 over the notice's fields. */
export function signSandboxNotice(n: SandboxNotice, key = sandboxKey()): string {
  return createHmac('sha256', key).update(`${n.outTradeNo}|${n.transactionId}|${n.totalFee}|${n.resultCode}`).digest('hex');
}

/** The trade number the sandbox assigns to an order's payment (stable, so re-paying replays). */
export function sandboxTradeNo(orderId: string): string {
  return `sbx_${orderId}`;
}

/**
 * What the sandbox "paid back", as a provider would see it: one payout per refund id (a refund id
 * asked again pays nothing more, like WeChat Pay's out_refund_no). `failRefundsFor` makes the
 * refunds of the listed orders throw, as a provider outage would — tests use it to break a run of
 * refunds half-way. In-process only; the sandbox holds no money.
 */
export const sandboxLedger = {
  payouts: new Map<string, { orderId: string; refundFen: number }>(),
  failRefundsFor: new Set<string>(),
  clear(): void {
    this.payouts.clear();
    this.failRefundsFor.clear();
  },
};

export const sandboxPayment: PaymentPort = {
  name: 'sandbox',
  async startCharge(req: ChargeRequest): Promise<ChargeStart> {
    const notice: SandboxNotice = {
      outTradeNo: req.orderId,
      transactionId: sandboxTradeNo(req.orderId),
      totalFee: req.totalFen,
      resultCode: 'SUCCESS',
    };
    // WeChat Pay re-delivers a notice until the callback answers success (for up to 2 days); the
    // sandbox re-delivers at once, up to 3 times, so a half-failed first delivery is healed by
    // payNotify's replay path exactly as in production.
    let res: { ok: boolean; error?: { code: string; message: string } } | undefined;
    for (let delivery = 1; delivery <= 3 && res?.ok !== true; delivery++) {
      res = await callFunction<{ ok: boolean; error?: { code: string; message: string } }>('payNotify', {
        action: 'sandbox',
        ...notice,
        sign: signSandboxNotice(notice),
      }).catch(() => undefined);
    }
    if (!res || res.ok !== true) {
      throw new Error(`sandbox payNotify failed: ${res?.error?.code ?? 'no reply'} ${res?.error?.message ?? ''}`);
    }
    return { mode: 'sandbox', tradeNo: notice.transactionId };
  },
  async verifyNotice(event: Record<string, unknown>): Promise<PaidNotice | null> {
    const n = event as unknown as SandboxNotice & { sign?: unknown };
    if (typeof n.sign !== 'string' || n.resultCode !== 'SUCCESS') return null;
    const expected = Buffer.from(signSandboxNotice(n), 'hex');
    const given = Buffer.from(n.sign, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { orderId: n.outTradeNo, tradeNo: n.transactionId, totalFen: n.totalFee, provider: 'sandbox' };
  },
  async refund(req: RefundRequest): Promise<RefundOutcome> {
    if (sandboxLedger.failRefundsFor.has(req.orderId)) throw new Error(`sandbox refund of ${req.orderId} failed (injected)`);
    // Done as soon as it is asked for; the same refund id never pays twice.
    if (!sandboxLedger.payouts.has(req.refundId)) sandboxLedger.payouts.set(req.refundId, { orderId: req.orderId, refundFen: req.refundFen });
    return { done: true };
  },
};
