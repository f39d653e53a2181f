import { cardSchema, defaultCard } from './card';

// Which images may be on a card (isOwnImage): shared/uploads.test.ts, with every other check of a file id.

describe('business card', () => {
  it('refuses what is not a card: a foreign image URL, a phone with letters, too many featured products, unknown fields', () => {
    const card = { ...defaultCard({ name: '李娜', title: '茶饮顾问' }), phone: '138 0013 8001' };
    expect(cardSchema.safeParse(card).success).toBe(true);
    for (const bad of [{ photo: 'https://evil.example/x.png' }, { phone: 'call me' }, { featuredProductIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, { html: '<b>' }]) {
      expect([bad, cardSchema.safeParse({ ...card, ...bad }).success]).toEqual([bad, false]);
    }
  });
});
