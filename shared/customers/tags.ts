/**
 * Rule tags: what a customer's behaviour says now, read from the summary at `now` (pure; the rules
 * are written down in docs/briefcase.md). Manual tags (added by hand) are stored apart and never
 * computed here.
 */
import { chinaDayKey } from '../china-day';
import type { CustomerSummary } from './summary';

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;

/** Every rule tag, strongest follow-up reason first. */
export const RULE_TAGS = ['cart_unpaid', 'hot_reader', 'coupon_expiring', 'frequent_viewer', 'new_customer'] as const;
/** One of {@link RULE_TAGS}. */
export type RuleTag = (typeof RULE_TAGS)[number];

/** The numbers behind the rules. */
export const TAG_RULES = {
  /** viewed (card, product or material) this many times over the last 7 China days, today included */
  frequentViews: 3,
  frequentDays: 7,
  /** read this many materials over the last 3 China days, today included */
  hotReads: 2,
  hotDays: 3,
  /** an order created at least 10 minutes and at most 3 days ago, with no payment since */
  cartGraceMs: 10 * MIN_MS,
  cartMaxMs: 3 * DAY_MS,
  /** an unused coupon that expires within 3 days */
  couponSoonMs: 3 * DAY_MS,
  /** bound by opening a share in the last 3 days */
  newMs: 3 * DAY_MS,
} as const;

/** The last `days` China days up to `now`'s, newest first. @example lastDays(now, 2) // ['2026-06-01', '2026-05-31'] */
export function lastDays(now: Date, days: number): string[] {
  return Array.from({ length: days }, (_, i) => chinaDayKey(new Date(now.getTime() - i * DAY_MS)));
}

function sumDays(byDay: Record<string, number>, now: Date, days: number): number {
  return lastDays(now, days).reduce((n, d) => n + (byDay[d] ?? 0), 0);
}

const ms = (d: Date | null | undefined): number | undefined => (d ? new Date(d).getTime() : undefined);

/**
 * When a coupon expiring counts as "soon" at `now`: after `now`, at the latest `now` + 3 days. The
 * coupons themselves are read from the `coupons` collection (unused ones only), not the summary:
 * whether a coupon is still unused is the coupon's own state.
 * @example couponSoonWindow(now).until.getTime() - now.getTime() // 259_200_000
 */
export function couponSoonWindow(now: Date): { after: Date; until: Date } {
  return { after: now, until: new Date(now.getTime() + TAG_RULES.couponSoonMs) };
}

/**
 * The rule tags that hold at `now`, in {@link RULE_TAGS} order. `couponSoon`: the customer holds an
 * unused coupon expiring within {@link couponSoonWindow} (read by the caller from `coupons`).
 * @example tagsAt({ ...emptySummary(), viewDays: { '2026-06-01': 3 } }, new Date('2026-06-01T02:00:00Z'), false) // ['frequent_viewer']
 */
export function tagsAt(s: CustomerSummary, now: Date, couponSoon: boolean): RuleTag[] {
  const t = now.getTime();
  const out = new Set<RuleTag>();
  const ordered = ms(s.lastOrderAt);
  const paid = ms(s.lastPaidAt);
  if (ordered !== undefined && t - ordered >= TAG_RULES.cartGraceMs && t - ordered <= TAG_RULES.cartMaxMs && (paid === undefined || paid < ordered)) out.add('cart_unpaid');
  if (sumDays(s.readDays, now, TAG_RULES.hotDays) >= TAG_RULES.hotReads) out.add('hot_reader');
  if (couponSoon) out.add('coupon_expiring');
  if (sumDays(s.viewDays, now, TAG_RULES.frequentDays) >= TAG_RULES.frequentViews) out.add('frequent_viewer');
  const bound = ms(s.lastBoundAt);
  if (bound !== undefined && t - bound >= 0 && t - bound <= TAG_RULES.newMs) out.add('new_customer');
  return RULE_TAGS.filter((tag) => out.has(tag));
}
