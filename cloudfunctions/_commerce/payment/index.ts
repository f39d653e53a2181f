import { cloudPayPayment } from './cloudpay';
import type { PaymentPort } from './port';
import { sandboxPayment } from './sandbox';

export type { PaymentPort, PaidNotice, ChargeStart, RefundRequest, RefundOutcome } from './port';
export { sandboxPayment, sandboxLedger, signSandboxNotice, sandboxTradeNo } from './sandbox';
export { cloudPayPayment } from './cloudpay';

/** The configured payment adapter: PAYMENT_PROVIDER=sandbox (default) | cloudpay. */
export function paymentPort(env: NodeJS.ProcessEnv = process.env): PaymentPort {
  const name = (env.PAYMENT_PROVIDER ?? 'sandbox').toLowerCase();
  if (name === 'cloudpay') return cloudPayPayment;
  if (name === 'sandbox') return sandboxPayment;
  throw new Error(`PAYMENT_PROVIDER=${name} is not a payment adapter (sandbox | cloudpay)`);
}
