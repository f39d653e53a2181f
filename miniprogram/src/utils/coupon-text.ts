import type { MyCoupon } from '../services/api';
import { formatFen } from './money';

/** What a ticket needs of a coupon (a template on offer or a claimed coupon): its title and rule (shared/promotions). */
export interface CouponLike {
  title: string;
  rule: MyCoupon['rule'];
}

const yuan = (fen: number) => formatFen(fen).replace(/\.00$/, '');

/** Big face value: "¥20" or "8折". */
export function couponFace(c: CouponLike): string {
  const r = c.rule;
  if (r.kind === 'percent_off') return `${((100 - r.percentOff) / 10).toFixed(1).replace(/\.0$/, '')}折`;
  return yuan(r.amountOffFen);
}

/** Condition line: "满100可用" / "无门槛" / "最多减30". */
export function couponCondition(c: CouponLike): string {
  const r = c.rule;
  switch (r.kind) {
    case 'threshold_off':
      return `满${yuan(r.thresholdFen)}可用`;
    case 'percent_off':
      return r.thresholdFen ? `满${yuan(r.thresholdFen)}最多减${yuan(r.maxDiscountFen)}` : `最多减${yuan(r.maxDiscountFen)}`;
    case 'flat_off':
      return '无门槛';
  }
}
