import { priceLine, type PosterText } from '../src/services/poster-draw';

describe('the poster’s price line', () => {
  const text = (over: Partial<PosterText>): PosterText => ({ title: '土蜂蜜', priceFen: 5900, priceKind: 'price', groupSize: null, salesName: null, ...over });

  it('names how the price was reached: a group of N, a running flash sale, a bargain reached so far, or the plain price', () => {
    expect(priceLine(text({ priceKind: 'group', groupSize: 3, priceFen: 12800 }))).toBe('3人团 ¥128.00');
    expect(priceLine(text({ priceKind: 'flash' }))).toBe('秒杀价 ¥59.00');
    expect(priceLine(text({ priceKind: 'bargain', priceFen: 10350 }))).toBe('已砍至 ¥103.50');
    expect(priceLine(text({ priceKind: 'price', priceFen: 9800 }))).toBe('¥98.00');
    expect(priceLine(text({ priceKind: null, priceFen: null }))).toBe('');
  });
});
