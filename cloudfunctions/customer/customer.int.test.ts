import { AS_FUNCTION, FIXED_NOW, useTestCloud } from '../../emulator/testing';
import { bindByCard } from '../../tests/support/share';
import { doc as readDoc } from '../../tests/support/commerce';
import { payOrder } from '../../tests/support/pay';
import { HOME } from '../../tests/support/commerce';
import { emptySummary, type CustomerSummary } from '../../shared/customers';
import { chinaDayKey } from '../../shared/china-day';

const t = useTestCloud();

type Doc = Record<string, unknown>;
const doc = (collection: string, id: string): Promise<Doc | undefined> => readDoc(t.cloud, collection, id);
const bind = (openid: string, salesId: string) => bindByCard(t.cloud, openid, salesId);
type Profile = { openid: string; nickname: string; avatar: string | null; stage: string | null; ruleTags: string[]; manualTags: string[]; spentFen: number; ordersPaid: number; events: number; views: number; reads: number; reminder: Doc | null; notes: Array<{ text: string; salesId: string }> };
type Timeline = { items: Array<{ eventId: string; type: string; at: string; seconds: number | null; depth: number | null; data: Doc }>; nextCursor: string | null };
type Today = { items: Array<{ openid: string; reasons: string[]; score: number; stage: string | null }> };

const MIN = 60_000;
const DAY = 86_400_000;

describe('the customer 360', () => {
  it("profile and timeline: a customer's whole story — share, card, material with time and depth, product, coupon (via the sweep), order paid and refunded (via the outbox)", async () => {
    await bind('o_cust_1', 'o_sales_li');
    await t.cloud.ok('card', { action: 'get', salesId: 'o_sales_li' }, 'o_cust_1');
    const read = await t.cloud.ok<{ visitId: string }>('material', { action: 'get', materialId: 'm_case_hangzhou' }, 'o_cust_1');
    t.cloud.advanceClock(40_000);
    await t.cloud.ok('material', { action: 'progress', visitId: read.visitId, seconds: 40, depth: 80 }, 'o_cust_1');
    await t.cloud.ok('shelf', { action: 'product', productId: 'p03' }, 'o_cust_1');
    await t.cloud.ok('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_1');
    const order = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'c360-order-1' }, 'o_cust_1');
    expect((await payOrder(t.cloud, order.orderId, 'o_cust_1')).paid).toBe(true);
    await t.cloud.ok('order', { action: 'refund', orderId: order.orderId }, 'o_ops'); // staff refund at once (buyers ask through after-sale)
    t.cloud.advanceClock(2 * MIN);
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);

    const line = await t.cloud.ok<Timeline>('customer', { action: 'timeline', openid: 'o_cust_1' }, 'o_sales_li');
    expect(line.items.map((i) => i.type).sort()).toEqual(['card_viewed', 'coupon_claimed', 'material_read', 'order_created', 'order_paid', 'order_refunded', 'product_viewed', 'share_opened']);
    expect(line.items.find((i) => i.type === 'material_read')).toMatchObject({ seconds: 40, depth: 80, data: { materialId: 'm_case_hangzhou', kind: 'case' } });
    expect(line.items.find((i) => i.type === 'order_paid')).toMatchObject({ data: { orderId: order.orderId, paidFen: 9800 } });
    const times = line.items.map((i) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const p = await t.cloud.ok<Profile>('customer', { action: 'profile', openid: 'o_cust_1' }, 'o_sales_li');
    expect(p).toMatchObject({ nickname: '小美', stage: 'purchase', ordersPaid: 1, spentFen: 0, events: 8, views: 3, reads: 1, manualTags: [], reminder: null, notes: [] });
    // Part A's profile fields win over the seeded name when the customer chose them.
    await t.cloud.db.collection('users').doc('o_cust_1').update({ nickname: '美美', avatarFileId: 'cloud://local.linkshelf-local/uploads/o_cust_1/avatar/a.png' });
    expect(await t.cloud.ok<Profile>('customer', { action: 'profile', openid: 'o_cust_1' }, 'o_boss')).toMatchObject({ nickname: '美美', avatar: 'cloud://local.linkshelf-local/uploads/o_cust_1/avatar/a.png' });
  });

  it('the timeline pages 20 at a time by a stable cursor, nothing twice or lost', async () => {
    await bind('o_cust_2', 'o_sales_li');
    for (let i = 0; i < 45; i++) {
      await t.cloud.ok('shelf', { action: 'product', productId: `p0${(i % 9) + 1}` }, 'o_cust_2');
      if (i % 3 === 0) t.cloud.advanceClock(31 * MIN); // some events share an instant, some do not
    }
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page: Timeline = await t.cloud.ok<Timeline>('customer', { action: 'timeline', openid: 'o_cust_2', ...(cursor ? { cursor } : {}) }, 'o_sales_li');
      expect(page.items.length).toBeLessThanOrEqual(20);
      seen.push(...page.items.map((i) => i.eventId));
      cursor = page.nextCursor;
    } while (cursor);
    const stored = ((await t.cloud.db.collection('customer_events').where({ openid: 'o_cust_2' }).limit(1000).get()) as { data: Doc[] }).data;
    expect(seen).toHaveLength(stored.length);
    expect(new Set(seen).size).toBe(stored.length);
  });

  it('tags by hand (a set, at most 20) and notes with a reminder that shows on the today list when due; a note without one marks it done', async () => {
    await bind('o_cust_3', 'o_sales_li');
    expect(await t.cloud.ok('customer', { action: 'tag', openid: 'o_cust_3', add: ['茶友', 'VIP'] }, 'o_sales_li')).toEqual({ openid: 'o_cust_3', manualTags: ['茶友', 'VIP'] });
    expect(await t.cloud.ok('customer', { action: 'tag', openid: 'o_cust_3', add: ['茶友'], remove: ['VIP'] }, 'o_sales_li')).toEqual({ openid: 'o_cust_3', manualTags: ['茶友'] });
    await t.cloud.ok('customer', { action: 'tag', openid: 'o_cust_3', add: Array.from({ length: 5 }, (_, i) => `t${i}`) }, 'o_sales_li');
    for (let i = 0; i < 3; i++) await t.cloud.ok('customer', { action: 'tag', openid: 'o_cust_3', add: Array.from({ length: 5 }, (_, j) => `u${i}${j}`) }, 'o_sales_li');
    const full = await t.cloud.call('customer', { action: 'tag', openid: 'o_cust_3', add: ['more'] }, 'o_sales_li');
    expect(!full.ok && full.error.code).toBe('LIMIT_REACHED');

    const remindAt = new Date(FIXED_NOW.getTime() + 2 * 3_600_000).toISOString();
    const n = await t.cloud.ok<{ noteId: string; remindAt: string }>('customer', { action: 'note', openid: 'o_cust_3', text: '周末约试茶', remindAt }, 'o_sales_li');
    expect(await doc('customer_notes', n.noteId)).toMatchObject({ openid: 'o_cust_3', salesId: 'o_sales_li', text: '周末约试茶', remindAt: new Date(remindAt) });
    const before = await t.cloud.ok<Today>('customer', { action: 'today' }, 'o_sales_li');
    expect(before.items.find((i) => i.openid === 'o_cust_3')?.reasons ?? []).not.toContain('reminder_due');
    t.cloud.advanceClock(3 * 3_600_000);
    const due = await t.cloud.ok<Today>('customer', { action: 'today' }, 'o_sales_li');
    expect(due.items[0]).toMatchObject({ openid: 'o_cust_3', reasons: ['reminder_due', 'new_customer'] });
    expect(await t.cloud.ok<Profile>('customer', { action: 'profile', openid: 'o_cust_3' }, 'o_sales_li')).toMatchObject({ reminder: { text: '周末约试茶' }, notes: [{ text: '周末约试茶' }] });
    await t.cloud.ok('customer', { action: 'note', openid: 'o_cust_3', text: '已约好周六' }, 'o_sales_li');
    const after = await t.cloud.ok<Today>('customer', { action: 'today' }, 'o_sales_li');
    expect(after.items.find((i) => i.openid === 'o_cust_3')?.reasons).toEqual(['new_customer']);
  });

  it('the today list ranks by reason with the stage: an unpaid order, a hot reader, a new customer', async () => {
    for (const c of ['o_cust_1', 'o_cust_2', 'o_cust_3']) await bind(c, 'o_sales_li');
    await bind('o_cust_4', 'o_sales_wang');
    await t.cloud.ok('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'today-cart-1' }, 'o_cust_1');
    for (const m of ['m_case_hangzhou', 'm_tea_guide']) await t.cloud.ok('material', { action: 'get', materialId: m }, 'o_cust_2');
    for (const m of ['m_case_hangzhou', 'm_tea_guide']) await t.cloud.ok('material', { action: 'get', materialId: m }, 'o_cust_4');
    t.cloud.advanceClock(15 * MIN);
    const li = await t.cloud.ok<Today>('customer', { action: 'today' }, 'o_sales_li');
    expect(li.items.map((i) => [i.openid, i.reasons, i.stage])).toEqual([
      ['o_cust_1', ['cart_unpaid', 'new_customer'], 'interest'],
      ['o_cust_2', ['hot_reader', 'new_customer'], 'interest'],
      ['o_cust_3', ['new_customer'], 'aware'],
    ]);
    const wang = await t.cloud.ok<Today>('customer', { action: 'today' }, 'o_sales_wang');
    expect(wang.items.map((i) => i.openid)).toEqual(['o_cust_4']);
    const boss = await t.cloud.ok<Today>('customer', { action: 'today' }, 'o_boss');
    expect(boss.items.map((i) => i.openid).sort()).toEqual(['o_cust_1', 'o_cust_2', 'o_cust_3', 'o_cust_4']);
  });
});

describe('the coupon-expiring tag reads the coupons themselves', () => {
  it('a long history (old days, 200 used, expired or far-off coupons) lists and tags only what holds now, in the today list and the profile alike', async () => {
    const now = t.cloud.now();
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    const day = (days: number) => chinaDayKey(at(days));
    const old = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [day(-10 - i), 5]));
    const coupon = (id: string, owner: string, validToAt: Date, status: string) => ({ _id: id, ownerOpenid: owner, templateId: 'ct_flat5', status, validToAt, claimedAt: at(-30) });
    const history = (owner: string) => Array.from({ length: 200 }, (_, i) => coupon(`c_${owner}_${i}`, owner, i % 2 ? at(-1 - i) : at(1), i % 2 ? 'unused' : 'used'));
    await t.cloud.db.collection('coupons').add([
      ...history('o_hist_1'),
      ...history('o_hist_2'),
      coupon('c_soon', 'o_hist_1', at(2), 'unused'), // the one that holds
      coupon('c_locked', 'o_hist_2', at(1), 'locked'), // in an unpaid order: not unused
      coupon('c_far', 'o_hist_2', at(10), 'unused'),
    ]);
    // o_hist_2's summary still carries a per-coupon map as summaries kept it before (one "unused, expiring tomorrow"): ignored.
    const legacy = { c_legacy: { validToAt: at(1) } };
    const customers: Array<[string, Partial<CustomerSummary> & { coupons?: unknown }]> = [
      ['o_hist_1', { viewDays: { ...old, [day(0)]: 1, [day(-6)]: 2 }, readDays: { ...old, [day(-2)]: 2 } }],
      ['o_hist_2', { viewDays: { ...old, [day(-7)]: 9 }, readDays: old, coupons: legacy }],
    ];
    for (const [openid, fields] of customers) {
      await t.cloud.db.collection('users').doc(openid).set({ role: 'customer', nickname: openid, boundSalesId: 'o_sales_li', boundAt: now, bindingRev: 1 });
      await t.cloud.db.collection('customer_summaries').doc(openid).set({ ...emptySummary(), openid, salesId: 'o_sales_li', events: 1, lastAt: now, attentionUntil: at(1), ...fields, seen: [], stage: 'aware', stageRank: 1, manualTags: [], reminder: null });
    }
    const today = await t.cloud.ok<Today>('customer', { action: 'today' }, 'o_sales_li');
    const listed = new Map(today.items.map((i) => [i.openid, i.reasons]));
    expect(listed.get('o_hist_1')).toEqual(['hot_reader', 'coupon_expiring', 'frequent_viewer']);
    expect(listed.has('o_hist_2')).toBe(false);
    for (const [openid, expected] of [['o_hist_1', ['hot_reader', 'coupon_expiring', 'frequent_viewer']], ['o_hist_2', []]] as const) {
      expect([openid, (await t.cloud.ok<Profile>('customer', { action: 'profile', openid }, 'o_sales_li')).ruleTags]).toEqual([openid, expected]);
    }
    // Once the coupon is in an order it no longer counts.
    await t.cloud.db.collection('coupons').doc('c_soon').update({ status: 'locked' });
    const after = await t.cloud.ok<Today>('customer', { action: 'today' }, 'o_sales_li');
    expect(after.items.find((i) => i.openid === 'o_hist_1')?.reasons).toEqual(['hot_reader', 'frequent_viewer']);
  });
});

describe('who sees what', () => {
  it("a salesperson never sees another salesperson's customer, radar or notes; the boss sees all; a customer reaches none of it", async () => {
    await bind('o_cust_1', 'o_sales_li');
    await bind('o_cust_2', 'o_sales_wang');
    await t.cloud.ok('customer', { action: 'note', openid: 'o_cust_1', text: '李娜的笔记' }, 'o_sales_li');
    await t.cloud.ok('customer', { action: 'note', openid: 'o_cust_1', text: '老板的笔记' }, 'o_boss');
    const denied: Array<[string, Doc]> = [
      ['profile', { openid: 'o_cust_1' }],
      ['timeline', { openid: 'o_cust_1' }],
      ['tag', { openid: 'o_cust_1', add: ['x'] }],
      ['note', { openid: 'o_cust_1', text: 'x' }],
    ];
    for (const [action, fields] of denied) {
      const r = await t.cloud.call('customer', { action, ...fields }, 'o_sales_wang');
      expect([action, !r.ok && r.error.code]).toEqual([action, 'PERMISSION_DENIED']);
    }
    const mine = await t.cloud.ok<Profile>('customer', { action: 'profile', openid: 'o_cust_1' }, 'o_sales_li');
    expect(mine.notes.map((x) => x.text)).toEqual(['李娜的笔记']);
    const boss = await t.cloud.ok<Profile>('customer', { action: 'profile', openid: 'o_cust_1' }, 'o_boss');
    expect(boss.notes.map((x) => x.text).sort()).toEqual(['李娜的笔记', '老板的笔记']);
    // The customer: every customer action is refused, about themself too.
    for (const action of ['profile', 'timeline', 'tag', 'note', 'today']) {
      const r = await t.cloud.call('customer', { action, openid: 'o_cust_1', ...(action === 'note' ? { text: 'x' } : {}) }, 'o_cust_1');
      expect([action, !r.ok && r.error.code]).toEqual([action, action === 'today' ? 'INVALID_ARGUMENT' : 'PERMISSION_DENIED']);
    }
    const today = await t.cloud.call('customer', { action: 'today' }, 'o_cust_1');
    expect(!today.ok && today.error.code).toBe('PERMISSION_DENIED');
  });

  it('no reply of an action a customer can call carries tags or notes about anyone', async () => {
    await bind('o_cust_1', 'o_sales_li');
    await t.cloud.ok('customer', { action: 'tag', openid: 'o_cust_1', add: ['SECRET_TAG'] }, 'o_sales_li');
    await t.cloud.ok('customer', { action: 'note', openid: 'o_cust_1', text: 'SECRET_NOTE' }, 'o_sales_li');
    const replies = [
      await t.cloud.call('shelf', { action: 'view' }, 'o_cust_1'),
      await t.cloud.call('shelf', { action: 'product', productId: 'p01' }, 'o_cust_1'),
      await t.cloud.call('card', { action: 'get', salesId: 'o_sales_li' }, 'o_cust_1'),
      await t.cloud.call('material', { action: 'get', materialId: 'm_case_hangzhou' }, 'o_cust_1'),
      await t.cloud.call('coupon', { action: 'mine' }, 'o_cust_1'),
      await t.cloud.call('order', { action: 'list' }, 'o_cust_1'),
    ];
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(JSON.stringify(replies)).not.toMatch(/SECRET_TAG|SECRET_NOTE|manualTags|reminder/);
  });
});

describe('the stored summary never drifts from the timeline', () => {
  it('after a concurrent, repeated, interrupted story, the summary rebuilt from the stored events equals the stored one', async () => {
    const { foldFields, summarize } = await import('../../shared/customers');
    await bind('o_cust_1', 'o_sales_li');
    // Concurrent and repeated: visits and taps at once, the same ones twice.
    const card = await t.cloud.ok<{ visitId: string }>('card', { action: 'get', salesId: 'o_sales_li' }, 'o_cust_1');
    await Promise.all([
      ...['m_case_hangzhou', 'm_tea_guide', 'm_case_hangzhou', 'm_video_farm'].map((m) => t.cloud.ok('material', { action: 'get', materialId: m }, 'o_cust_1')),
      ...['p01', 'p02', 'p01', 'p01'].map((p) => t.cloud.ok('shelf', { action: 'product', productId: p }, 'o_cust_1')),
      ...['phone', 'wechat', 'phone'].map((tap) => t.cloud.ok('card', { action: 'tap', visitId: card.visitId, tap }, 'o_cust_1')),
    ]);
    t.cloud.advanceClock(40 * MIN);
    await t.cloud.ok('shelf', { action: 'product', productId: 'p01' }, 'o_cust_1');
    // Interrupted: an event written but its summary write lost (a request that died in between).
    const { stableId } = await import('../../cloudfunctions/_platform');
    await t.cloud.db.collection('customer_events').add({
      _id: stableId('product_viewed', 'o_cust_1', 'p05', 'lost'),
      openid: 'o_cust_1',
      salesId: 'o_sales_li',
      type: 'product_viewed',
      at: t.cloud.now(),
      data: { productId: 'p05', title: '五常稻花香大米' },
      seconds: 0,
      depth: 0,
      lastReportAt: null,
      pending: true,
    });
    const order = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p05', qty: 1 }], idempotencyKey: 'drift-order-1' }, 'o_cust_1');
    await Promise.all([1, 2, 3].map(() => payOrder(t.cloud, order.orderId, 'o_cust_1', { strict: false })));
    t.cloud.advanceClock(2 * MIN);
    // Two sweeps at once finish the interrupted one and re-deliver what is pending: nothing twice.
    await Promise.all([t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION), t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION)]);
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);

    const events = ((await t.cloud.db.collection('customer_events').where({ openid: 'o_cust_1' }).limit(1000).get()) as { data: Array<Doc & { at: Date }> }).data;
    const stored = (await doc('customer_summaries', 'o_cust_1')) as Doc;
    expect(events.every((e) => e.pending === false)).toBe(true);
    expect(foldFields(stored)).toEqual(summarize(events as never));
    expect(stored).toMatchObject({ ordersPaid: 1, productViews: { p01: 2, p02: 1, p05: 1 } });
    expect(stored.stage).toBe('purchase');
  });
});
