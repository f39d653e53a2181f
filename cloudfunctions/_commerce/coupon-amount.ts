/**
 * Coupon-amount experiments (`varies: 'couponAmount'`, issue 14) on the coupon reads: a template's
 * experiments come joined to the template in the read the action makes anyway (`$lookup` on the
 * experiment's `templateId`), so applying the caller's arm costs no round trip. Invalid experiment
 * documents are skipped here and reported by admin.promotionHealth.
 */
import { store } from '../_platform';
import { couponRuleFor } from '../../shared/growth';
import { validExperiments } from '../_growth/live-docs';
import type { CouponRule } from '../../shared/coupons';

/** The field the lookup fills on a template row. */
const JOINED = '_experiments';

/** The `$lookup` that joins a coupon template's experiments to its row. */
export const TEMPLATE_EXPERIMENTS = { from: 'experiments', localField: '_id', foreignField: 'templateId', as: JOINED } as const;

/** A joined template row split into the template as stored and its raw experiment documents. */
export function splitTemplateRow(row: Record<string, unknown>): { template: Record<string, unknown>; experiments: unknown[] } {
  const { [JOINED]: joined, ...template } = row;
  return { template, experiments: Array.isArray(joined) ? joined : [] };
}

/**
 * The rule template `template` has for `openid` at `now`, from its raw joined experiments: the
 * template's own rule, or its amount off replaced by the caller's arm (see `couponRuleFor`).
 */
export function couponRuleForCaller(template: { _id: string; rule: CouponRule }, experiments: readonly unknown[], openid: string, now: Date): CouponRule {
  return couponRuleFor(template, validExperiments(experiments), openid, now);
}

/** The active coupon templates (up to 100) with their experiments, in one read. */
export async function findTemplatesOnOffer(): Promise<Array<{ template: Record<string, unknown>; experiments: unknown[] }>> {
  const res = await store.aggregate('coupon_templates').match({ status: 'active' }).limit(100).lookup(TEMPLATE_EXPERIMENTS).end();
  return store.aggregateRows<Record<string, unknown>>(res).map(splitTemplateRow);
}
