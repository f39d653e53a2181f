import { yuanText } from './yuan';

describe('yuanText: fen as yuan with two decimals', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [5, '0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [9990, '99.90'],
    [123456, '1234.56'],
    [123456789, '1234567.89'],
    [-5, '-0.05'],
  ])('yuanText(%i) = %s', (fen, text) => {
    expect(yuanText(fen)).toBe(text);
  });
});
