/**
 * Real paging (the store's key-set read, never an offset): every list that grows — my orders, a
 * salesperson's customers and orders, the ledger — walked 7 at a time over 30 documents whose
 * sort keys are all equal (only `_id` orders them) sees each document exactly once.
 */
import { useTestCloud } from '../../emulator/testing';
import { anOrder, NOW } from '../../tests/support/fixtures';

const t = useTestCloud();
const ids = (prefix: string) => Array.from({ length: 30 }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

/** Walks a list page by page (`limit` 7) and returns the rows of each page. */
async function walk<R>(fn: string, event: Record<string, unknown>, openid: string, rowsOf: (data: Record<string, unknown>) => R[]): Promise<R[][]> {
  const pages: R[][] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 10; n++) {
    const data = await t.cloud.ok<Record<string, unknown> & { nextCursor: string | null }>(fn, { ...event, limit: 7, ...(cursor ? { cursor } : {}) }, openid);
    pages.push(rowsOf(data));
    if (data.nextCursor === null) return pages;
    cursor = data.nextCursor;
  }
  throw new Error('more than 10 pages');
}

function expectEachOnce(pages: string[][], expected: string[]): void {
  expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 2]);
  const seen = pages.flat();
  expect(new Set(seen).size).toBe(seen.length);
  expect([...seen].sort()).toEqual([...expected].sort());
  // Ties in the sort key are ordered by _id (descending, like the key).
  expect(seen).toEqual([...expected].sort().reverse());
}

describe('paged lists: 30 documents with equal sort keys, 7 at a time', () => {
  it('order.list: each order once, the last page says there is no next', async () => {
    const orderIds = ids('oPage');
    await t.cloud.db.collection('orders').add(orderIds.map((_id) => anOrder({ _id, buyerOpenid: 'o_cust_1', createdAt: NOW })));
    const pages = await walk('order', { action: 'list' }, 'o_cust_1', (d) => (d.orders as Array<{ orderId: string }>).map((o) => o.orderId));
    expectEachOnce(pages, orderIds);
  });

  it('order.list: an order made and one removed between pages neither repeat nor skip a row (an offset would)', async () => {
    const orderIds = ids('oPage');
    await t.cloud.db.collection('orders').add(orderIds.map((_id) => anOrder({ _id, buyerOpenid: 'o_cust_1', createdAt: NOW })));
    const first = await t.cloud.ok<{ orders: Array<{ orderId: string }>; nextCursor: string }>('order', { action: 'list', limit: 7 }, 'o_cust_1');
    await t.cloud.db.collection('orders').add(anOrder({ _id: 'oPageNew', buyerOpenid: 'o_cust_1', createdAt: new Date(NOW.getTime() + 1000) }));
    await t.cloud.db.collection('orders').doc(first.orders[0].orderId).remove();
    const second = await t.cloud.ok<{ orders: Array<{ orderId: string }> }>('order', { action: 'list', limit: 7, cursor: first.nextCursor }, 'o_cust_1');
    const expected = [...orderIds].sort().reverse();
    expect(second.orders.map((o) => o.orderId)).toEqual(expected.slice(7, 14));
  });

  it('sales.customers: each bound customer once', async () => {
    const customers = ids('o_pc_');
    await t.cloud.db.collection('users').add(customers.map((_id) => ({ _id, role: 'customer', name: _id, boundSalesId: 'o_sales_li', boundAt: NOW, createdAt: NOW })));
    const pages = await walk('sales', { action: 'customers' }, 'o_sales_li', (d) => (d.items as Array<{ openid: string }>).map((c) => c.openid));
    expectEachOnce(pages, customers);
  });

  it('sales.orders: each paid order once', async () => {
    const orderIds = ids('oSales');
    const growthOrder = (_id: string) => ({ _id, buyerOpenid: 'o_cust_1', salesId: 'o_sales_li', shareId: null, depth: 1, totalFen: 100, refundedFen: 0, commissionFen: 10, paidAt: NOW, lines: [] });
    await t.cloud.db.collection('growth_orders').add(orderIds.map(growthOrder));
    const pages = await walk('sales', { action: 'orders' }, 'o_sales_li', (d) => (d.items as Array<{ orderId: string }>).map((o) => o.orderId));
    expectEachOnce(pages, orderIds);
  });

  it('sales.ledger: each entry once; totals over every entry on the first page only', async () => {
    const entryIds = ids('le');
    const entry = (_id: string, i: number) => ({ _id, salesId: 'o_sales_li', kind: 'pending', orderId: `o${i}`, lineId: 'L1', productId: 'p01', amountFen: 100 + i, createdAt: NOW });
    await t.cloud.db.collection('commission_ledger').add(entryIds.map(entry));
    const totals: unknown[] = [];
    const pages = await walk('sales', { action: 'ledger' }, 'o_sales_li', (d) => {
      totals.push(d.totals);
      return (d.entries as Array<{ entryId: string }>).map((e) => e.entryId);
    });
    expectEachOnce(pages, entryIds);
    const pending = entryIds.reduce((s, _id, i) => s + 100 + i, 0);
    expect(totals).toEqual([{ pendingFen: pending, settleableFen: 0, paidFen: 0, reversedFen: 0, owedFen: pending }, null, null, null, null]);
  });

  it('a cursor the store did not give is INVALID_ARGUMENT naming cursor', async () => {
    for (const cursor of ['garbage', Buffer.from('["createdAt",1]').toString('base64url')]) {
      const r = await t.cloud.call('order', { action: 'list', cursor }, 'o_cust_1');
      expect(r.ok === false && [r.error.code, r.error.message.split(':')[0]]).toEqual(['INVALID_ARGUMENT', 'cursor']);
    }
  });
});
