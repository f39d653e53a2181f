import { formatFen } from './money';

/** Terms of a coupon as the functions send them (rule per shared/promotions), read loosely. */
export interface CouponLike {
  title?: string;
  name?: string;
  rule?: { kind: string; thresholdFen?: number; amountOffFen?: number; percentOff?: number; maxDiscountFen?: number };
  kind?: string;
  thresholdFen?: number;
  amountOffFen?: number;
  percentOff?: number;
  maxDiscountFen?: number;
}

function rule(c: CouponLike) {
  return c.rule || { kind: c.kind || '', thresholdFen: c.thresholdFen, amountOffFen: c.amountOffFen, percentOff: c.percentOff, maxDiscountFen: c.maxDiscountFen };
}

/** Big face value: "¥20" or "8.5折". */
export function couponFace(c: CouponLike): string {
  const r = rule(c);
  if (r.kind === 'percent_off' && r.percentOff) return `${((100 - r.percentOff) / 10).toFixed(1).replace(/\.0$/, '')}折`;
  if (r.amountOffFen) return formatFen(r.amountOffFen).replace(/\.00$/, '');
  const m = /(\d+(?:\.\d+)?)\s*折|减\s*(\d+)/.exec(c.title || '');
  return m ? (m[1] ? `${m[1]}折` : `¥${m[2]}`) : '券';
}

/** Condition line: "满99可用" / "无门槛" / "最多减30". */
export function couponCondition(c: CouponLike): string {
  const r = rule(c);
  if (r.kind === 'percent_off') return r.maxDiscountFen ? `最多减${formatFen(r.maxDiscountFen).replace(/\.00$/, '')}` : '全场可用';
  if (r.thresholdFen) return `满${formatFen(r.thresholdFen).replace(/\.00$/, '')}可用`;
  const m = /满\s*(\d+)/.exec(c.title || '');
  if (m) return `满¥${m[1]}可用`;
  return r.kind === 'threshold_off' ? '满额可用' : '无门槛';
}

export function couponTitle(c: CouponLike): string {
  return c.title || c.name || `${couponFace(c)} ${couponCondition(c)}`;
}
