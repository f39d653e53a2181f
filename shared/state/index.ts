/** State machines as transition tables. */
export { validateTransitions, canTransition, assertTransition, sourcesOf } from './machine';
export type { Transitions } from './machine';
export {
  ORDER_STATUSES,
  orderTransitions,
  TEAM_STATUSES,
  teamTransitions,
  MEMBER_STATUSES,
  memberTransitions,
  couponTransitions,
} from './tables';
export type { OrderStatus, TeamStatus, MemberStatus } from './tables';
