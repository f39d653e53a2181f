/**
 * Access: every action × every kind of caller, against a table written by hand from the product
 * rules (design.md, product.md) — NOT derived from `main.actions`. A new action without a row
 * fails the coverage test. Callers are what the platform's call context says (the local cloud
 * sends each kind the context CloudBase sends): mini-program users — a customer, a salesperson,
 * the boss, an ops user, an unknown openid (first visit: registered as a customer) and a client
 * call without an openid; the platform's own callers — another function (SOURCE `…,scf`), a timer
 * (`wx_trigger`), WeChat Pay's callback (`wx_paycallback`); and web callers without an openid — a
 * signed-in web user and an anonymous one.
 *
 * allow = the call gets past access (any reply but PERMISSION_DENIED / UNAUTHENTICATED; for the
 * actions whose use case itself answers PERMISSION_DENIED to a notice WeChat Pay does not confirm,
 * the use case was seen to run). deny = PERMISSION_DENIED, or UNAUTHENTICATED for a caller without
 * identity at an action for people, and no database write by the call.
 */
import { startTestCloud, type TestCloud } from '../../emulator/testing';
import type { Invoker } from '../../emulator/functions';
import { cloudPayPayment } from '../../cloudfunctions/_commerce/payment';
import type { Envelope } from '../../shared/errors';
import { codeOf, functionNames, loadMain, safeJson, wireProblem, writeOpsOf } from '../support/functions';
import { giveAddresses, HOME } from '../support/commerce';

type Caller = 'customer' | 'sales' | 'boss' | 'ops' | 'unknown' | 'noOpenid' | 'function' | 'timer' | 'payCallback' | 'web' | 'anonymousWeb';
const CALLERS: Caller[] = ['customer', 'sales', 'boss', 'ops', 'unknown', 'noOpenid', 'function', 'timer', 'payCallback', 'web', 'anonymousWeb'];
/** The platform's own callers `system` actions accept (WeChat Pay's callback only reaches `wechatpay` ones). */
const SYSTEM: Caller[] = ['function', 'timer'];
/** Every caller the platform itself makes: refused PERMISSION_DENIED by a platform action not theirs. */
const PLATFORM: Caller[] = ['function', 'timer', 'payCallback'];
/** Callers the platform names (a mini-program openid, a web user's uid): refused PERMISSION_DENIED, the others UNAUTHENTICATED. */
const IDENTIFIED: Caller[] = ['customer', 'sales', 'boss', 'ops', 'unknown', 'web'];
const OPENID: Record<'customer' | 'sales' | 'boss' | 'ops', string> = {
  customer: 'o_cust_1',
  sales: 'o_sales_li',
  boss: 'o_boss',
  ops: 'o_ops',
};

// Who may call what, from the product rules:
// - shopping, sharing and browsing are for anyone identified (staff may shop and share too);
// - curating a shelf is the salesperson's own work;
// - the workbench (sales.*) is the salesperson's, and the boss may look at anyone's; ops edit
//   promotions, not people, so they are refused there; a salesperson's avatar is their own alone;
// - the dashboard and promotion health are staff views for the boss and ops; share trees also for
//   a salesperson (their own shares — scoped in the use case); reassigning customers and setting
//   roles are the boss's alone;
// - the back office (issue 13): queues, referral review and exports are boss and ops work; a
//   salesperson requests, cancels and sees their own payouts; approving and marking payouts
//   paid (and their queue) is the boss's alone — ops never move money; products, prices and
//   stock (catalog.*) for boss and ops; the sales team (invitations, the team list,
//   deactivation) for the boss alone; accepting an invitation is for anyone identified (the use
//   case refuses staff: FAILED_PRECONDITION);
// - the timer's action is the platform's: system only (another function, a timer); payment
//   callbacks come from WeChat Pay only (the platform says so in the call's context: SOURCE
//   `wx_paycallback`; a missing openid alone is not enough).
// - the briefcase (issue 15): anyone reads a card or a material and reports their reading; a
//   salesperson saves their own card and alert setting; the materials library is staff's (ops
//   publish, salespeople and the boss browse); the radar and the customer 360 are the owning
//   salesperson's and the boss's — never a customer's, even about themself; the briefcase report
//   is the boss's and ops'; alerts are delivered by the system only.
// - fulfilment and after-sale (issue 12): shipping and its list, reviewing requests, confirming a
//   return arrived and the queue are boss/ops work; a buyer (anyone identified) asks for
//   after-sale on their own orders (scoped in the use case) and confirms receipt; refunding an
//   order at once is staff work now (buyers ask through aftersale).
const ANYONE: Caller[] = ['customer', 'sales', 'boss', 'ops', 'unknown'];
// The other caller sets the rules above name.
const SALES: Caller[] = ['sales'];
const BOSS: Caller[] = ['boss'];
const OPS: Caller[] = ['ops'];
/** The back office: the boss and ops. */
const BACK_OFFICE: Caller[] = ['boss', 'ops'];
/** The workbench: the salesperson, and the boss looking at anyone's. */
const WORKBENCH: Caller[] = ['sales', 'boss'];
const STAFF: Caller[] = ['sales', 'boss', 'ops'];
/** WeChat Pay's callback alone. */
const WECHAT_PAY: Caller[] = ['payCallback'];
const TABLE: Record<string, Caller[]> = {
  'shelf.view': ANYONE,
  'shelf.product': ANYONE,
  'shelf.catalog': SALES,
  'shelf.curate': SALES,
  'coupon.list': ANYONE,
  'coupon.claim': ANYONE,
  'coupon.mine': ANYONE,
  'groupbuy.get': ANYONE,
  'order.create': ANYONE,
  'order.quote': ANYONE,
  'order.pay': ANYONE,
  'order.cancel': ANYONE,
  'order.refund': BACK_OFFICE,
  'order.confirmReceipt': ANYONE,
  'order.messageTemplates': ANYONE,
  'order.list': ANYONE,
  'order.get': ANYONE,
  'share.create': ANYONE,
  'share.open': ANYONE,
  'share.poster': ANYONE,
  'sales.customers': WORKBENCH,
  'sales.customer': WORKBENCH,
  'sales.orders': WORKBENCH,
  'sales.ledger': WORKBENCH,
  'sales.leaderboard': WORKBENCH,
  'sales.setAvatar': SALES,
  'admin.dashboard': BACK_OFFICE,
  'admin.shareTree': STAFF,
  'admin.reassign': BOSS,
  'admin.promotionHealth': BACK_OFFICE,
  'admin.setRole': BOSS,
  'payNotify.pay': WECHAT_PAY,
  'payNotify.refund': WECHAT_PAY,
  'sweep.run': SYSTEM,
  'card.get': ANYONE,
  'card.save': SALES,
  'card.tap': ANYONE,
  'card.setAlerts': SALES,
  'material.list': STAFF,
  'material.get': ANYONE,
  'material.progress': ANYONE,
  'material.save': OPS,
  'material.setStatus': OPS,
  'material.radar': WORKBENCH,
  'material.report': BACK_OFFICE,
  'customer.profile': WORKBENCH,
  'customer.timeline': WORKBENCH,
  'customer.tag': WORKBENCH,
  'customer.note': WORKBENCH,
  'customer.today': WORKBENCH,
  'alerts.deliver': SYSTEM,
  // flash sales (issue 14): every identified user sees, buys and asks for a reminder.
  'flash.list': ANYONE,
  'flash.buy': ANYONE,
  'flash.remind': ANYONE,
  // training: salespeople study what is assigned to them; boss and ops may preview a course;
  // ops publish and assign; the boss (and ops) read the report. Customers never see courses.
  'training.courses': SALES,
  'training.course': STAFF,
  'training.lesson': STAFF,
  'training.progress': SALES,
  'training.submitQuiz': SALES,
  'training.saveCourse': OPS,
  'training.assign': OPS,
  'training.report': BACK_OFFICE,
  // anyone's own profile
  'me.profile': ANYONE,
  'me.saveProfile': ANYONE,
  'admin.reviewReferral': BACK_OFFICE,
  'admin.referrals': BACK_OFFICE,
  'admin.queues': BACK_OFFICE,
  'admin.export': BACK_OFFICE,
  'payout.request': SALES,
  'payout.cancel': SALES,
  'payout.mine': SALES,
  'payout.review': BOSS,
  'payout.markPaid': BOSS,
  'payout.queue': BOSS,
  'catalog.list': BACK_OFFICE,
  'catalog.get': BACK_OFFICE,
  'catalog.save': BACK_OFFICE,
  'catalog.setStatus': BACK_OFFICE,
  'catalog.adjustStock': BACK_OFFICE,
  'team.invite': BOSS,
  'team.invites': BOSS,
  'team.acceptInvite': ANYONE,
  'team.members': BOSS,
  'team.deactivate': BOSS,
  'fulfil.toShip': BACK_OFFICE,
  'fulfil.ship': BACK_OFFICE,
  'fulfil.shipMany': BACK_OFFICE,
  'aftersale.request': ANYONE,
  'aftersale.cancel': ANYONE,
  'aftersale.returnShipped': ANYONE,
  'aftersale.list': ANYONE,
  'aftersale.get': ANYONE,
  'aftersale.review': BACK_OFFICE,
  'aftersale.receiveReturn': BACK_OFFICE,
  'aftersale.queue': BACK_OFFICE,
  // A customer's own cart and address book: anyone identified (staff shop too).
  'cart.get': ANYONE,
  'cart.set': ANYONE,
  'cart.clear': ANYONE,
  'address.list': ANYONE,
  'address.save': ANYONE,
  'address.remove': ANYONE,
  // 砍价 (issue 14): anyone identified starts, helps (the use case refuses staff and the starter:
  // NOT_ELIGIBLE), reads and buys their own (the use case: NOT_FOUND for someone else's).
  'bargain.offer': ANYONE,
  'bargain.start': ANYONE,
  'bargain.help': ANYONE,
  'bargain.get': ANYONE,
  'bargain.buy': ANYONE,
};

/** Actions that exist: `main.actions` of every deployed function. */
function existingActions(): string[] {
  return functionNames().flatMap((fn) => Object.keys(loadMain(fn).actions ?? {}).map((a) => `${fn}.${a}`));
}

let cloud: TestCloud;
let shareId = '';
let teamId = '';
let n = 0;

/** A valid event for each action, so an allowed call reaches its use case. */
function eventFor(key: string, caller: Caller): Record<string, unknown> {
  const [, action] = key.split('.');
  const uniq = `acc-${caller}-${++n}-key`;
  const events: Record<string, Record<string, unknown>> = {
    'shelf.view': {},
    'shelf.product': { productId: 'p01' },
    'shelf.catalog': {},
    'shelf.curate': { productIds: ['p01', 'p02', 'p03'] },
    'coupon.list': {},
    'coupon.claim': { templateId: 'ct_man100_15' },
    'coupon.mine': {},
    'groupbuy.get': { teamId },
    'order.create': { items: [{ productId: 'p03', qty: 1 }], addressId: HOME, idempotencyKey: uniq },
    'order.quote': { items: [{ productId: 'p03', qty: 1 }] },
    'order.pay': { orderId: 'oAccessMissing' },
    'order.cancel': { orderId: 'oAccessMissing' },
    'order.refund': { orderId: 'oAccessMissing' },
    'order.list': {},
    'order.get': { orderId: 'oAccessMissing' },
    'share.create': { target: { type: 'product', id: 'p01' }, channel: 'card' },
    'share.open': { shareId },
    'share.poster': { shareId },
    'sales.customers': { salesId: 'o_sales_li' },
    'sales.customer': { openid: 'o_cust_1' },
    'sales.orders': { salesId: 'o_sales_li' },
    'sales.ledger': { salesId: 'o_sales_li' },
    'sales.leaderboard': {},
    'sales.setAvatar': { fileId: null },
    'admin.dashboard': {},
    'admin.shareTree': { shareId },
    'admin.reassign': { fromSalesId: 'o_sales_zhao', toSalesId: 'o_sales_wang' },
    'admin.promotionHealth': {},
    'admin.setRole': { openid: 'o_cust_4', role: 'customer' },
    'payNotify.pay': { payload: { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'oAccessMissing', transactionId: `tx_acc_${n}`, totalFee: 100 } },
    'payNotify.refund': { payload: { returnCode: 'SUCCESS', reqInfo: { outTradeNo: 'oAccessMissing', outRefundNo: `rAccess${n}`, refundId: '1', refundFee: 100, refundStatus: 'SUCCESS' } } },
    'sweep.run': {},
    'card.get': { salesId: 'o_sales_li' },
    'card.save': { card: { photo: null, name: '李娜', title: '茶饮顾问', phone: null, wechatQr: null, intro: '', featuredProductIds: [], featuredMaterialIds: [] } },
    'card.tap': { visitId: 'vAccessMissing', tap: 'phone' },
    'card.setAlerts': { enabled: true },
    'material.list': {},
    'material.get': { materialId: 'm_case_hangzhou' },
    'material.progress': { visitId: 'vAccessMissing', seconds: 5, depth: 10 },
    'material.save': { material: { _id: `m_acc_${n}`, title: 'x', cover: '/assets/materials/leaf.svg', tags: [], content: { kind: 'poster', image: '/assets/materials/leaf.svg' } } },
    'material.setStatus': { materialId: 'm_draft_autumn', status: 'draft' },
    'material.radar': {},
    'material.report': {},
    'customer.profile': { openid: 'o_cust_1' },
    'customer.timeline': { openid: 'o_cust_1' },
    'customer.tag': { openid: 'o_cust_1', add: ['acc'] },
    'customer.note': { openid: 'o_cust_1', text: uniq },
    'customer.today': {},
    'alerts.deliver': { alertId: 'aAccessMissing' },
    'training.courses': {},
    'training.course': { courseId: 'course_onboarding' },
    'training.lesson': { courseId: 'course_onboarding', lessonId: 'l_brand' },
    'training.progress': { courseId: 'course_onboarding', lessonId: 'l_products' },
    'training.submitQuiz': { courseId: 'course_onboarding', answers: [{ questionId: 'q_origin', optionIds: ['b'] }], attemptKey: uniq },
    'training.saveCourse': { course: { courseId: `acc_${caller}`, title: '权限', status: 'draft', requiredBeforeLive: false, lessons: [{ lessonId: 'a', title: 'a', blocks: [{ kind: 'text', text: 'a' }] }] } },
    'training.assign': { courseId: 'course_onboarding', salesIds: 'all', dueAt: '2026-07-01T00:00:00+08:00' },
    'training.report': {},
    'me.profile': {},
    'me.saveProfile': { nickname: '权限测试' },
    'admin.reviewReferral': { rewardId: 'o_missing_referral', approve: true },
    'admin.referrals': {},
    'admin.queues': {},
    'admin.export': { kind: 'orders', from: '2026-06-01', to: '2026-06-01' },
    'payout.request': { amountFen: 100_000 },
    'payout.cancel': { payoutId: 'po_missing' },
    'payout.mine': {},
    'payout.review': { payoutId: 'po_missing', approve: true },
    'payout.markPaid': { payoutId: 'po_missing', reference: 'BANK-1' },
    'payout.queue': {},
    'catalog.list': {},
    'catalog.get': { productId: 'p01' },
    'catalog.save': { product: { title: '访问测试', category: '茶叶', images: ['/assets/products/p01.svg'] }, skus: [{ name: '1', priceFen: 100, listPriceFen: 100, stock: 1 }], idempotencyKey: uniq },
    'catalog.setStatus': { productId: 'p13', status: 'off' },
    'catalog.adjustStock': { skuId: 'p12-s1', deltaQty: 1, reason: 'access', idempotencyKey: uniq },
    'team.invite': { uses: 1, expiresInDays: 1, idempotencyKey: uniq },
    'team.invites': {},
    'team.acceptInvite': { code: 'NoSuchCode12', name: 'x', title: 'y' },
    'team.members': {},
    'team.deactivate': { salesId: 'o_sales_sun', heirId: 'o_sales_wang' },
    'order.confirmReceipt': { orderId: 'oAccessMissing' },
    'order.messageTemplates': { moment: 'pay' },
    'fulfil.toShip': {},
    'fulfil.ship': { orderId: 'oAccessMissing', lineIds: ['L1'], carrier: 'SF', trackingNo: 'SF1234567890123' },
    'fulfil.shipMany': { rows: [{ orderId: 'oAccessMissing', carrier: 'SF', trackingNo: 'SF1234567890123' }] },
    'aftersale.request': { orderId: 'oAccessMissing', lineIds: ['L1'], kind: 'refund', reason: 'access' },
    'aftersale.cancel': { requestId: 'asAccessMissing' },
    'aftersale.returnShipped': { requestId: 'asAccessMissing', carrier: 'SF', trackingNo: 'SF1234567890123' },
    'aftersale.list': {},
    'aftersale.get': { requestId: 'asAccessMissing' },
    'aftersale.review': { requestId: 'asAccessMissing', approve: false, note: 'access' },
    'aftersale.receiveReturn': { requestId: 'asAccessMissing' },
    'aftersale.queue': {},
    'cart.get': {},
    'cart.set': { items: [{ skuId: 'p03-s1', qty: 1 }] },
    'cart.clear': {},
    'address.list': {},
    'address.save': { address: { name: '收件人', phone: '13900000000', province: '江苏省', city: '南京市', district: '玄武区', detail: '中山路1号' } },
    'address.remove': { addressId: 'a_missing' },
    'flash.list': {},
    'flash.buy': { flashId: 'fs_live_honey', addressId: HOME, idempotencyKey: uniq },
    'flash.remind': { flashId: 'fs_soon_whitetea' },
    'bargain.offer': { productId: 'p09' },
    'bargain.start': { productId: 'p09', skuId: 'p09-s1' },
    'bargain.help': { bargainId: 'bAccessMissing' },
    'bargain.get': { bargainId: 'bAccessMissing' },
    'bargain.buy': { bargainId: 'bAccessMissing', idempotencyKey: uniq, addressId: HOME },
  };
  const fields = events[key];
  if (!fields) throw new Error(`no event written for ${key}: add one to eventFor`);
  return { action, ...fields };
}

/** The openid of a first-time caller at `key` (one per action: each registers anew). */
function unknownOpenid(key: string): string {
  return `o_never_seen_${key.replace('.', '_')}`;
}

/** The context the local cloud gives each kind of caller (as CloudBase does). */
function invokerOf(caller: Caller, key: string): Invoker {
  switch (caller) {
    case 'unknown':
      return { kind: 'client', openid: unknownOpenid(key) };
    case 'noOpenid':
      return { kind: 'client', openid: '' };
    case 'function':
      return { kind: 'function', source: 'wx_client,scf' };
    case 'timer':
      return { kind: 'timer' };
    case 'payCallback':
      return { kind: 'payCallback' };
    case 'web':
      return { kind: 'web', uid: 'web_user_1', anonymous: false };
    case 'anonymousWeb':
      return { kind: 'web', uid: 'web_anon_1', anonymous: true };
    case 'customer':
    case 'sales':
    case 'boss':
    case 'ops':
      return { kind: 'client', openid: OPENID[caller] };
  }
}

/**
 * The refusal a denied caller gets: PERMISSION_DENIED when identified (or a platform caller at
 * another platform action) and refused, else UNAUTHENTICATED.
 */
function denialOf(key: string, caller: Caller): string {
  const platformAction = TABLE[key].every((c) => PLATFORM.includes(c));
  if (!platformAction) return ['customer', 'sales', 'boss', 'ops', 'unknown'].includes(caller) ? 'PERMISSION_DENIED' : 'UNAUTHENTICATED';
  return IDENTIFIED.includes(caller) || PLATFORM.includes(caller) ? 'PERMISSION_DENIED' : 'UNAUTHENTICATED';
}

async function invoke(fn: string, event: unknown, caller: string | Invoker): Promise<{ reply: Envelope<unknown>; writes: Record<string, number> }> {
  const invoker: Invoker = typeof caller === 'string' ? { kind: 'client', openid: caller } : caller;
  const reply = (await cloud.cloud.functions.invoke(fn, event, invoker)) as Envelope<unknown>;
  const recent = cloud.cloud.stats.snapshot().recent;
  const rec = recent[recent.length - 1];
  return { reply, writes: rec && rec.fn === fn ? writeOpsOf(rec.ops) : { unknown: 1 } };
}

beforeAll(async () => {
  cloud = await startTestCloud();
  shareId = (await cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li')).shareId;
  await cloud.ok('share', { action: 'open', shareId }, 'o_cust_1');
  // Every caller who may order has an address (the seed gives the demo customers theirs).
  await giveAddresses(cloud, [...Object.values(OPENID), unknownOpenid('order.create')]);
  teamId = (await cloud.ok<{ teamId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p02_trio', idempotencyKey: 'acc-team-0001' }, 'o_cust_4')).teamId;
});
afterAll(async () => {
  await cloud.close();
});

it('the table has exactly one row per existing action (a new action needs a row)', () => {
  expect(Object.keys(TABLE).sort()).toEqual(existingActions().sort());
});

// payNotify wraps the platform handler (WeChat Pay's callback format) and must keep its
// description, so tools that enumerate actions (fuzz, access) see every action.
it('every deployed function describes its actions on main (main.functionName, main.actions)', () => {
  for (const fn of functionNames()) {
    const main = loadMain(fn);
    expect([fn, main.functionName]).toEqual([fn, fn]);
    expect([fn, Object.keys(main.actions ?? {}).length > 0]).toEqual([fn, true]);
  }
});

const rows: Array<[string, Caller, 'allow' | 'deny']> = Object.entries(TABLE).flatMap(([key, allowed]) =>
  CALLERS.map((caller): [string, Caller, 'allow' | 'deny'] => [key, caller, allowed.includes(caller) ? 'allow' : 'deny']),
);

it.each(rows)('%s as %s: %s', async (key, caller, expected) => {
  const [fn] = key.split('.');
  const spies = [jest.spyOn(cloudPayPayment, 'verifyNotice'), jest.spyOn(cloudPayPayment, 'readRefundNotice')];
  try {
    const { reply, writes } = await invoke(fn, eventFor(key, caller), invokerOf(caller, key));
    const code = codeOf(reply);
    if (expected === 'deny') {
      expect([key, caller, code]).toEqual([key, caller, denialOf(key, caller)]);
      // Refused before any work: nothing written (an unknown caller is registered first: that one write is allowed).
      if (caller !== 'unknown') expect(writes).toEqual({});
      expect(spies.some((s) => s.mock.calls.length > 0)).toBe(false);
    } else if (key.startsWith('payNotify.')) {
      // Its use case answers PERMISSION_DENIED to a notice WeChat Pay does not confirm: check it ran.
      expect(spies.some((s) => s.mock.calls.length > 0)).toBe(true);
    } else {
      expect([key, caller, code, ['PERMISSION_DENIED', 'UNAUTHENTICATED', 'INVALID_ARGUMENT', 'INTERNAL'].includes(code) ? safeJson(reply) : 'ok']).toEqual([key, caller, code, 'ok']);
      // What the app receives decodes with the action's reply schema (shared/contract).
      if (reply.ok) expect([key, caller, wireProblem(loadMain(fn).actions![key.split('.')[1]].reply, reply.data)]).toEqual([key, caller, '']);
    }
  } finally {
    for (const s of spies) s.mockRestore();
  }
});

describe('an openid inside the event never changes who the caller is', () => {
  const FORGED_KEYS = ['openid', 'OPENID', 'openId', 'WX_OPENID', 'buyerOpenid', 'ownerOpenid'];

  it('coupon.mine with openid:"o_boss" is refused as an unknown field', async () => {
    const r = await cloud.call('coupon', { action: 'mine', openid: 'o_boss' }, 'o_cust_1');
    expect(codeOf(r)).toBe('INVALID_ARGUMENT');
  });

  it.each(Object.keys(TABLE).filter((k) => !TABLE[k].includes('customer') && !k.startsWith('payNotify') && !TABLE[k].includes('system')))(
    '%s as a customer claiming to be the boss (event fields, userInfo) is refused',
    async (key) => {
      const [fn] = key.split('.');
      for (const forged of FORGED_KEYS) {
        const event = { ...eventFor(key, 'customer'), [forged]: 'o_boss' };
        const { reply, writes } = await invoke(fn, event, 'o_cust_1');
        expect([key, forged, ['INVALID_ARGUMENT', 'PERMISSION_DENIED'].includes(codeOf(reply))]).toEqual([key, forged, true]);
        expect(writes).toEqual({});
      }
      const withUserInfo = { ...eventFor(key, 'customer'), userInfo: { openId: 'o_boss', appId: 'wx0000000000000000' } };
      expect(codeOf((await invoke(fn, withUserInfo, 'o_cust_1')).reply)).toBe('PERMISSION_DENIED');
      expect(codeOf((await invoke(fn, withUserInfo, '')).reply)).toBe('UNAUTHENTICATED');
    },
  );

  it.each(Object.keys(TABLE).filter((k) => TABLE[k].includes('customer')))('%s with a forged openid field is refused as an unknown field', async (key) => {
    const [fn] = key.split('.');
    for (const forged of FORGED_KEYS) {
      const { reply, writes } = await invoke(fn, { ...eventFor(key, 'customer'), [forged]: 'o_cust_2' }, 'o_cust_1');
      expect([key, forged, codeOf(reply)]).toEqual([key, forged, 'INVALID_ARGUMENT']);
      expect(writes).toEqual({});
    }
  });

  it('userInfo naming someone else is ignored: coupon.mine and order.list answer for the real caller', async () => {
    await cloud.ok('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_2');
    const mine = await cloud.ok<{ coupons: Array<{ couponId: string }> }>('coupon', { action: 'mine', userInfo: { openId: 'o_cust_2' } }, 'o_cust_3');
    const stored = (await cloud.db.collection('coupons').where({ ownerOpenid: 'o_cust_3' }).limit(100).get()) as { data: Array<{ _id: string }> };
    expect(mine.coupons.map((c) => c.couponId).sort()).toEqual(stored.data.map((c) => c._id).sort());
    const list = await cloud.ok<{ orders: Array<{ orderId: string }> }>('order', { action: 'list', userInfo: { openId: 'o_cust_4' } }, 'o_cust_3');
    const theirs = (await cloud.db.collection('orders').where({ buyerOpenid: 'o_cust_4' }).limit(100).get()) as { data: Array<{ _id: string }> };
    for (const o of list.orders) expect(theirs.data.map((x) => x._id)).not.toContain(o.orderId);
  });

  it("another customer's order stays invisible and untouchable (get/pay/cancel/confirmReceipt/after-sale → NOT_FOUND; refund is staff-only), even with userInfo naming its buyer", async () => {
    const theirs = await cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p05', qty: 1 }], idempotencyKey: 'acc-theirs-0001' }, 'o_cust_2');
    for (const action of ['get', 'pay', 'cancel', 'confirmReceipt']) {
      const r = await cloud.call('order', { action, orderId: theirs.orderId, userInfo: { openId: 'o_cust_2' } }, 'o_cust_3');
      expect([action, codeOf(r)]).toEqual([action, 'NOT_FOUND']);
    }
    const ask = await cloud.call('aftersale', { action: 'request', orderId: theirs.orderId, lineIds: ['L1'], kind: 'refund', reason: 'x', userInfo: { openId: 'o_cust_2' } }, 'o_cust_3');
    expect(codeOf(ask)).toBe('NOT_FOUND');
    const refund = await cloud.call('order', { action: 'refund', orderId: theirs.orderId, userInfo: { openId: 'o_cust_2' } }, 'o_cust_3');
    expect(codeOf(refund)).toBe('PERMISSION_DENIED');
    const stored = (await cloud.db.collection('orders').doc(theirs.orderId).get()) as { data: Array<{ status: string }> };
    expect(stored.data[0].status).toBe('pending_pay');
  });

  it("a salesperson sees only their own: another's ledger, customers, customer 360, share tree → PERMISSION_DENIED", async () => {
    const wangShare = await cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_wang' }, channel: 'card' }, 'o_sales_wang');
    await cloud.ok('share', { action: 'open', shareId: wangShare.shareId }, 'o_cust_2');
    const cases: Array<[string, Record<string, unknown>]> = [
      ['customer', { action: 'profile', openid: 'o_cust_2' }],
      ['customer', { action: 'timeline', openid: 'o_cust_2' }],
      ['customer', { action: 'tag', openid: 'o_cust_2', add: ['x'] }],
      ['customer', { action: 'note', openid: 'o_cust_2', text: 'x' }],
      ['share', { action: 'create', target: { type: 'card', id: 'o_sales_wang' }, channel: 'card' }],
      ['sales', { action: 'ledger', salesId: 'o_sales_wang' }],
      ['sales', { action: 'customers', salesId: 'o_sales_wang' }],
      ['sales', { action: 'orders', salesId: 'o_sales_wang' }],
      ['sales', { action: 'customer', openid: 'o_cust_2' }],
      ['admin', { action: 'shareTree', shareId: wangShare.shareId }],
      ['share', { action: 'create', target: { type: 'shelf', id: 'o_sales_wang' }, channel: 'card' }],
    ];
    for (const [fn, event] of cases) expect([fn, event.action, codeOf(await cloud.call(fn, event, 'o_sales_li'))]).toEqual([fn, event.action, 'PERMISSION_DENIED']);
  });
});
