/** Group deals (拼团): team and member shapes, eligibility, expiry. */
export { memberIdOf, teamExpiresAt, decideJoin } from './team';
export type { Team, TeamMember, Joiner } from './team';
