/**
 * Subscribe-message values shaped to WeChat's limits per keyword type (subscribeMessage.send,
 * 参数值内容限制): a value over its limit fails the whole send with 47003, so every value is
 * made to fit here. Pure; times are shown in China time (UTC+8, no daylight saving).
 */

import { yuanText } from '../money/yuan';

const chars = (s: string) => [...s];

/**
 * `thing`: at most 20 characters; longer text is cut to 19 and ends with `…`.
 * @example thing('山野良品 高山云雾绿茶 特级 250g 礼盒装') // '山野良品 高山云雾绿茶 特级 250…'
 */
export function thing(text: string): string {
  const c = chars(text.replace(/\s+/g, ' ').trim());
  if (c.length === 0) return '-';
  return c.length <= 20 ? c.join('') : `${c.slice(0, 19).join('')}…`;
}

/**
 * `amount`: yuan with two decimals and the ¥ sign.
 * @example amount(9990) // '¥99.90'
 */
export function amount(fen: number): string {
  return `¥${yuanText(Math.max(0, fen))}`;
}

/**
 * `time`: `YYYY-MM-DD HH:mm` in China time.
 * @example time(new Date('2026-06-01T02:00:00Z')) // '2026-06-01 10:00'
 */
export function time(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * `character_string`: at most 32 printable ASCII characters (others dropped).
 * @example characterString('o8fK…') // 'o8fK'
 */
export function characterString(text: string): string {
  const kept = chars(text).filter((ch) => /^[\x21-\x7e]$/.test(ch));
  return kept.length === 0 ? '-' : kept.slice(0, 32).join('');
}

/**
 * `phrase`: at most 5 Chinese characters (others dropped).
 * @example phrase('拼团成功!') // '拼团成功'
 */
export function phrase(text: string): string {
  const kept = chars(text).filter((ch) => /^\p{Script=Han}$/u.test(ch));
  return kept.length === 0 ? '通知' : kept.slice(0, 5).join('');
}
