/**
 * The card-copy experiment has a real treatment: each arm's sharers get their arm's card title
 * from share.create, and the dashboard judges the arms on opens → binds with an interval.
 */
import { useTestCloud } from '../../emulator/testing';
import { applyCardTitle, bucketVariant } from '../../shared/growth';
import type { Reply } from '../../shared/contract';

const t = useTestCloud();

type Created = Reply<'share', 'create'>;
type Dashboard = Reply<'admin', 'dashboard'>;
const VARIANTS = [
  { name: 'plain', weight: 1 },
  { name: 'discount', weight: 1 },
];
const sharers = Array.from({ length: 40 }, (_, i) => `o_card_${i}`);
const sharerIn = (arm: string) => sharers.find((o) => bucketVariant(o, 'cardCopy', VARIANTS) === arm)!;

describe('card-copy experiment', () => {
  it("two arms' sharers get different card titles; the stored share keeps the arm", async () => {
    const plain = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'product', id: 'p01' }, channel: 'card' }, sharerIn('plain'));
    const discount = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'product', id: 'p01' }, channel: 'card' }, sharerIn('discount'));
    expect(plain.card).toEqual({ experimentKey: 'cardCopy', variant: 'plain', title: '{title}', imageUrl: null });
    expect(discount.card).toEqual({ experimentKey: 'cardCopy', variant: 'discount', title: '好友专享价 · {title}', imageUrl: null });
    expect(applyCardTitle(plain.card!.title, '青瓷茶具')).toBe('青瓷茶具');
    expect(applyCardTitle(discount.card!.title, '青瓷茶具')).toBe('好友专享价 · 青瓷茶具');
    const stored = await t.cloud.db.collection('shares').doc(discount.shareId).get();
    expect(stored.data[0]).toMatchObject({ experiments: { cardCopy: 'discount' } });
  });

  it('a paused experiment gives no card; a share still works', async () => {
    await t.cloud.db.collection('experiments').doc('exp_card_copy').update({ status: 'paused' });
    const s = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'product', id: 'p01' }, channel: 'card' }, sharerIn('discount'));
    expect(s.card).toBeNull();
    expect(s.experiments).toEqual({});
  });

  it('the dashboard shows both arms with exposures (opens), conversions (binds) and a difference interval', async () => {
    const arms = { plain: sharerIn('plain'), discount: sharerIn('discount') };
    // Wang is in the plain arm too (his share binds its 3 openers); those 3 then open the plain
    // sharer's share and stay Wang's: plain 3 + 4 opens, 3 + 1 binds; discount 3 opens, 3 binds.
    expect(bucketVariant('o_sales_wang', 'cardCopy', VARIANTS)).toBe('plain');
    const plain = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, arms.plain);
    const discount = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, arms.discount);
    const wangShare = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_wang' }, channel: 'card' }, 'o_sales_wang');
    for (const c of ['o_card_w1', 'o_card_w2', 'o_card_w3']) await t.cloud.ok('share', { action: 'open', shareId: wangShare.shareId }, c);
    for (const c of ['o_card_w1', 'o_card_w2', 'o_card_w3', 'o_card_p1']) await t.cloud.ok('share', { action: 'open', shareId: plain.shareId }, c);
    for (const c of ['o_card_d1', 'o_card_d2', 'o_card_d3']) await t.cloud.ok('share', { action: 'open', shareId: discount.shareId }, c);

    const d = await t.cloud.ok<Dashboard>('admin', { action: 'dashboard' }, 'o_boss');
    const x = d.experiments.find((e) => e.key === 'cardCopy')!;
    expect(x).toMatchObject({ varies: 'card', exposure: 'opens', conversion: 'binds' });
    expect(x.arms.map((a) => [a.variant, a.exposures, a.conversions])).toEqual([
      ['plain', 7, 4],
      ['discount', 3, 3],
    ]);
    const [control, treated] = x.arms;
    expect(control).toMatchObject({ rate: 4 / 7, difference: null, differenceInterval: null, significant: false });
    expect(treated.difference).toBeCloseTo(3 / 7, 10);
    expect(treated.differenceInterval!.low).toBeLessThan(3 / 7);
    expect(treated.differenceInterval!.high).toBeGreaterThan(3 / 7);
    expect(treated.differenceInterval!.high).toBeLessThanOrEqual(1);
    // 7 opens cannot tell the arms apart yet
    expect(treated.differenceInterval!.low).toBeLessThan(0);
    expect(treated.significant).toBe(false);
  });
});
