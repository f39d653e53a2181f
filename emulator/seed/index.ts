/** The demo data set: POST /_emulator/seed, and `npm start` on an empty data folder. */
import { seedBriefcase, seedDemoActivity } from './briefcase';
import { seedCatalog } from './catalog';
import { seedGrowth } from './growth';
import { seedPeople } from './people';
import { seedPromotions } from './promotions';
import type { SeedDoc } from './window';

/** `demoActivity`: add `npm start`'s demo customer activity (never in test clouds; see briefcase.ts). */
export function buildSeed(now: Date, options: { demoActivity?: boolean } = {}): Record<string, SeedDoc[]> {
  const parts: Array<Record<string, SeedDoc[]>> = [seedPeople(now), seedCatalog(now), seedPromotions(now), seedGrowth(now), seedBriefcase(now)];
  if (options.demoActivity) parts.push(seedDemoActivity(now));
  const out: Record<string, SeedDoc[]> = {};
  for (const part of parts) for (const [c, docs] of Object.entries(part)) out[c] = [...(out[c] ?? []), ...docs];
  return out;
}

export { PERSONAS } from './people';
export { PRODUCT_TITLES } from './catalog';
export { MATERIAL_IDS } from './briefcase';
