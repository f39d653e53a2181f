import { cardSchema, defaultCard, isOwnImage } from './card';

describe('business card', () => {
  it.each([
    ['an app asset', '/assets/avatars/li.svg', true],
    ["the owner's own upload", 'cloud://local.linkshelf-local/uploads/o_sales_li/card/1.png', true],
    ["another user's upload", 'cloud://local.linkshelf-local/uploads/o_sales_wang/card/1.png', false],
    ['a prefix trick', 'cloud://local.linkshelf-local/uploads/o_sales_li2/card/1.png', false],
    ['a path escape', 'cloud://local.linkshelf-local/uploads/o_sales_li/../o_sales_wang/x.png', false],
    ['a file outside uploads', 'cloud://local.linkshelf-local/products/p01.png', false],
  ])('%s may be on o_sales_li\'s card: %s', (_n, ref, ok) => {
    expect(isOwnImage(ref, 'o_sales_li')).toBe(ok);
  });

  it('refuses what is not a card: a foreign image URL, a phone with letters, too many featured products, unknown fields', () => {
    const card = { ...defaultCard({ name: '李娜', title: '茶饮顾问' }), phone: '138 0013 8001' };
    expect(cardSchema.safeParse(card).success).toBe(true);
    for (const bad of [{ photo: 'https://evil.example/x.png' }, { phone: 'call me' }, { featuredProductIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, { html: '<b>' }]) {
      expect([bad, cardSchema.safeParse({ ...card, ...bad }).success]).toEqual([bad, false]);
    }
  });
});
