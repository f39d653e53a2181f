/** Subscribe-message values fit WeChat's limits per keyword type (the local cloud applies the same rules). */
import { amount, characterString, phrase, thing, time } from './fields';

const len = (s: string) => [...s].length;

/** The text keyword types: each one's formatter and the most characters WeChat takes. */
const TEXT_KEYWORDS = {
  thing: { format: thing, max: 20 },
  character_string: { format: characterString, max: 32 },
  phrase: { format: phrase, max: 5 },
} as const;

describe('text keywords: thing (20 characters), character_string (32 printable ASCII), phrase (5 Chinese)', () => {
  it.each<[keyof typeof TEXT_KEYWORDS, string, string, string]>([
    ['thing', 'short text stays', '明前龙井', '明前龙井'],
    ['thing', 'exactly 20 stays', '一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十'],
    ['thing', '21 is cut to 19 and …', '一二三四五六七八九十一二三四五六七八九十一', '一二三四五六七八九十一二三四五六七八九…'],
    ['thing', 'spaces collapse', '  明前  龙井 ', '明前 龙井'],
    ['thing', 'an emoji counts as one character', '😀'.repeat(25), `${'😀'.repeat(19)}…`],
    ['thing', 'empty becomes a dash', '', '-'],
    ['character_string', 'an order id stays', 'oAbc_123-XYZ', 'oAbc_123-XYZ'],
    ['character_string', '33 characters are cut to 32', 'x'.repeat(33), 'x'.repeat(32)],
    ['character_string', 'non-ASCII and spaces are dropped', '单号 SF 123', 'SF123'],
    ['character_string', 'nothing left becomes a dash', '订单', '-'],
    ['phrase', 'stays', '已退款', '已退款'],
    ['phrase', '6 are cut to 5', '拼团成功啦啦', '拼团成功啦'],
    ['phrase', 'others are dropped', '拼团OK成功!', '拼团成功'],
    ['phrase', 'nothing left becomes 通知', 'OK', '通知'],
  ])('%s: %s', (type, _t, input, expected) => {
    const { format, max } = TEXT_KEYWORDS[type];
    expect(format(input)).toBe(expected);
    expect(len(format(input))).toBeLessThanOrEqual(max);
  });
});

describe('amount: ¥ and the yuan text (shared/money), never below zero', () => {
  it('writes fen as ¥ yuan with two decimals, a negative as ¥0.00, in the pattern WeChat takes', () => {
    const shown = [0, 5, 9990, 123456789, -10].map(amount);
    expect(shown).toEqual(['¥0.00', '¥0.05', '¥99.90', '¥1234567.89', '¥0.00']);
    for (const text of shown) expect(text).toMatch(/^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/);
  });
});

describe('time: YYYY-MM-DD HH:mm in China time', () => {
  it.each([
    ['2026-06-01T02:00:00Z', '2026-06-01 10:00'],
    ['2026-06-01T16:30:59Z', '2026-06-02 00:30'],
    ['2026-12-31T23:59:00Z', '2027-01-01 07:59'],
  ])('%s → %s', (iso, expected) => expect(time(new Date(iso))).toBe(expected));
});
