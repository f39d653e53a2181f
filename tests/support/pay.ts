/**
 * The one way tests pay an order: through `order.pay` as its buyer (today the payment port's
 * sandbox pays at once through payNotify; when cloudPay is the only adapter this is where the
 * cashier is driven). Returns the order's status after payment.
 */
import type { TestCloud } from '../../emulator/testing';

export async function payOrder(cloud: TestCloud, orderId: string, buyer: string): Promise<string> {
  const r = await cloud.ok<{ status: string }>('order', { action: 'pay', orderId }, buyer);
  return r.status;
}
