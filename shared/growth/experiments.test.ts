import fc from 'fast-check';
import { applyCardTitle, assignVariants, bucketVariant, cardTreatment, experimentSchema } from './experiments';

describe('experiments', () => {
  const variants = [
    { name: 'a', weight: 1 },
    { name: 'b', weight: 3 },
  ];

  it('the same user always gets the same variant: pinned across releases, whatever else runs (no randomness, no clock)', () => {
    // Pinned buckets: a change of the hash would move every running experiment's users between arms.
    const users = ['o_cust_1', 'o_cust_2', 'o_cust_3', 'o_cust_4', 'o_sales_li', 'o_user_1', 'o_user_2', 'o_user_3'];
    const pinned = { cardCopy: 'baabbaba', poster: 'bbbbbbab' };
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.999);
    const now = jest.spyOn(Date, 'now').mockReturnValue(0);
    try {
      for (const [key, arms] of Object.entries(pinned)) expect(users.map((u) => bucketVariant(u, key, variants)).join('')).toBe(arms);
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
    // The variant depends on the user and the key only: a copy of the variants gives the same arm.
    fc.assert(fc.property(fc.string(), fc.string(), (openid, key) => {
      expect(bucketVariant(openid, key, variants.map((v) => ({ ...v })))).toBe(bucketVariant(openid, key, variants));
    }));
  });

  it('buckets follow the weights (±3 % over 20,000 users)', () => {
    let b = 0;
    for (let i = 0; i < 20_000; i++) if (bucketVariant(`o_user_${i}`, 'cardCopy', variants) === 'b') b++;
    expect(Math.abs(b / 20_000 - 0.75)).toBeLessThan(0.03);
  });

  it('a zero-weight variant is never chosen', () => {
    for (let i = 0; i < 1000; i++) expect(bucketVariant(`u${i}`, 'k', [{ name: 'off', weight: 0 }, { name: 'on', weight: 1 }])).toBe('on');
  });

  it('only live experiments expose users', () => {
    const now = new Date('2025-03-01T00:00:00Z');
    const live = experimentSchema.parse({ _id: 'e1', key: 'cardCopy', status: 'active', variants });
    const paused = experimentSchema.parse({ _id: 'e2', key: 'poster', status: 'paused', variants });
    const ended = experimentSchema.parse({ _id: 'e3', key: 'old', status: 'active', endAt: '2025-02-01T00:00:00Z', variants });
    expect(Object.keys(assignVariants('o_cust_1', [live, paused, ended], now))).toEqual(['cardCopy']);
  });

  it('refuses an experiment whose weights are all zero', () => {
    expect(experimentSchema.safeParse({ _id: 'e', key: 'k', status: 'active', variants: [{ name: 'a', weight: 0 }] }).success).toBe(false);
  });
});

describe('experiment treatments', () => {
  const card = {
    _id: 'exp_card',
    key: 'cardCopy',
    status: 'active',
    varies: 'card',
    variants: [
      { name: 'plain', weight: 1, value: { cardTitle: '{title}' } },
      { name: 'discount', weight: 1, value: { cardTitle: '限时优惠 {title}', cardImage: '/assets/p01.svg' } },
      { name: 'none', weight: 1 },
    ],
  };

  it('accepts each variant value of its treatment, refuses another treatment\'s field or a value without varies', () => {
    expect(experimentSchema.safeParse(card).success).toBe(true);
    const noVaries = experimentSchema.safeParse({ ...card, varies: undefined });
    expect(noVaries.success).toBe(false);
    expect(noVaries.error!.issues[0].path).toEqual(['variants', 0, 'value', 'cardTitle']);
    const foreign = experimentSchema.safeParse({ ...card, variants: [{ name: 'a', weight: 1, value: { couponAmountFen: 500 } }] });
    expect(foreign.success).toBe(false);
  });

  it('gives the caller\'s variant card, null for a variant without a value or without a card experiment', () => {
    const e = experimentSchema.parse(card);
    expect(cardTreatment([e], { cardCopy: 'discount' })).toEqual({ experimentKey: 'cardCopy', variant: 'discount', title: '限时优惠 {title}', imageUrl: '/assets/p01.svg' });
    expect(cardTreatment([e], { cardCopy: 'plain' })).toMatchObject({ title: '{title}', imageUrl: null });
    expect(cardTreatment([e], { cardCopy: 'none' })).toBeNull();
    expect(cardTreatment([e], {})).toBeNull();
    expect(cardTreatment([experimentSchema.parse({ ...card, varies: undefined, variants: [{ name: 'plain', weight: 1 }] })], { cardCopy: 'plain' })).toBeNull();
  });

  it('fills the page title into the template', () => {
    expect(applyCardTitle('限时优惠 {title}', '青瓷茶具')).toBe('限时优惠 青瓷茶具');
    expect(applyCardTitle('{title}｜{title}', 'x')).toBe('x｜x');
    expect(applyCardTitle(null, '青瓷茶具')).toBe('青瓷茶具');
  });
});
