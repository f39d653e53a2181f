import type { ErrorCode } from '../errors';
import { checkPromotion } from '../promotions/check-promotion';
import { isLive } from '../promotions/fields';
import type { CouponTemplate } from '../promotions/coupon-template.schema';

/** How many coupons of one template a customer holds claims for: ever, and on the current China day. */
export interface HeldClaims {
  total: number;
  today: number;
}

/** Result of {@link decideClaim}: the valid, live template, or the code the claim is refused with. */
export type ClaimDecision = { ok: true; template: CouponTemplate } | { ok: false; code: ErrorCode; problems?: string[] };

/**
 * Decides whether a stored template can issue one more coupon to a customer holding `held` claims
 * at `now`. The first failing check names the code: missing → NOT_FOUND, invalid document →
 * FAILED_PRECONDITION (ops fix it), not live → EXPIRED, a limit → LIMIT_REACHED, no stock → SOLD_OUT.
 * Used on the document a guarded take returned (stock already taken: `stockTaken`), and to name
 * the reason when the guarded take matched nothing.
 * @example decideClaim(undefined, { total: 0, today: 0 }, now) // { ok:false, code:'NOT_FOUND' }
 */
export function decideClaim(raw: unknown, held: HeldClaims, now: Date, stockTaken = false): ClaimDecision {
  if (raw === undefined || raw === null) return { ok: false, code: 'NOT_FOUND' };
  const checked = checkPromotion('coupon_templates', raw);
  if (!checked.ok) return { ok: false, code: 'FAILED_PRECONDITION', problems: checked.problems };
  const t = checked.value;
  if (!isLive(t, now)) return { ok: false, code: 'EXPIRED' };
  // A customer at a limit could not claim whatever the stock: that is the reason to give.
  if (held.total >= t.perUserLimit) return { ok: false, code: 'LIMIT_REACHED' };
  if (t.perDayLimit !== undefined && held.today >= t.perDayLimit) return { ok: false, code: 'LIMIT_REACHED' };
  if (!stockTaken && t.stock <= 0) return { ok: false, code: 'SOLD_OUT' };
  return { ok: true, template: t };
}
