import { FIXED_NOW, useTestCloud } from '../../emulator/testing';

const t = useTestCloud();

type Doc = Record<string, unknown>;
async function doc(collection: string, id: string): Promise<Doc | undefined> {
  return ((await t.cloud.db.collection(collection).doc(id).get()).data as Doc[])[0];
}
async function eventsOf(openid: string): Promise<Doc[]> {
  return ((await t.cloud.db.collection('customer_events').where({ openid }).limit(100).get()) as { data: Doc[] }).data;
}
type CardReply = { card: { salesId: string; name: string; phone: string | null; photo: string | null; featuredProducts: Array<{ productId: string; priceFen: number }>; featuredMaterials: Array<{ materialId: string }> }; visitId: string | null; mine: boolean; saved: Doc | null };

const card = {
  photo: 'cloud://local.linkshelf-local/uploads/o_sales_li/card/me.png',
  name: '李娜',
  title: '高级茶饮顾问',
  phone: '138 0013 8001',
  wechatQr: 'cloud://local.linkshelf-local/uploads/o_sales_li/card/qr.png',
  intro: '欢迎来聊茶。',
  featuredProductIds: ['p02', 'p01', 'p99'],
  featuredMaterialIds: ['m_case_hangzhou', 'm_draft_autumn'],
};

describe('the business card', () => {
  it('the owner saves their card; the reply shows its featured products on sale and active materials, in their order', async () => {
    expect(await t.cloud.ok('card', { action: 'save', card }, 'o_sales_li')).toEqual({ salesId: 'o_sales_li', updatedAt: FIXED_NOW.toISOString() });
    expect(((await doc('users', 'o_sales_li')) as { card: Doc }).card).toEqual({ ...card, updatedAt: FIXED_NOW });
    const mine = await t.cloud.ok<CardReply>('card', { action: 'get', salesId: 'o_sales_li' }, 'o_sales_li');
    expect(mine).toMatchObject({ mine: true, visitId: null, saved: card, card: { name: '李娜', phone: '138 0013 8001', photo: card.photo } });
    expect(mine.card.featuredProducts.map((p) => [p.productId, p.priceFen])).toEqual([['p02', 12800], ['p01', 16800]]);
    expect(mine.card.featuredMaterials.map((m) => m.materialId)).toEqual(['m_case_hangzhou']);
    expect(await eventsOf('o_sales_li')).toEqual([]);
  });

  it("a card cannot show another user's upload, and only a salesperson saves one", async () => {
    const theirs = await t.cloud.call('card', { action: 'save', card: { ...card, photo: 'cloud://local.linkshelf-local/uploads/o_sales_wang/card/x.png' } }, 'o_sales_li');
    expect(!theirs.ok && theirs.error.code).toBe('INVALID_ARGUMENT');
    const customer = await t.cloud.call('card', { action: 'save', card: { ...card, photo: null, wechatQr: null } }, 'o_cust_1');
    expect(!customer.ok && customer.error.code).toBe('PERMISSION_DENIED');
    const notSales = await t.cloud.call('card', { action: 'get', salesId: 'o_cust_2' }, 'o_cust_1');
    expect(!notSales.ok && notSales.error.code).toBe('NOT_FOUND');
    expect(((await doc('users', 'o_sales_li')) as { card: Doc }).card).toMatchObject({ name: '李娜', title: '茶饮顾问' });
  });

  it("a customer's open is a visit (one per half hour) in their timeline; taps are counted once per visit and tap", async () => {
    const share = await t.cloud.ok<{ shareId: string; salesId: string }>('share', { action: 'create', target: { type: 'card', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    expect(share.salesId).toBe('o_sales_li');
    const opened = await t.cloud.ok<{ boundSalesId: string; target: Doc }>('share', { action: 'open', shareId: share.shareId }, 'o_cust_1');
    expect(opened).toMatchObject({ boundSalesId: 'o_sales_li', target: { type: 'card', id: 'o_sales_li' } });
    const first = await t.cloud.ok<CardReply>('card', { action: 'get', salesId: 'o_sales_li' }, 'o_cust_1');
    const reload = await t.cloud.ok<CardReply>('card', { action: 'get', salesId: 'o_sales_li' }, 'o_cust_1');
    expect(first).toMatchObject({ mine: false, saved: null });
    expect(reload.visitId).toBe(first.visitId);
    const taps = await Promise.all(['phone', 'phone', 'wechat', 'phone'].map((tap) => t.cloud.ok<{ counted: boolean }>('card', { action: 'tap', visitId: first.visitId, tap }, 'o_cust_1')));
    expect(taps.filter((x) => x.counted)).toHaveLength(2);
    const events = await eventsOf('o_cust_1');
    expect(events.map((e) => e.type).sort()).toEqual(['card_tapped', 'card_tapped', 'card_viewed', 'share_opened']);
    expect(events.every((e) => e.salesId === 'o_sales_li')).toBe(true);
    const summary = (await doc('customer_summaries', 'o_cust_1')) as Doc;
    expect(summary).toMatchObject({ events: 4, byType: { share_opened: 1, card_viewed: 1, card_tapped: 2 }, viewDays: { '2026-06-01': 1 }, stage: 'interest', salesId: 'o_sales_li' });
    // Someone else cannot tap on this visit.
    const forged = await t.cloud.call('card', { action: 'tap', visitId: first.visitId, tap: 'phone' }, 'o_cust_2');
    expect(!forged.ok && forged.error.code).toBe('NOT_FOUND');
    t.cloud.advanceClock(31 * 60_000);
    expect((await t.cloud.ok<CardReply>('card', { action: 'get', salesId: 'o_sales_li' }, 'o_cust_1')).visitId).not.toBe(first.visitId);
  });

  it("a salesperson shares only their own card; a customer's re-share of it brings customers to its owner", async () => {
    const other = await t.cloud.call('share', { action: 'create', target: { type: 'card', id: 'o_sales_wang' }, channel: 'card' }, 'o_sales_li');
    expect(!other.ok && other.error.code).toBe('PERMISSION_DENIED');
    const reshare = await t.cloud.ok<{ shareId: string; salesId: string }>('share', { action: 'create', target: { type: 'card', id: 'o_sales_wang' }, channel: 'card' }, 'o_cust_3');
    expect(reshare.salesId).toBe('o_sales_wang');
  });

  it('a salesperson turns their alerts off and on', async () => {
    expect(await t.cloud.ok('card', { action: 'setAlerts', enabled: false }, 'o_sales_li')).toEqual({ enabled: false });
    expect(await doc('users', 'o_sales_li')).toMatchObject({ alertsOff: true });
    await t.cloud.ok('card', { action: 'setAlerts', enabled: true }, 'o_sales_li');
    expect(await doc('users', 'o_sales_li')).toMatchObject({ alertsOff: false });
  });
});
