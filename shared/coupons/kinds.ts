import type { CouponKind, CouponRule } from '../promotions/coupon-template.schema';

/** How one coupon kind computes its discount on the eligible subtotal (fen). Pure. */
export interface CouponKindDefinition<K extends CouponKind> {
  kind: K;
  /** Human label. */
  label: string;
  /** Smallest eligible subtotal at which the coupon applies. */
  minSubtotalFen(rule: Extract<CouponRule, { kind: K }>): number;
  /** The discount in fen for `eligibleFen` (0 when not applicable; never more than `eligibleFen`). */
  discountFen(rule: Extract<CouponRule, { kind: K }>, eligibleFen: number): number;
}

/** 满减: a fixed amount off once the threshold is reached. */
export const thresholdOff: CouponKindDefinition<'threshold_off'> = {
  kind: 'threshold_off',
  label: '满减',
  minSubtotalFen: (rule) => rule.thresholdFen,
  discountFen: (rule, eligibleFen) => (eligibleFen >= rule.thresholdFen ? Math.min(rule.amountOffFen, eligibleFen) : 0),
};

/** 折扣: a percent off (floored to the fen), capped at `maxDiscountFen`. */
export const percentOff: CouponKindDefinition<'percent_off'> = {
  kind: 'percent_off',
  label: '折扣',
  minSubtotalFen: (rule) => Math.max(1, rule.thresholdFen ?? 0),
  discountFen: (rule, eligibleFen) => {
    if (eligibleFen <= 0 || eligibleFen < (rule.thresholdFen ?? 0)) return 0;
    return Math.min(Math.floor((eligibleFen * rule.percentOff) / 100), rule.maxDiscountFen, eligibleFen);
  },
};

/** 无门槛: a fixed amount off any positive subtotal, never below zero. */
export const flatOff: CouponKindDefinition<'flat_off'> = {
  kind: 'flat_off',
  label: '无门槛',
  minSubtotalFen: () => 1,
  discountFen: (rule, eligibleFen) => (eligibleFen > 0 ? Math.min(rule.amountOffFen, eligibleFen) : 0),
};

/** Every coupon kind, listed explicitly. An unknown kind is an error, never a silent zero. */
export const COUPON_KINDS = {
  threshold_off: thresholdOff,
  percent_off: percentOff,
  flat_off: flatOff,
} as const satisfies { [K in CouponKind]: CouponKindDefinition<K> };

/**
 * The discount a coupon rule gives on an eligible subtotal.
 * @example couponDiscountFen({ kind: 'threshold_off', thresholdFen: 10000, amountOffFen: 1500 }, 12000) // 1500
 * @throws Error for a kind that is not in {@link COUPON_KINDS}.
 */
export function couponDiscountFen(rule: CouponRule, eligibleFen: number): number {
  switch (rule.kind) {
    case 'threshold_off':
      return COUPON_KINDS.threshold_off.discountFen(rule, eligibleFen);
    case 'percent_off':
      return COUPON_KINDS.percent_off.discountFen(rule, eligibleFen);
    case 'flat_off':
      return COUPON_KINDS.flat_off.discountFen(rule, eligibleFen);
    default: {
      const unknown: never = rule;
      throw new Error(`unknown coupon kind ${JSON.stringify((unknown as { kind?: unknown }).kind)}`);
    }
  }
}
