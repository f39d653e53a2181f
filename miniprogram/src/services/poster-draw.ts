import type { Reply } from '../../../shared/contract';
import { formatFen } from '../utils/money';

/** The poster's size in canvas pixels (a 5:8 portrait, the usual Moments poster). */
export const POSTER_W = 600;
export const POSTER_H = 960;

/** What the poster draws (share.poster's `content`). */
export interface PosterText {
  title: string;
  priceFen: number | null;
  priceKind: Reply<'share', 'poster'>['content']['priceKind'];
  groupSize: number | null;
  salesName: string | null;
}

/** The loaded images (null: missing or failed to load; the poster is drawn without it). */
export interface PosterImages<I> {
  product: I | null;
  avatar: I | null;
  code: I | null;
}

/** The part of a 2D context the poster uses: the same in the browser and in WeChat's canvas 2d. */
export interface Draw2D<I> {
  fillStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  textBaseline: CanvasTextBaseline;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: I, x: number, y: number, w: number, h: number): void;
  save(): void;
  restore(): void;
  beginPath(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  clip(): void;
}

/** The price line, e.g. "3人团 ¥128.00", "秒杀价 ¥59.00", "已砍至 ¥103.50" or "¥98.00"; '' without a price. */
export function priceLine(t: PosterText): string {
  if (t.priceFen === null) return '';
  if (t.priceKind === 'group' && t.groupSize) return `${t.groupSize}人团 ${formatFen(t.priceFen)}`;
  if (t.priceKind === 'flash') return `秒杀价 ${formatFen(t.priceFen)}`;
  if (t.priceKind === 'bargain') return `已砍至 ${formatFen(t.priceFen)}`;
  return formatFen(t.priceFen);
}

/** Splits a title into at most `lines` lines of `maxWidth` (the last one ends with … when cut). */
function wrap<I>(ctx: Draw2D<I>, text: string, maxWidth: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (ctx.measureText(line + ch).width > maxWidth) {
      out.push(line);
      line = '';
      if (out.length === lines) {
        out[lines - 1] = `${out[lines - 1].slice(0, -1)}…`;
        return out;
      }
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}

/**
 * Draws the poster: the product image on top, title, price, the salesperson's avatar and name,
 * the mini-program code. One drawing for both builds; only the canvas and image loading differ.
 */
export function drawPoster<I>(ctx: Draw2D<I>, text: PosterText, images: PosterImages<I>): void {
  const pad = 40;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, POSTER_W, POSTER_H);
  ctx.textBaseline = 'top';
  if (images.product) ctx.drawImage(images.product, 0, 0, POSTER_W, POSTER_W * 0.9);
  else {
    ctx.fillStyle = '#f2f3f5';
    ctx.fillRect(0, 0, POSTER_W, POSTER_W * 0.9);
  }
  let y = POSTER_W * 0.9 + 28;
  ctx.fillStyle = '#1f2329';
  ctx.font = 'bold 34px sans-serif';
  for (const line of wrap(ctx, text.title, POSTER_W - pad * 2, 2)) {
    ctx.fillText(line, pad, y);
    y += 46;
  }
  const price = priceLine(text);
  if (price) {
    ctx.fillStyle = '#e54d42';
    ctx.font = 'bold 44px sans-serif';
    ctx.fillText(price, pad, y + 6);
  }
  const code = 180;
  const bottom = POSTER_H - pad - code;
  if (images.code) ctx.drawImage(images.code, POSTER_W - pad - code, bottom, code, code);
  const avatar = 72;
  const ay = bottom + code - avatar - 40;
  if (images.avatar) {
    ctx.save();
    ctx.beginPath();
    ctx.arc(pad + avatar / 2, ay + avatar / 2, avatar / 2, 0, Math.PI * 2);
    ctx.clip();
    ctx.drawImage(images.avatar, pad, ay, avatar, avatar);
    ctx.restore();
  }
  ctx.fillStyle = '#1f2329';
  ctx.font = '28px sans-serif';
  ctx.fillText(text.salesName ? `${text.salesName} 推荐` : '好友推荐', pad + (images.avatar ? avatar + 16 : 0), ay + 18);
  ctx.fillStyle = '#8a8f99';
  ctx.font = '22px sans-serif';
  ctx.fillText('长按识别小程序码', pad, bottom + code - 26);
}
