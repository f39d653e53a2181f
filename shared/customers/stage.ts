/**
 * The customer lifecycle stage, AIPL (Aware → Interest → Purchase → Loyal), read from the summary.
 * The rule (docs/briefcase.md):
 * - **Aware**: any event (opened a share, looked at a card);
 * - **Interest**: viewed a product, read a material, tapped "save phone"/"add WeChat", claimed a
 *   coupon or created an order;
 * - **Purchase**: one paid order;
 * - **Loyal**: two or more paid orders.
 * Refunds never demote (a buyer who returned goods is still a buyer to follow up; spend is net).
 * The stage only grows with events, so its stored copy is kept with a guarded "raise only" write.
 */
import type { CustomerSummary } from './summary';

/** The stages, lowest first. */
export const STAGES = ['aware', 'interest', 'purchase', 'loyal'] as const;
/** One of {@link STAGES}. */
export type Stage = (typeof STAGES)[number];

const INTEREST_TYPES = ['product_viewed', 'material_read', 'card_tapped', 'coupon_claimed', 'order_created'] as const;

/**
 * The stage of a summary (null for no events).
 * @example stageOf({ ...emptySummary(), events: 2, ordersPaid: 1 }) // 'purchase'
 */
export function stageOf(s: CustomerSummary): Stage | null {
  if (s.events === 0) return null;
  if (s.ordersPaid >= 2) return 'loyal';
  if (s.ordersPaid >= 1) return 'purchase';
  if (INTEREST_TYPES.some((t) => (s.byType[t] ?? 0) > 0)) return 'interest';
  return 'aware';
}

/** 1-based rank of a stage (0 for none), for "raise only" writes. @example stageRank('purchase') // 3 */
export function stageRank(stage: Stage | null | undefined): number {
  return stage ? STAGES.indexOf(stage) + 1 : 0;
}
