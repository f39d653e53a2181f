/** The demo data set: POST /_emulator/seed, and `npm start` on an empty data folder. */
import { BACK_OFFICE_IDS, seedBackOffice } from './back-office';
import { seedBargain } from './bargain';
import { seedBriefcase, seedDemoActivity } from './briefcase';
import { seedCatalog } from './catalog';
import { seedDelivery } from './delivery';
import { seedFulfilment, seededHolds } from './fulfilment';
import { seedGrowth } from './growth';
import { seedPeople } from './people';
import { seedPromotions } from './promotions';
import { seedTeam } from './team';
import { seedTraining } from './training';
import type { SeedDoc } from './window';

/**
 * `demo`: also the back office's demo (settled commission, an open payout, a referral to review; see
 * back-office.ts) and the briefcase's demo customer activity (see briefcase.ts).
 */
export function buildSeed(now: Date, options: { demo?: boolean } = {}): Record<string, SeedDoc[]> {
  const parts: Array<Record<string, SeedDoc[]>> = [seedPeople(now), seedCatalog(now), seedPromotions(now), seedGrowth(now), seedTeam(now), seedTraining(now), seedBriefcase(now), seedDelivery(now), seedFulfilment(now, options)];
  if (options.demo) parts.push(seedBackOffice(now), seedDemoActivity(now));
  parts.push(seedBargain(now));
  const out: Record<string, SeedDoc[]> = {};
  for (const part of parts) for (const [c, docs] of Object.entries(part)) out[c] = [...(out[c] ?? []), ...docs];
  // The demo salesperson's open payout request holds their one open-request slot.
  if (options.demo) out.users = out.users.map((u) => (u._id === BACK_OFFICE_IDS.salesId ? { ...u, openPayoutId: BACK_OFFICE_IDS.openPayout, payoutSeq: 1 } : u));
  // The seeded orders hold their units: taken from stock, counted as sold.
  const held = seededHolds(out);
  out.skus = (out.skus ?? []).map((s) => (held.has(s._id) ? { ...s, stock: Number(s.stock) - (held.get(s._id) ?? 0), sold: Number(s.sold ?? 0) + (held.get(s._id) ?? 0) } : s));
  return out;
}

export { PERSONAS } from './people';
export { PRODUCT_TITLES } from './catalog';
export { MATERIAL_IDS } from './briefcase';
export { DEMO_ADDRESS_ID } from './delivery';
export { TEAM_IDS } from './team';
export { BARGAIN_IDS } from './bargain';
export { ONBOARDING_ANSWERS, TRAINING_IDS } from './training';
