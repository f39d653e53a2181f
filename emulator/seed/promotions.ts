/**
 * Demo promotion documents (coupon_templates, group_deals) for the seed.
 * Owned by the commerce core; ids fixed so tests and the e2e can name them.
 */
export type SeedDoc = { _id: string; [k: string]: unknown };

export function seedPromotions(_now: Date): { coupon_templates: SeedDoc[]; group_deals: SeedDoc[] } {
  return { coupon_templates: [], group_deals: [] };
}
