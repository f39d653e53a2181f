/** The demo data set: POST /_emulator/seed, and `npm start` on an empty data folder. */
import { seedCatalog } from './catalog';
import { seedGrowth } from './growth';
import { seedPeople } from './people';
import { seedPromotions } from './promotions';
import { seedTraining } from './training';
import type { SeedDoc } from './window';

export function buildSeed(now: Date): Record<string, SeedDoc[]> {
  const parts: Array<Record<string, SeedDoc[]>> = [seedPeople(now), seedCatalog(now), seedPromotions(now), seedGrowth(now), seedTraining(now)];
  const out: Record<string, SeedDoc[]> = {};
  for (const part of parts) for (const [c, docs] of Object.entries(part)) out[c] = [...(out[c] ?? []), ...docs];
  return out;
}

export { PERSONAS } from './people';
export { PRODUCT_TITLES } from './catalog';
export { ONBOARDING_ANSWERS, TRAINING_IDS } from './training';
