/** The demo data set: POST /_emulator/seed, and `npm start` on an empty data folder. */
import { seedCatalog } from './catalog';
import { seedFulfilment, seededHolds } from './fulfilment';
import { seedGrowth } from './growth';
import { seedPeople } from './people';
import { seedPromotions } from './promotions';
import type { SeedDoc } from './window';

export function buildSeed(now: Date): Record<string, SeedDoc[]> {
  const parts: Array<Record<string, SeedDoc[]>> = [seedPeople(now), seedCatalog(now), seedPromotions(now), seedGrowth(now), seedFulfilment(now)];
  const out: Record<string, SeedDoc[]> = {};
  for (const part of parts) for (const [c, docs] of Object.entries(part)) out[c] = [...(out[c] ?? []), ...docs];
  // The seeded orders hold their units: taken from stock, counted as sold.
  const held = seededHolds(out);
  out.skus = (out.skus ?? []).map((s) => (held.has(s._id) ? { ...s, stock: Number(s.stock) - (held.get(s._id) ?? 0), sold: Number(s.sold ?? 0) + (held.get(s._id) ?? 0) } : s));
  return out;
}

export { PERSONAS } from './people';
export { PRODUCT_TITLES } from './catalog';
