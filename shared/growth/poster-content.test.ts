import { NOW } from '../../tests/support/fixtures';
import { posterContent, runningFlashPriceFen } from './poster-content';

const product = { title: '明前龙井', images: ['/assets/p01.svg', '/assets/p01b.svg'], skuPricesFen: [31800, 16800], deal: null };
const li = { name: '李销售', avatarFileId: 'cloud://local.b/avatars/li.png' };

describe('posterContent', () => {
  it('a product: its first image and lowest SKU price; the salesperson', () => {
    expect(posterContent({ type: 'product', id: 'p01' }, product, null, li)).toEqual({
      title: '明前龙井',
      priceFen: 16800,
      priceKind: 'price',
      groupSize: null,
      image: '/assets/p01.svg',
      salesName: '李销售',
      salesAvatar: 'cloud://local.b/avatars/li.png',
    });
  });
  it('a product with a live group deal shows the group price', () => {
    expect(posterContent({ type: 'product', id: 'p01' }, { ...product, deal: { groupSize: 3, groupPriceFen: 12800 } }, null, null)).toMatchObject({
      priceFen: 12800,
      priceKind: 'group',
      groupSize: 3,
      salesName: null,
    });
  });
  it("a team shows its terms' group price and the product's image", () => {
    expect(posterContent({ type: 'group', id: 't1' }, product, { kind: 'group', title: '龙井 3人团', groupSize: 3, groupPriceFen: 9900 }, li)).toMatchObject({
      title: '明前龙井',
      priceFen: 9900,
      priceKind: 'group',
      image: '/assets/p01.svg',
    });
  });
  it('a shelf has no price: the title names the salesperson', () => {
    expect(posterContent({ type: 'shelf', id: 'o_sales_li' }, null, null, li)).toMatchObject({ title: '李销售的精选好物', priceFen: null, priceKind: null, image: null });
    expect(posterContent({ type: 'shelf', id: 'x' }, null, null, null).title).toBe('精选好物');
  });
  it('a bargain shows its product and the price it has reached, whatever the product’s deals', () => {
    const dealt = { ...product, deal: { groupSize: 3, groupPriceFen: 12800 }, flashPriceFen: 9900 };
    expect(posterContent({ type: 'bargain', id: 'b1' }, dealt, { kind: 'bargain', title: '龙井砍价', priceFen: 10350 }, li)).toEqual({
      title: '明前龙井',
      priceFen: 10350,
      priceKind: 'bargain',
      groupSize: null,
      image: '/assets/p01.svg',
      salesName: '李销售',
      salesAvatar: 'cloud://local.b/avatars/li.png',
    });
    expect(posterContent({ type: 'bargain', id: 'b1' }, null, { kind: 'bargain', title: '龙井砍价', priceFen: 10350 }, null)).toMatchObject({ title: '龙井砍价', priceFen: 10350, image: null });
  });
  it('a product with a running flash sale shows the flash price, before a group deal and the SKU price', () => {
    expect(posterContent({ type: 'product', id: 'p01' }, { ...product, flashPriceFen: 9900 }, null, null)).toMatchObject({ priceFen: 9900, priceKind: 'flash', groupSize: null });
    expect(posterContent({ type: 'product', id: 'p01' }, { ...product, deal: { groupSize: 3, groupPriceFen: 12800 }, flashPriceFen: 9900 }, null, null)).toMatchObject({ priceFen: 9900, priceKind: 'flash' });
    expect(posterContent({ type: 'product', id: 'p01' }, { ...product, flashPriceFen: null }, null, null)).toMatchObject({ priceFen: 16800, priceKind: 'price' });
  });
});

describe('runningFlashPriceFen', () => {
  const HOUR = 3_600_000;
  const sale = (over: Record<string, unknown> = {}) => ({
    _id: 'fs1', title: '秒杀', status: 'active', startAt: new Date(NOW.getTime() - HOUR), endAt: new Date(NOW.getTime() + HOUR),
    productId: 'p01', skuId: 'p01-s1', flashPriceFen: 9900, listPriceFen: 16800, quantity: 10, perUserLimit: 1, taken: 0, ...over,
  });
  const skus = ['p01-s1', 'p01-s2'];

  it('the lowest price of the sales running now on the product’s SKUs', () => {
    expect(runningFlashPriceFen([sale(), sale({ _id: 'fs2', skuId: 'p01-s2', flashPriceFen: 8800 })], skus, NOW)).toBe(8800);
    expect(runningFlashPriceFen([sale()], skus, NOW)).toBe(9900);
  });
  it.each([
    ['upcoming', { startAt: new Date(NOW.getTime() + HOUR), endAt: new Date(NOW.getTime() + 2 * HOUR) }],
    ['ended', { startAt: new Date(NOW.getTime() - 2 * HOUR), endAt: NOW }],
    ['sold out', { taken: 10 }],
    ['paused', { status: 'paused' }],
    ['on another product’s SKU', { skuId: 'p02-s1' }],
    ['invalid (flash price at the list price)', { flashPriceFen: 16800 }],
  ])('a sale %s gives no flash price', (_name, over) => {
    expect(runningFlashPriceFen([sale(over)], skus, NOW)).toBeNull();
  });
});
