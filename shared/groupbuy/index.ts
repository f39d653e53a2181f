/** Group deals (拼团): team and member shapes, eligibility, expiry, ladder tiers. */
export { memberIdOf, teamExpiresAt, decideJoin } from './team';
export type { Team, TeamMember, Joiner } from './team';
export { reachedTier, tierRebateLines } from './ladder';
export type { Tier } from './ladder';
