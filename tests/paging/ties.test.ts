/**
 * Every paged action (a `cursor` or a `skip`), paged through 30 documents whose sort key is equal:
 * the local cloud returns equal keys in no fixed order (as MongoDB does), so a list whose sort does
 * not end on `_id` repeats some rows and drops others. Each action must show each of the 30
 * exactly once (docs/architecture.md, "Data rules the local cloud enforces").
 */
import { useTestCloud } from '../../emulator/testing';
import type { CollectionName } from '../../cloudfunctions/_platform/collections';
import { contract } from '../../shared/contract';
import { seedBriefcase } from '../../emulator/seed/briefcase';
import { doc, giveAddresses, HOME } from '../support/commerce';
import { aPaidOrder } from '../support/fixtures';

const t = useTestCloud();
const SAME = new Date('2026-05-20T02:00:00.000Z');
const LATER = new Date('2026-07-01T02:00:00.000Z');
const TIES = 30;
/** A seeded material (the article): every field a material needs. */
const SEEDED_MATERIAL = seedBriefcase(SAME).materials[0];
/** A customer bound to o_sales_li, whom the customer 360 and the radar may show. */
const BOUND = 'o_tie_customer';
/** A real order of o_cust_2's (made by order.create), the template of the 30 orders. */
let anOrder: Record<string, unknown> = {};
async function placeOrder(): Promise<void> {
  await giveAddresses(t.cloud, ['o_cust_2']);
  const { orderId } = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', skuId: 'p03-s1', qty: 1 }], idempotencyKey: 'ties-order-0001' }, 'o_cust_2');
  const { _id: _ignored, ...fields } = (await doc(t.cloud, 'orders', orderId)) as Record<string, unknown>;
  anOrder = fields;
}
async function bindCustomer(): Promise<void> {
  await t.cloud.db.collection('users').doc(BOUND).set({ role: 'customer', boundSalesId: 'o_sales_li', boundAt: SAME, createdAt: SAME });
}
/** The page size of the skip-paged lists (the cursor lists have fixed pages of 20). */
const SKIP_PAGE = 7;

interface PagedAction {
  fn: string;
  action: string;
  caller: string;
  event?: Record<string, unknown>;
  collection: CollectionName;
  /** The i-th of the 30 documents: every sort key equal. */
  doc: (id: string) => Record<string, unknown>;
  /** Where the rows are in the reply (a dotted path). */
  list: string;
  id: string;
  paging: 'cursor' | 'skip';
  /** Where the next page's cursor is in the reply (default `nextCursor`). */
  cursorAt?: string;
  /** Documents the action needs besides the 30 (e.g. the customer they are about). */
  setup?: () => Promise<void>;
}

/** An open after-sale request of o_cust_1's (its order absent: the views show no lines). */
function aRequest(_id: string): Record<string, unknown> {
  return { _id, orderId: `o_${_id}`, buyerOpenid: 'o_cust_1', lineIds: ['L1'], kind: 'refund', reason: '并列', photos: [], status: 'requested', refundFen: 100, autoApproved: false, createdAt: SAME, updatedAt: SAME, reviewedAt: null, reviewedBy: null, note: '', returnShipment: null, returnReceivedAt: null, refundId: null, refundedAt: null, cancelledAt: null };
}

/** The value at a dotted path of a reply. */
function at(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null | undefined)?.[k], data);
}

const ACTIONS: PagedAction[] = [
  {
    fn: 'sales',
    action: 'customers',
    caller: 'o_sales_li',
    event: { limit: 7 },
    collection: 'users',
    doc: (_id) => ({ _id, role: 'customer', boundSalesId: 'o_sales_li', boundAt: SAME, createdAt: SAME }),
    list: 'items',
    id: 'openid',
    paging: 'cursor',
  },
  {
    fn: 'sales',
    action: 'orders',
    caller: 'o_sales_li',
    event: { limit: 7 },
    collection: 'growth_orders',
    doc: (_id) => ({ _id, buyerOpenid: 'o_cust_1', salesId: 'o_sales_li', shareId: null, depth: 0, totalFen: 100, refundedFen: 0, commissionFen: 0, paidAt: SAME, lines: [] }),
    list: 'items',
    id: 'orderId',
    paging: 'cursor',
  },
  {
    fn: 'fulfil',
    action: 'toShip',
    caller: 'o_ops',
    collection: 'orders',
    doc: (_id) => ({ ...aPaidOrder({ _id, status: 'to_ship', createdAt: SAME, paidAt: SAME, readyAt: SAME }), _id }),
    list: 'items',
    id: 'orderId',
    paging: 'cursor',
  },
  {
    fn: 'aftersale',
    action: 'list',
    caller: 'o_cust_1',
    collection: 'aftersale_requests',
    doc: (_id) => aRequest(_id),
    list: 'items',
    id: 'requestId',
    paging: 'cursor',
  },
  {
    fn: 'aftersale',
    action: 'queue',
    caller: 'o_ops',
    collection: 'aftersale_requests',
    doc: (_id) => aRequest(_id),
    list: 'items',
    id: 'requestId',
    paging: 'cursor',
  },
  {
    fn: 'admin',
    action: 'referrals',
    caller: 'o_boss',
    event: { status: 'review' },
    collection: 'referral_rewards',
    doc: (_id) => ({ _id, status: 'review', buyerOpenid: 'o_cust_2', referrerOpenid: 'o_cust_1', orderId: `o_${_id}`, paidFen: 100, reasons: [], qualifiedAt: SAME, dueAt: LATER, createdAt: SAME }),
    list: 'items',
    id: 'rewardId',
    paging: 'cursor',
  },
  {
    fn: 'catalog',
    action: 'list',
    caller: 'o_ops',
    collection: 'products',
    doc: (_id) => ({ _id, title: `同时上架 ${_id}`, category: '茶叶', status: 'off', images: [], sort: 0, createdAt: SAME }),
    list: 'products',
    id: 'productId',
    paging: 'cursor',
  },
  {
    fn: 'payout',
    action: 'mine',
    caller: 'o_sales_li',
    collection: 'payouts',
    doc: (_id) => ({ _id, salesId: 'o_sales_li', amountFen: 100, status: 'paid', balanceAtRequestFen: 100, requestedAt: SAME, paidAt: SAME, reference: 'TIE' }),
    list: 'items',
    id: 'payoutId',
    paging: 'cursor',
  },
  {
    fn: 'payout',
    action: 'queue',
    caller: 'o_boss',
    event: { status: 'rejected' },
    collection: 'payouts',
    doc: (_id) => ({ _id, salesId: 'o_sales_wang', amountFen: 100, status: 'rejected', balanceAtRequestFen: 100, requestedAt: SAME, reviewedAt: SAME, reviewNote: 'tie' }),
    list: 'items',
    id: 'payoutId',
    paging: 'cursor',
  },
  {
    fn: 'team',
    action: 'invites',
    caller: 'o_boss',
    collection: 'invites',
    doc: (_id) => ({ _id, createdBy: 'o_boss', createdAt: SAME, expiresAt: LATER, uses: 1, usesLeft: 1, acceptedBy: [], qrFileId: null }),
    list: 'invites',
    id: 'code',
    paging: 'cursor',
  },
  {
    fn: 'team',
    action: 'members',
    caller: 'o_boss',
    collection: 'users',
    doc: (_id) => ({ _id, role: 'sales', name: `销售 ${_id}`, title: '顾问', createdAt: SAME }),
    list: 'members',
    id: 'openid',
    paging: 'cursor',
  },
  {
    fn: 'training',
    action: 'report',
    caller: 'o_boss',
    event: { limit: 7 },
    collection: 'users',
    doc: (_id) => ({ _id, role: 'sales', name: `销售 ${_id}`, createdAt: SAME }),
    list: 'sales.rows',
    id: 'salesId',
    paging: 'cursor',
    cursorAt: 'sales.nextCursor',
  },
  {
    fn: 'sales',
    action: 'ledger',
    caller: 'o_sales_li',
    event: { limit: 7 },
    collection: 'commission_ledger',
    doc: (_id) => ({ _id, salesId: 'o_sales_li', kind: 'pending', orderId: `o_${_id}`, lineId: 'l1', productId: 'p01', amountFen: 100, createdAt: SAME, settleAt: LATER }),
    list: 'entries',
    id: 'entryId',
    paging: 'cursor',
  },
  {
    fn: 'order',
    action: 'list',
    caller: 'o_cust_2',
    event: { limit: 7 },
    collection: 'orders',
    doc: (_id) => ({ ...anOrder, _id, createdAt: SAME }),
    list: 'orders',
    id: 'orderId',
    paging: 'cursor',
    setup: placeOrder,
  },
  // the briefcase (issue 15)
  {
    fn: 'customer',
    action: 'timeline',
    caller: 'o_sales_li',
    event: { openid: BOUND },
    setup: bindCustomer,
    collection: 'customer_events',
    doc: (_id) => ({ _id, openid: BOUND, salesId: 'o_sales_li', type: 'share_opened', at: SAME, data: { shareId: _id, targetType: 'card', targetId: 'o_sales_li', bound: false } }),
    list: 'items',
    id: 'eventId',
    paging: 'cursor',
  },
  {
    fn: 'material',
    action: 'list',
    caller: 'o_sales_li',
    collection: 'materials',
    doc: (_id) => ({ ...SEEDED_MATERIAL, _id, status: 'active', publishedAt: SAME }),
    list: 'items',
    id: 'materialId',
    paging: 'cursor',
  },
  {
    fn: 'material',
    action: 'radar',
    caller: 'o_sales_li',
    collection: 'customer_events',
    doc: (_id) => ({ _id, openid: BOUND, salesId: 'o_sales_li', type: 'material_read', at: SAME, data: { materialId: 'm_tie', title: '同时阅读', kind: 'article' }, seconds: 10, depth: 50, lastReportAt: SAME }),
    list: 'items',
    id: 'visitId',
    paging: 'cursor',
    setup: bindCustomer,
  },
];

/** Every row the action lists, page after page (at most 20 pages). */
async function pageThrough(a: PagedAction): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const paging = a.paging === 'skip' ? { skip: page * SKIP_PAGE, limit: SKIP_PAGE } : cursor ? { cursor } : {};
    const data = await t.cloud.ok<Record<string, unknown>>(a.fn, { action: a.action, ...a.event, ...paging }, a.caller);
    const rows = at(data, a.list) as Array<Record<string, string>>;
    seen.push(...rows.map((r) => r[a.id]));
    if (a.paging === 'skip' ? rows.length < SKIP_PAGE : !(cursor = at(data, a.cursorAt ?? 'nextCursor') as string | null)) return seen;
  }
  throw new Error(`${a.fn}.${a.action} did not reach its last page in 20 pages`);
}

/** The actions whose contract takes a `cursor` or a `skip`. */
function pagedActions(): string[] {
  return Object.entries(contract).flatMap(([fn, actions]) =>
    Object.entries(actions as Record<string, { input: Record<string, unknown> }>)
      .filter(([, a]) => 'cursor' in a.input || 'skip' in a.input)
      .map(([action]) => `${fn}.${action}`),
  );
}

it('covers every action that takes a cursor or a skip (a new paged action needs a row)', () => {
  expect(ACTIONS.map((a) => `${a.fn}.${a.action}`).sort()).toEqual(pagedActions().sort());
});

it.each(ACTIONS.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s pages 30 documents with equal sort keys and shows each exactly once', async (name, a) => {
  const prefix = `tie_${name.replace('.', '_')}_`;
  const ids = Array.from({ length: TIES }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);
  await a.setup?.();
  await t.cloud.db.collection(a.collection).add(ids.map((id) => a.doc(id)));
  const seen = await pageThrough(a);
  expect(seen.length).toBe(new Set(seen).size); // no row twice (seeded rows included)
  expect(seen.filter((id) => id.startsWith(prefix)).sort()).toEqual(ids);
});
