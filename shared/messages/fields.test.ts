/** Subscribe-message values fit WeChat's limits per keyword type (the local cloud applies the same rules). */
import { amount, characterString, phrase, thing, time } from './fields';

const len = (s: string) => [...s].length;

describe('thing: at most 20 characters', () => {
  it.each([
    ['short text stays', '明前龙井', '明前龙井'],
    ['exactly 20 stays', '一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十'],
    ['21 is cut to 19 and …', '一二三四五六七八九十一二三四五六七八九十一', '一二三四五六七八九十一二三四五六七八九…'],
    ['spaces collapse', '  明前  龙井 ', '明前 龙井'],
    ['an emoji counts as one character', '😀'.repeat(25), `${'😀'.repeat(19)}…`],
    ['empty becomes a dash', '', '-'],
  ])('%s', (_t, input, expected) => {
    expect(thing(input)).toBe(expected);
    expect(len(thing(input))).toBeLessThanOrEqual(20);
  });
});

describe('amount: yuan with two decimals', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [9990, '¥99.90'],
    [123456789, '¥1234567.89'],
    [-10, '¥0.00'],
  ])('%d fen → %s', (fen, expected) => {
    expect(amount(fen)).toBe(expected);
    expect(amount(fen)).toMatch(/^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/);
  });
});

describe('time: YYYY-MM-DD HH:mm in China time', () => {
  it.each([
    ['2026-06-01T02:00:00Z', '2026-06-01 10:00'],
    ['2026-06-01T16:30:59Z', '2026-06-02 00:30'],
    ['2026-12-31T23:59:00Z', '2027-01-01 07:59'],
  ])('%s → %s', (iso, expected) => expect(time(new Date(iso))).toBe(expected));
});

describe('character_string: at most 32 printable ASCII characters', () => {
  it.each([
    ['an order id stays', 'oAbc_123-XYZ', 'oAbc_123-XYZ'],
    ['33 characters are cut to 32', 'x'.repeat(33), 'x'.repeat(32)],
    ['non-ASCII and spaces are dropped', '单号 SF 123', 'SF123'],
    ['nothing left becomes a dash', '订单', '-'],
  ])('%s', (_t, input, expected) => expect(characterString(input)).toBe(expected));
});

describe('phrase: at most 5 Chinese characters', () => {
  it.each([
    ['stays', '已退款', '已退款'],
    ['6 are cut to 5', '拼团成功啦啦', '拼团成功啦'],
    ['others are dropped', '拼团OK成功!', '拼团成功'],
    ['nothing left becomes 通知', 'OK', '通知'],
  ])('%s', (_t, input, expected) => expect(phrase(input)).toBe(expected));
});
