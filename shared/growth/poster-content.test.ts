import { posterContent } from './poster-content';

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
    expect(posterContent({ type: 'group', id: 't1' }, product, { title: '龙井 3人团', groupSize: 3, groupPriceFen: 9900 }, li)).toMatchObject({
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
});
