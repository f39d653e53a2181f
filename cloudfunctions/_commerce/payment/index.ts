import { cloudPayPayment } from './cloudpay';
import type { PaymentPort } from './port';

export type { PaymentPort, PaidNotice, ChargeStart, ChargeClosing, RefundRequest, RefundNotice, RequestPayment } from './port';
export { cloudPayPayment } from './cloudpay';

/** The payment adapter: WeChat Pay through cloudPay, the only one (locally too: the local cloud plays WeChat Pay). */
export function paymentPort(): PaymentPort {
  return cloudPayPayment;
}
