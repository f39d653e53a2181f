/**
 * A deployment without WeChat Pay's configuration (no CLOUDPAY_SUB_MCH_ID in the functions'
 * environment, as `npm run deploy` would leave it without the variable): the functions refuse to
 * charge with FAILED_PRECONDITION naming the setting, WeChat Pay never sees a charge, and no order
 * is ever marked paid — nothing fails open. The local cloud binds its merchant at start; this file
 * takes it away again.
 */
import { useTestCloud, AS_FUNCTION } from '../../../emulator/testing';
import { doc, docs, HOME } from '../../../tests/support/commerce';

const t = useTestCloud();

describe.each([
  ['unset', undefined],
  ['empty', ''],
])('CLOUDPAY_SUB_MCH_ID %s', (_name, value) => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.CLOUDPAY_SUB_MCH_ID;
    if (value === undefined) delete process.env.CLOUDPAY_SUB_MCH_ID;
    else process.env.CLOUDPAY_SUB_MCH_ID = value;
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.CLOUDPAY_SUB_MCH_ID;
    else process.env.CLOUDPAY_SUB_MCH_ID = saved;
    jest.restoreAllMocks();
  });

  it('order.pay refuses with FAILED_PRECONDITION naming the setting; no charge exists, the order stays unpaid, the sweep never marks it paid', async () => {
    const o = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'unconfigured-01' }, 'o_cust_1');
    const pay = await t.cloud.call('order', { action: 'pay', orderId: o.orderId }, 'o_cust_1');
    expect(pay).toEqual({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('CLOUDPAY_SUB_MCH_ID') } });

    const trades = (await (await fetch(`${t.cloud.url}/_emulator/wxpay/trades`)).json()) as unknown[];
    expect(trades).toEqual([]);
    const cashier = await fetch(`${t.cloud.url}/_emulator/cashier`, { method: 'POST', body: JSON.stringify({ outTradeNo: o.orderId, outcome: 'pay' }) });
    expect(cashier.status).toBe(404);

    // Past the deadline the sweep cannot close a charge it cannot ask about: it releases nothing and pays nothing.
    t.cloud.advanceClock(16 * 60 * 1000);
    expect(await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION)).toMatchObject({ ordersClosed: 0, ordersPaidAtClose: 0 });
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'pending_pay', paidAt: null, paidFen: 0 });
    expect(await docs(t.cloud, 'payments')).toEqual([]);
    expect(await docs(t.cloud, 'orders', { status: 'paid' })).toEqual([]);
  });
});
