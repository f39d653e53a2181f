/**
 * Demo growth documents (binding_policy, commission_plans, referral_programs, experiments) for
 * the seed. Owned by the growth loop; ids fixed so tests can name them.
 */
import type { SeedDoc } from './promotions';

export function seedGrowth(_now: Date): Record<string, SeedDoc[]> {
  return { binding_policy: [], commission_plans: [], referral_programs: [], experiments: [] };
}
