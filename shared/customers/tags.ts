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
 * The rule tags that hold at `now`, in {@link RULE_TAGS} order.
 * @example tagsAt({ ...emptySummary(), viewDays: { '2026-06-01': 3 } }, new Date('2026-06-01T02:00:00Z')) // ['frequent_viewer']
 */
export function tagsAt(s: CustomerSummary, now: Date): RuleTag[] {
  const t = now.getTime();
  const out = new Set<RuleTag>();
  const ordered = ms(s.lastOrderAt);
  const paid = ms(s.lastPaidAt);
  if (ordered !== undefined && t - ordered >= TAG_RULES.cartGraceMs && t - ordered <= TAG_RULES.cartMaxMs && (paid === undefined || paid < ordered)) out.add('cart_unpaid');
  if (sumDays(s.readDays, now, TAG_RULES.hotDays) >= TAG_RULES.hotReads) out.add('hot_reader');
  for (const c of Object.values(s.coupons)) {
    const to = ms(c.validToAt);
    if (!c.used && to !== undefined && to > t && to - t <= TAG_RULES.couponSoonMs) out.add('coupon_expiring');
  }
  if (sumDays(s.viewDays, now, TAG_RULES.frequentDays) >= TAG_RULES.frequentViews) out.add('frequent_viewer');
  const bound = ms(s.lastBoundAt);
  if (bound !== undefined && t - bound >= 0 && t - bound <= TAG_RULES.newMs) out.add('new_customer');
  return RULE_TAGS.filter((tag) => out.has(tag));
}
