import { FIXED_NOW, useTestCloud } from '../../emulator/testing';
import { bindByCard } from '../../tests/support/share';
import { doc as readDoc } from '../../tests/support/commerce';
import type { Envelope } from '../../shared/errors';

const t = useTestCloud();

type Doc = Record<string, unknown>;
const doc = (collection: string, id: string): Promise<Doc | undefined> => readDoc(t.cloud, collection, id);
const bind = (openid: string, salesId: string) => bindByCard(t.cloud, openid, salesId);
type Got = { material: { materialId: string; kind: string; status: string; content: Doc }; visitId: string | null };
type Radar = { items: Array<{ visitId: string; openid: string; materialId: string; seconds: number; depth: number; openedAt: string }>; nextCursor: string | null };

const CASE = 'm_case_hangzhou';

describe('materials: ops publish, salespeople browse, customers read', () => {
  it('the list shows active materials newest first with a stable cursor and a tag filter; drafts never', async () => {
    const page = await t.cloud.ok<{ items: Array<{ materialId: string; kind: string }>; nextCursor: string | null }>('material', { action: 'list' }, 'o_sales_li');
    expect(page.items.map((m) => m.materialId)).toEqual(['m_poster_618', 'm_voice_wang', 'm_video_farm', 'm_case_hangzhou', 'm_brochure_2026', 'm_tea_guide']);
    expect(new Set(page.items.map((m) => m.kind))).toEqual(new Set(['article', 'brochure', 'case', 'video', 'testimonial', 'poster']));
    expect(page.nextCursor).toBeNull();
    const tagged = await t.cloud.ok<{ items: Array<{ materialId: string }> }>('material', { action: 'list', tag: '案例' }, 'o_sales_li');
    expect(tagged.items.map((m) => m.materialId)).toEqual([CASE]);
    // 25 more published at the same instant: pages of 20 by (publishedAt, _id), nothing twice, nothing lost.
    await t.cloud.db.collection('materials').doc('m_tea_guide').get();
    const base = (await doc('materials', 'm_tea_guide'))!;
    for (let i = 0; i < 25; i++) await t.cloud.db.collection('materials').add({ ...base, _id: `m_bulk_${String(i).padStart(2, '0')}`, publishedAt: FIXED_NOW });
    const first = await t.cloud.ok<{ items: Array<{ materialId: string }>; nextCursor: string }>('material', { action: 'list' }, 'o_sales_li');
    const second = await t.cloud.ok<{ items: Array<{ materialId: string }>; nextCursor: string | null }>('material', { action: 'list', cursor: first.nextCursor }, 'o_sales_li');
    const all = [...first.items, ...second.items].map((m) => m.materialId);
    expect(first.items).toHaveLength(20);
    expect(all).toHaveLength(31);
    expect(new Set(all).size).toBe(31);
    expect(second.nextCursor).toBeNull();
    const bad = await t.cloud.call('material', { action: 'list', cursor: 'not-a-cursor' }, 'o_sales_li');
    expect(!bad.ok && bad.error.code).toBe('INVALID_ARGUMENT');
  });

  it('ops save a material as a draft, publish it, and a customer can read it only once active; an invalid document is skipped and reported', async () => {
    const material = { _id: 'm_new', title: '新品速览', cover: '/assets/materials/leaf.svg', tags: ['新品'], content: { kind: 'poster', image: '/assets/materials/poster-618.svg' } };
    expect(await t.cloud.ok('material', { action: 'save', material }, 'o_ops')).toEqual({ materialId: 'm_new', status: 'draft', created: true });
    expect(await doc('materials', 'm_new')).toMatchObject({ status: 'draft', publishedAt: null, title: '新品速览' });
    const hidden = await t.cloud.call('material', { action: 'get', materialId: 'm_new' }, 'o_cust_1');
    expect(!hidden.ok && hidden.error.code).toBe('NOT_FOUND');
    const preview = await t.cloud.ok<Got>('material', { action: 'get', materialId: 'm_new' }, 'o_sales_li');
    expect(preview).toMatchObject({ material: { status: 'draft' }, visitId: null });
    const pub = await t.cloud.ok<{ publishedAt: string }>('material', { action: 'setStatus', materialId: 'm_new', status: 'active' }, 'o_ops');
    expect(pub.publishedAt).toBe(FIXED_NOW.toISOString());
    expect((await t.cloud.ok<Got>('material', { action: 'get', materialId: 'm_new' }, 'o_cust_1')).visitId).toEqual(expect.any(String));
    // A re-save keeps the status; the title changes.
    expect(await t.cloud.ok('material', { action: 'save', material: { ...material, title: '新品速览 2' } }, 'o_ops')).toEqual({ materialId: 'm_new', status: 'active', created: false });
    expect(await doc('materials', 'm_new')).toMatchObject({ status: 'active', title: '新品速览 2' });
    // A hand-edited broken document: skipped by the list, refused by get, reported by promotion health.
    await t.cloud.db.collection('materials').doc('m_new').update({ content: t.cloud.db.command.set({ kind: 'poster' }) });
    const listed = await t.cloud.ok<{ items: Array<{ materialId: string }> }>('material', { action: 'list' }, 'o_sales_li');
    expect(listed.items.map((m) => m.materialId)).not.toContain('m_new');
    const broken = await t.cloud.call('material', { action: 'get', materialId: 'm_new' }, 'o_cust_1');
    expect(!broken.ok && broken.error.code).toBe('NOT_FOUND');
    const health = await t.cloud.ok<{ problems: Array<{ collection: string; id: string; problems: string[] }> }>('admin', { action: 'promotionHealth' }, 'o_ops');
    expect(health.problems).toEqual([expect.objectContaining({ collection: 'materials', id: 'm_new', problems: [expect.stringContaining('content.image')] })]);
    const republish = await t.cloud.call('material', { action: 'setStatus', materialId: 'm_new', status: 'active' }, 'o_ops');
    expect(!republish.ok && republish.error.code).toBe('FAILED_PRECONDITION');
  });

  it('an article is stored as plain-text blocks: HTML in a field is text, an unknown block type is refused', async () => {
    const evil = { _id: 'm_evil', title: 'x', cover: '/assets/materials/leaf.svg', tags: [], content: { kind: 'article', blocks: [{ type: 'paragraph', text: '<img src=x onerror=alert(1)>' }] } };
    await t.cloud.ok('material', { action: 'save', material: evil }, 'o_ops');
    const stored = (await doc('materials', 'm_evil')) as { content: { blocks: Array<{ text: string }> } };
    expect(stored.content.blocks[0].text).toBe('<img src=x onerror=alert(1)>');
    const html = await t.cloud.call('material', { action: 'save', material: { ...evil, content: { kind: 'article', blocks: [{ type: 'html', html: '<b>x</b>' }] } } }, 'o_ops');
    expect(!html.ok && html.error.code).toBe('INVALID_ARGUMENT');
    const foreign = await t.cloud.call('material', { action: 'save', material: { ...evil, cover: 'https://evil.example/x.png' } }, 'o_ops');
    expect(!foreign.ok && foreign.error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('reading progress and the radar', () => {
  it("a customer's read opens one visit per half hour; progress is bounded by the real elapsed time, monotonic, and bad values are refused", async () => {
    await bind('o_cust_1', 'o_sales_li');
    const first = await t.cloud.ok<Got>('material', { action: 'get', materialId: CASE }, 'o_cust_1');
    const again = await t.cloud.ok<Got>('material', { action: 'get', materialId: CASE }, 'o_cust_1');
    expect(again.visitId).toBe(first.visitId);
    const visitId = first.visitId!;
    t.cloud.advanceClock(40_000);
    expect(await t.cloud.ok('material', { action: 'progress', visitId, seconds: 40, depth: 80 }, 'o_cust_1')).toEqual({ visitId, seconds: 40, depth: 80 });
    // More seconds than elapsed: capped at the elapsed time; a lower report lowers nothing.
    expect(await t.cloud.ok('material', { action: 'progress', visitId, seconds: 300, depth: 60 }, 'o_cust_1')).toEqual({ visitId, seconds: 40, depth: 60 });
    await t.cloud.ok('material', { action: 'progress', visitId, seconds: 10, depth: 20 }, 'o_cust_1');
    expect(await doc('customer_events', visitId)).toMatchObject({ type: 'material_read', openid: 'o_cust_1', salesId: 'o_sales_li', seconds: 40, depth: 80 });
    for (const bad of [{ seconds: -1, depth: 10 }, { seconds: 1.5, depth: 10 }, { seconds: 5, depth: 101 }, { seconds: 5, depth: -3 }, { seconds: 999_999, depth: 5 }]) {
      const r = await t.cloud.call('material', { action: 'progress', visitId, ...bad }, 'o_cust_1');
      expect([bad, !r.ok && r.error.code]).toEqual([bad, 'INVALID_ARGUMENT']);
    }
    // Someone else's visit, or an id that is no visit: NOT_FOUND, nothing written.
    for (const [who, id] of [['o_cust_2', visitId], ['o_cust_1', 'no_such_visit']]) {
      const r = await t.cloud.call('material', { action: 'progress', visitId: id, seconds: 1, depth: 1 }, who);
      expect(!r.ok && r.error.code).toBe('NOT_FOUND');
    }
    expect(await doc('customer_events', visitId)).toMatchObject({ seconds: 40, depth: 80 });
    // Half an hour later a read is a new visit.
    t.cloud.advanceClock(30 * 60_000);
    expect((await t.cloud.ok<Got>('material', { action: 'get', materialId: CASE }, 'o_cust_1')).visitId).not.toBe(visitId);
  });

  it('1,000 concurrent reports for one visit: the stored time never exceeds the elapsed time and no report is lost (the maxima win)', async () => {
    await bind('o_cust_2', 'o_sales_li');
    const { visitId } = await t.cloud.ok<Got>('material', { action: 'get', materialId: CASE }, 'o_cust_2');
    t.cloud.advanceClock(65_000); // 65 s elapsed on the server
    const reports = Array.from({ length: 1000 }, (_, i) => ({ seconds: (i * 37) % 120, depth: (i * 53) % 101 }));
    // All at once through the local cloud's function host (main(event, context) with a per-call
    // context, 16 instances running at once, as HTTP calls do — minus 1,000 HTTP connections).
    const host = t.cloud.cloud.functions;
    const replies = (await Promise.all(reports.map((r) => host.invoke('material', { action: 'progress', visitId, ...r }, { kind: 'client', openid: 'o_cust_2' })))) as Array<Envelope<{ seconds: number }>>;
    expect(replies.filter((r) => !r.ok)).toEqual([]);
    for (const [i, r] of replies.entries()) if (r.ok) expect(r.data.seconds).toBe(Math.min(reports[i].seconds, 65));
    const stored = (await doc('customer_events', visitId!)) as { seconds: number; depth: number };
    // The largest report within the elapsed time (many claimed more: capped at 65), and the deepest.
    expect(stored.seconds).toBe(65);
    expect(stored.depth).toBe(Math.max(...reports.map((r) => r.depth)));
  }, 240_000);

  it("the radar shows the salesperson's own customers' visits with time and depth, newest first; never another salesperson's", async () => {
    await bind('o_cust_1', 'o_sales_li');
    await bind('o_cust_3', 'o_sales_wang');
    const a = await t.cloud.ok<Got>('material', { action: 'get', materialId: CASE }, 'o_cust_1');
    t.cloud.advanceClock(40_000);
    await t.cloud.ok('material', { action: 'progress', visitId: a.visitId, seconds: 40, depth: 80 }, 'o_cust_1');
    const b = await t.cloud.ok<Got>('material', { action: 'get', materialId: 'm_tea_guide' }, 'o_cust_3');
    const li = await t.cloud.ok<Radar>('material', { action: 'radar' }, 'o_sales_li');
    expect(li.items).toEqual([expect.objectContaining({ visitId: a.visitId, openid: 'o_cust_1', materialId: CASE, seconds: 40, depth: 80, openedAt: FIXED_NOW.toISOString() })]);
    const wang = await t.cloud.ok<Radar>('material', { action: 'radar' }, 'o_sales_wang');
    expect(wang.items.map((i) => i.visitId)).toEqual([b.visitId]);
    const boss = await t.cloud.ok<Radar>('material', { action: 'radar' }, 'o_boss');
    expect(boss.items.map((i) => i.visitId)).toEqual([b.visitId, a.visitId]);
    // A reassigned customer leaves the old salesperson's radar.
    await t.cloud.ok('admin', { action: 'reassign', fromSalesId: 'o_sales_li', toSalesId: 'o_sales_zhao' }, 'o_boss');
    expect((await t.cloud.ok<Radar>('material', { action: 'radar' }, 'o_sales_li')).items).toEqual([]);
  });
});
