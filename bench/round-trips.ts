/**
 * Benchmark 2: database round trips per action, read from the local cloud's per-call counters
 * (`cloud.stats().byAction[...].maxOps`), against budgets. One scripted session touches every
 * action of every function (customers already registered: a first-ever call adds 1 user insert),
 * paying through WeChat Pay (order.pay, the cashier, the notices to payNotify).
 *
 * The other platform requests a call makes are counted apart, by API (`byPlatform`): WeChat Pay's
 * calls, cloud calls (wxacode) and storage — above all the one getTempFileURL
 * (`storage.batchGetDownloadUrl`) with which a reply that shows images turns all its file ids into
 * temporary URLs. They are round trips too, to other services, so they have budgets of their own
 * (PLATFORM_BUDGETS: by API) and never count as database round trips. Both tables are shared
 * with the commerce test (bench/round-trip-budgets.ts).
 *
 * Budgets: shelf.view ≤ 3 and coupon.claim ≤ 4 come from issue 5; the others are proposed from
 * the measured maximum with a little headroom (docs/bench.md). Operation counts do not depend on
 * the machine's load, so these are exact.
 */
import { AS_FUNCTION, type TestCloud } from '../emulator/testing';
import { settleCommissionNow } from '../tests/support/payouts';
import type { Invoker } from '../emulator/functions';
import { finishRefunds, payOrder } from '../tests/support/pay';
import { budget } from './lib';
import { cloudBench } from './run-one';
import { HOME } from '../tests/support/commerce';
import { FLASH_IDS } from '../emulator/seed';
import { platformBudget, ROUND_TRIP_BUDGETS, roundTripBudget, unbudgetedPlatformApis } from './round-trip-budgets';

/** Why a budget is what it is (printed in docs/bench.md). */
export const FIXED_BY_ISSUE = ['shelf.view', 'coupon.claim', 'customer.profile', 'customer.today'];

async function session(cloud: TestCloud): Promise<string[]> {
  const problems: string[] = [];
  const ok = async <T = Record<string, unknown>>(fn: string, event: Record<string, unknown>, caller?: string | Invoker): Promise<T | undefined> => {
    const r = await cloud.call<T>(fn, event, caller);
    if (!r.ok) problems.push(`${fn}.${String(event.action)}: ${r.error.code} ${r.error.message}`);
    return r.ok ? r.data : undefined;
  };
  // Warm up: register the customers, so a first-ever call's user insert is not counted.
  for (const u of ['o_cust_1', 'o_cust_2', 'o_cust_3', 'o_cust_4']) await ok('coupon', { action: 'mine' }, u);
  cloud.resetStats();

  // shelf
  await ok('shelf', { action: 'view' }, 'o_cust_1');
  await ok('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1');
  await ok('shelf', { action: 'product', productId: 'p01' }, 'o_cust_1');
  await ok('shelf', { action: 'curate', productIds: ['p01', 'p02', 'p03', 'p04'] }, 'o_sales_li');
  // growth: a share chain S → cust_3 → cust_4 (binding, re-share)
  const root = await ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
  await ok('share', { action: 'open', shareId: root?.shareId }, 'o_cust_3');
  const child = await ok<{ shareId: string }>('share', { action: 'create', target: { type: 'product', id: 'p02' }, channel: 'card' }, 'o_cust_3');
  await ok('share', { action: 'open', shareId: child?.shareId }, 'o_cust_4');
  await ok('share', { action: 'poster', shareId: root?.shareId }, 'o_sales_li');
  // coupons
  await ok('coupon', { action: 'list' }, 'o_cust_1');
  const c1 = await ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_man100_15' }, 'o_cust_1');
  await ok('coupon', { action: 'claim', templateId: 'ct_man100_15' }, 'o_cust_1'); // second claim (counter exists)
  await ok('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_2'); // per-day limit too
  await ok('coupon', { action: 'mine' }, 'o_cust_1');
  // orders
  const cart = { items: [{ productId: 'p01', skuId: 'p01-s1', qty: 1 }] };
  await ok('order', { action: 'quote', ...cart, couponId: c1?.couponId }, 'o_cust_1');
  const o1 = await ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, ...cart, couponId: c1?.couponId, idempotencyKey: 'rt-order-1' }, 'o_cust_1');
  await payOrder(cloud, String(o1?.orderId), 'o_cust_1');
  const o4 = await ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p02', skuId: 'p02-s1', qty: 2 }], shareId: child?.shareId, idempotencyKey: 'rt-order-4' }, 'o_cust_4');
  await payOrder(cloud, String(o4?.orderId), 'o_cust_4');
  await ok('order', { action: 'refund', orderId: o1?.orderId }, 'o_ops');
  await finishRefunds(cloud); // WeChat Pay's refund notice
  const o2 = await ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, ...cart, idempotencyKey: 'rt-order-2' }, 'o_cust_1');
  await ok('order', { action: 'create', addressId: HOME, ...cart, idempotencyKey: 'rt-order-2' }, 'o_cust_1'); // idempotent repeat
  await ok('order', { action: 'cancel', orderId: o2?.orderId }, 'o_cust_1');
  await ok('order', { action: 'list' }, 'o_cust_1');
  await ok('order', { action: 'get', orderId: o1?.orderId }, 'o_cust_1');
  // group deals
  const team = await ok<{ teamId: string; orderId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p01_duo', idempotencyKey: 'rt-team-open' }, 'o_cust_1');
  const joined = await ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, teamId: team?.teamId, idempotencyKey: 'rt-team-join' }, 'o_cust_2');
  await ok('groupbuy', { action: 'get', teamId: team?.teamId }, 'o_cust_2');
  await payOrder(cloud, String(team?.orderId), 'o_cust_1');
  await payOrder(cloud, String(joined?.orderId), 'o_cust_2');
  // sales workbench and admin
  await ok('sales', { action: 'customers' }, 'o_sales_li');
  await ok('sales', { action: 'customer', openid: 'o_cust_4' }, 'o_sales_li');
  await ok('sales', { action: 'orders' }, 'o_sales_li');
  await ok('sales', { action: 'ledger' }, 'o_sales_li');
  await ok('sales', { action: 'leaderboard' }, 'o_sales_li');
  // the briefcase (issue 15): a card shared and opened, a material read and reported, the radar,
  // the customer 360 and the today list (alerts delivered on the way)
  await ok('card', { action: 'save', card: { photo: '/assets/materials/leaf.svg', name: '李娜', title: '茶饮顾问', phone: '138 0013 8000', wechatQr: null, intro: '好茶', featuredProductIds: ['p01'], featuredMaterialIds: ['m_case_hangzhou'] } }, 'o_sales_li');
  await ok('card', { action: 'get' }, 'o_sales_li');
  const cardShare = await ok<{ shareId: string }>('share', { action: 'create', target: { type: 'card', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
  await ok('share', { action: 'open', shareId: cardShare?.shareId }, 'o_cust_2');
  const cardVisit = await ok<{ visitId: string }>('card', { action: 'get', salesId: 'o_sales_li' }, 'o_cust_2');
  await ok('card', { action: 'tap', visitId: cardVisit?.visitId, tap: 'phone' }, 'o_cust_2');
  await ok('card', { action: 'setAlerts', enabled: true }, 'o_sales_li');
  await ok('material', { action: 'list' }, 'o_sales_li');
  await ok('material', { action: 'list', tag: '案例' }, 'o_sales_li');
  const read = await ok<{ visitId: string }>('material', { action: 'get', materialId: 'm_case_hangzhou' }, 'o_cust_2');
  cloud.advanceClock(20_000);
  await ok('material', { action: 'progress', visitId: read?.visitId, seconds: 15, depth: 40 }, 'o_cust_2');
  await ok('material', { action: 'progress', visitId: read?.visitId, seconds: 15, depth: 40 }, 'o_cust_2'); // a repeat
  await ok('material', { action: 'save', material: { _id: 'm_rt_poster', title: '往返海报', cover: '/assets/materials/leaf.svg', tags: ['海报'], content: { kind: 'poster', image: '/assets/materials/poster-618.svg' } } }, 'o_ops');
  await ok('material', { action: 'setStatus', materialId: 'm_rt_poster', status: 'active' }, 'o_ops');
  await ok('material', { action: 'radar' }, 'o_sales_li');
  await ok('material', { action: 'report' }, 'o_boss');
  await ok('customer', { action: 'profile', openid: 'o_cust_2' }, 'o_sales_li');
  await ok('customer', { action: 'timeline', openid: 'o_cust_2' }, 'o_sales_li');
  await ok('customer', { action: 'tag', openid: 'o_cust_2', add: ['茶友'] }, 'o_sales_li');
  await ok('customer', { action: 'note', openid: 'o_cust_2', text: '周五回访', remindAt: '2026-06-05T10:00:00+08:00' }, 'o_sales_li');
  await ok('customer', { action: 'today' }, 'o_sales_li');
  await ok('customer', { action: 'today' }, 'o_boss');
  await ok('admin', { action: 'dashboard' }, 'o_boss');
  await ok('admin', { action: 'shareTree', shareId: root?.shareId }, 'o_boss');
  await ok('admin', { action: 'promotionHealth' }, 'o_ops');
  await ok('admin', { action: 'setRole', openid: 'o_cust_2', role: 'customer' }, 'o_boss');
  await ok('admin', { action: 'reassign', fromSalesId: 'o_sales_li', toSalesId: 'o_sales_wang' }, 'o_boss');
  // training: study, resume, fail then pass the quiz (and a retried submission); ops publish and assign; the report
  const course = 'course_onboarding';
  await ok('training', { action: 'courses' }, 'o_sales_zhao');
  await ok('training', { action: 'course', courseId: course }, 'o_sales_zhao');
  await ok('training', { action: 'lesson', courseId: course, lessonId: 'l_brand' }, 'o_sales_zhao');
  await ok('training', { action: 'progress', courseId: course, lessonId: 'l_brand' }, 'o_sales_zhao'); // creates the progress
  await ok('training', { action: 'progress', courseId: course, lessonId: 'l_products' }, 'o_sales_zhao');
  const answers = (origin: string) => [{ questionId: 'q_origin', optionIds: [origin] }, { questionId: 'q_tea', optionIds: ['a', 'c'] }, { questionId: 'q_refund', optionIds: ['a'] }];
  await ok('training', { action: 'submitQuiz', courseId: course, answers: answers('a'), attemptKey: 'rt-attempt-0001' }, 'o_sales_zhao');
  await ok('training', { action: 'submitQuiz', courseId: course, answers: answers('b'), attemptKey: 'rt-attempt-0002' }, 'o_sales_zhao');
  await ok('training', { action: 'submitQuiz', courseId: course, answers: answers('b'), attemptKey: 'rt-attempt-0002' }, 'o_sales_zhao'); // a retry
  const lessons = [{ lessonId: 'a', title: 'a', blocks: [{ kind: 'text', text: 'a' }] }, { lessonId: 'b', title: 'b', blocks: [{ kind: 'text', text: 'b' }] }];
  const newCourse = { courseId: 'rt_course', title: '演练', status: 'published', requiredBeforeLive: true, lessons };
  await ok('training', { action: 'saveCourse', course: newCourse }, 'o_ops');
  await ok('training', { action: 'saveCourse', course: { ...newCourse, title: '演练（改）' } }, 'o_ops');
  await ok('training', { action: 'assign', courseId: 'rt_course', salesIds: ['o_sales_wang', 'o_sales_zhao'], dueAt: '2026-07-01T00:00:00+08:00' }, 'o_ops');
  await ok('training', { action: 'assign', courseId: 'rt_course', salesIds: ['o_sales_zhao', 'o_sales_li'], dueAt: '2026-07-02T00:00:00+08:00' }, 'o_ops'); // one new, one moved
  await ok('training', { action: 'assign', courseId: 'rt_course', salesIds: 'all', dueAt: '2026-07-01T00:00:00+08:00' }, 'o_ops');
  await ok('training', { action: 'progress', courseId: 'rt_course', lessonId: 'a' }, 'o_sales_wang');
  await ok('training', { action: 'progress', courseId: 'rt_course', lessonId: 'b' }, 'o_sales_wang'); // completes it
  await ok('training', { action: 'report' }, 'o_boss');
  await ok('training', { action: 'report', courseId: 'rt_course' }, 'o_boss');
  // the customer's profile
  await ok('me', { action: 'profile' }, 'o_cust_1');
  await ok('me', { action: 'saveProfile', nickname: '小美' }, 'o_cust_1');
  // back office (issue 13): products, stock, the sales team
  const image = await uploadAs(cloud, 'o_ops', 'uploads/o_ops/product/rt.png');
  const made = await ok<{ productId: string; skus: Array<{ skuId: string }> }>(
    'catalog',
    { action: 'save', product: { title: '往返测试茶', category: '茶叶', images: [image] }, skus: [{ name: 'a', priceFen: 100, listPriceFen: 120, stock: 5 }, { name: 'b', priceFen: 200, listPriceFen: 200, stock: 0 }], idempotencyKey: 'rt-save-1' },
    'o_ops',
  );
  await ok('catalog', { action: 'list' }, 'o_ops');
  await ok('catalog', { action: 'get', productId: made?.productId }, 'o_boss');
  await ok('catalog', { action: 'setStatus', productId: made?.productId, status: 'on' }, 'o_ops');
  await ok('catalog', { action: 'adjustStock', skuId: made?.skus[1].skuId, deltaQty: 7, reason: '到货', idempotencyKey: 'rt-adjust-1' }, 'o_ops');
  const inv = await ok<{ code: string }>('team', { action: 'invite', uses: 2, expiresInDays: 7, idempotencyKey: 'rt-invite-1' }, 'o_boss');
  await ok('team', { action: 'invites' }, 'o_boss');
  await ok('team', { action: 'acceptInvite', code: inv?.code, name: '新销售', title: '顾问' }, 'o_cust_3');
  await ok('team', { action: 'members' }, 'o_boss');
  await ok('team', { action: 'deactivate', salesId: 'o_sales_wang', heirId: 'o_sales_zhao' }, 'o_boss');
  // fulfilment and after-sale (issue 12): ship, paste, receipt, a return, a cancelled request
  const two = { items: [{ productId: 'p03', qty: 1 }, { productId: 'p05', qty: 1 }] };
  const o5 = await ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, ...two, idempotencyKey: 'rt-order-5' }, 'o_cust_2');
  await payOrder(cloud, String(o5?.orderId), 'o_cust_2');
  await ok('order', { action: 'messageTemplates', moment: 'pay' }, 'o_cust_2');
  await ok('fulfil', { action: 'toShip' }, 'o_ops');
  await ok('fulfil', { action: 'ship', orderId: o5?.orderId, lineIds: ['L1', 'L2'], carrier: 'SF', trackingNo: 'SF1234567890123' }, 'o_ops');
  await ok('fulfil', { action: 'shipMany', rows: [team?.orderId, joined?.orderId].map((orderId) => ({ orderId, carrier: 'ZTO', trackingNo: '73100098765432' })) }, 'o_ops');
  await ok('order', { action: 'confirmReceipt', orderId: o5?.orderId }, 'o_cust_2');
  const ret = await ok<{ requestId: string }>('aftersale', { action: 'request', orderId: o5?.orderId, lineIds: ['L2'], kind: 'return', reason: '破损' }, 'o_cust_2');
  await ok('aftersale', { action: 'review', requestId: ret?.requestId, approve: true, note: '请寄回' }, 'o_ops');
  await ok('aftersale', { action: 'returnShipped', requestId: ret?.requestId, carrier: 'YTO', trackingNo: 'YT9000123456789' }, 'o_cust_2');
  await ok('aftersale', { action: 'receiveReturn', requestId: ret?.requestId }, 'o_ops');
  const dropped = await ok<{ requestId: string }>('aftersale', { action: 'request', orderId: o5?.orderId, lineIds: ['L1'], kind: 'return', reason: '不想要了' }, 'o_cust_2');
  await ok('aftersale', { action: 'cancel', requestId: dropped?.requestId }, 'o_cust_2');
  await ok('aftersale', { action: 'list' }, 'o_cust_2');
  await ok('aftersale', { action: 'get', requestId: ret?.requestId }, 'o_cust_2');
  await ok('aftersale', { action: 'queue' }, 'o_ops');
  // the cart and the address book (issue 12)
  await ok('cart', { action: 'set', items: [{ skuId: 'p03-s1', qty: 1 }, { skuId: 'p12-s1', qty: 2 }] }, 'o_cust_4');
  await ok('cart', { action: 'get' }, 'o_cust_4');
  const office = await ok<{ addressId: string }>('address', { action: 'save', address: { name: '婷婷', phone: '13800000004', province: '四川', city: '成都市', district: '锦江区', detail: '红星路三段1号' } }, 'o_cust_4');
  await ok('address', { action: 'list' }, 'o_cust_4');
  await ok('address', { action: 'remove', addressId: office?.addressId }, 'o_cust_4');
  // flash sales (issue 14): the list, a reminder of the coming sale, a buy of the live one
  await ok('flash', { action: 'list' }, 'o_cust_4');
  await ok('flash', { action: 'remind', flashId: FLASH_IDS.upcoming }, 'o_cust_4');
  await ok('flash', { action: 'buy', flashId: FLASH_IDS.live, addressId: HOME, idempotencyKey: 'key-rt-flash-1' }, 'o_cust_4');
  await ok('cart', { action: 'clear' }, 'o_cust_4');
  // timers: idle; an unpaid order past its TTL (its charge closed first); then (orders shipped, received by the sweep, completed after the window) settlement
  const o3 = await ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, ...cart, idempotencyKey: 'rt-order-3' }, 'o_cust_3');
  await ok('order', { action: 'pay', orderId: o3?.orderId }, 'o_cust_3');
  await ok('sweep', { action: 'run' }, AS_FUNCTION);
  cloud.advanceClock(16 * 60 * 1000);
  await ok('sweep', { action: 'run' }, AS_FUNCTION);
  await ok('sweep', { action: 'run' }, AS_FUNCTION);
  await settleCommissionNow(cloud);
  // the back office (issue 13): 李娜's commission has settled; a payout, the queues, exports
  const paid = await ok<{ payout: { payoutId: string } }>('payout', { action: 'request', amountFen: 1_000 }, 'o_sales_li');
  await ok('payout', { action: 'mine' }, 'o_sales_li');
  await ok('payout', { action: 'queue' }, 'o_boss');
  await ok('admin', { action: 'queues' }, 'o_boss');
  await ok('payout', { action: 'review', payoutId: paid?.payout.payoutId, approve: true }, 'o_boss');
  await ok('payout', { action: 'markPaid', payoutId: paid?.payout.payoutId, reference: 'BANK-RT-1' }, 'o_boss');
  await ok('payout', { action: 'markPaid', payoutId: paid?.payout.payoutId, reference: 'BANK-RT-1' }, 'o_boss'); // a repeat (lost reply)
  const withdrawn = await ok<{ payout: { payoutId: string } }>('payout', { action: 'request', amountFen: 1_000 }, 'o_sales_li');
  await ok('payout', { action: 'cancel', payoutId: withdrawn?.payout.payoutId }, 'o_sales_li');
  await ok('admin', { action: 'referrals' }, 'o_ops');
  await ok('admin', { action: 'reviewReferral', rewardId: 'o_cust_4', approve: true, note: 'checked' }, 'o_boss'); // paid within a minute of binding: held for review
  await ok('admin', { action: 'export', kind: 'orders', from: '2026-06-01', to: '2026-06-09' }, 'o_boss');
  await ok('admin', { action: 'export', kind: 'commission', from: '2026-06-01', to: '2026-06-09', salesId: 'o_sales_li' }, 'o_boss');
  // bargain (issue 14): offer, start (and again), two friends help (one twice), the starter buys (and again)
  await ok('bargain', { action: 'offer', productId: 'p09' }, 'o_cust_1');
  const bargain = await ok<{ bargainId: string }>('bargain', { action: 'start', productId: 'p09', skuId: 'p09-s1' }, 'o_cust_1');
  await ok('bargain', { action: 'start', productId: 'p09', skuId: 'p09-s1' }, 'o_cust_1');
  for (const friend of ['o_cust_2', 'o_cust_4']) await ok('bargain', { action: 'help', bargainId: bargain?.bargainId }, friend);
  await ok('bargain', { action: 'get', bargainId: bargain?.bargainId }, 'o_cust_2');
  for (let i = 0; i < 2; i++) await ok('bargain', { action: 'buy', bargainId: bargain?.bargainId, idempotencyKey: 'rt-bargain-buy', addressId: HOME }, 'o_cust_1');
  return problems;
}

/** An image uploaded as `openid` through the client storage call (what the app's services/storage.ts does in h5). */
async function uploadAs(cloud: TestCloud, openid: string, cloudPath: string): Promise<string> {
  const res = await fetch(`${cloud.url}/client/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'x-wx-openid': openid, 'content-type': 'image/png' },
    body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  });
  return ((await res.json()) as { fileID: string }).fileID;
}

export const bench = cloudBench('database round trips per action', async (cloud, budgets) => {
  const problems = await session(cloud);
  const stats = cloud.stats().byAction;
  const rows = Object.entries(stats)
    .map(([action, s]) => ({ action, calls: s.calls, maxOps: s.maxOps, minOps: s.minOps, avgOps: s.avgOps, budget: roundTripBudget(action, 'bench') ?? null, byOp: s.byOp, maxPlatform: s.maxPlatform, byPlatform: s.byPlatform }))
    .sort((a, b) => a.action.localeCompare(b.action));
  console.log('action                   calls  min  max  budget   platform (max per call: by API, total over the calls)');
  for (const r of rows) {
    const platform = r.maxPlatform ? `${r.maxPlatform}: ${JSON.stringify(r.byPlatform)}` : '';
    console.log(`${r.action.padEnd(24)} ${String(r.calls).padStart(5)} ${String(r.minOps).padStart(4)} ${String(r.maxOps).padStart(4)}  ${String(r.budget ?? '(none)').padEnd(7)}  ${platform}`);
  }
  const recent = cloud.stats().recent;
  const perCall: Record<string, Array<{ total: number; ops: Record<string, number> }>> = {};
  for (const r of rows.filter((x) => x.minOps !== x.maxOps)) {
    perCall[r.action] = recent.filter((c) => `${c.fn}.${c.action}` === r.action).map((c) => ({ total: c.total, ops: c.ops }));
    console.log(`  ${r.action} per call: ${perCall[r.action].map((c) => `${c.total} ${JSON.stringify(c.ops)}`).join(' | ')}`);
  }
  if (problems.length) console.log('failed calls in the session:\n  ' + problems.join('\n  '));

  for (const action of Object.keys(ROUND_TRIP_BUDGETS)) {
    budgets.push(budget(`${action} round trips (max)`, stats[action]?.maxOps ?? null, '<=', roundTripBudget(action, 'bench') ?? 0, '', stats[action] ? JSON.stringify(stats[action].byOp) : 'not measured'));
  }
  for (const r of rows) {
    const limit = platformBudget(r.action);
    if (r.maxPlatform > 0 || limit > 0) budgets.push(budget(`${r.action} platform calls, not database (max)`, r.maxPlatform, '<=', limit, '', JSON.stringify(r.byPlatform)));
  }
  const offTable = rows.flatMap((r) => unbudgetedPlatformApis(r.action, r.byPlatform ?? {}).map((api) => `${r.action}: ${api}`));
  budgets.push(budget('platform APIs an action used outside its budget table', offTable.length, '==', 0, '', offTable.join(', ')));
  const unbudgeted = rows.filter((r) => r.budget === null).map((r) => r.action);
  budgets.push(budget('actions without a budget', unbudgeted.length, '==', 0, '', unbudgeted.join(', ')));
  budgets.push(budget('failed calls in the session', problems.length, '==', 0, '', problems.join('; ')));
  return { byAction: rows, perCall, problems };
});
