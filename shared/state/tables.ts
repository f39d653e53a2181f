import type { CouponStatus } from '../coupons/coupon';
import { validateTransitions, type Transitions } from './machine';

/**
 * Order states. `pending_pay` holds reserved stock/seat/coupon until paid or released
 * (`cancelled` by the buyer, `closed` by the sweep after the payment TTL or when its team failed).
 * A refund is recorded per line: some lines → `partially_refunded`, all → `refunded`;
 * `refunding` is the cloudPay path while the provider has accepted but not finished a refund.
 */
export const ORDER_STATUSES = [
  'pending_pay',
  'paid',
  'completed',
  'refunding',
  'partially_refunded',
  'refunded',
  'cancelled',
  'closed',
] as const;
/** One of {@link ORDER_STATUSES}. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Order transition table; anything unlisted is refused. */
export const orderTransitions = validateTransitions<OrderStatus>('order', {
  pending_pay: ['paid', 'cancelled', 'closed'],
  paid: ['completed', 'refunding', 'partially_refunded', 'refunded'],
  refunding: ['partially_refunded', 'refunded', 'paid'],
  partially_refunded: ['partially_refunded', 'refunding', 'refunded', 'completed'],
  completed: [],
  refunded: [],
  cancelled: [],
  closed: [],
} as const satisfies Transitions<OrderStatus>);

/** Team states: a forming team succeeds when every seat is paid, fails when it expires short. */
export const TEAM_STATUSES = ['forming', 'succeeded', 'failed'] as const;
/** One of {@link TEAM_STATUSES}. */
export type TeamStatus = (typeof TEAM_STATUSES)[number];
/** Team transition table. */
export const teamTransitions = validateTransitions<TeamStatus>('team', {
  forming: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
} as const satisfies Transitions<TeamStatus>);

/**
 * Team member states. An unpaid seat that is released (TTL, cancel) deletes the member document,
 * so the customer may join again; a paid member of a failed team is refunded.
 */
export const MEMBER_STATUSES = ['pending_pay', 'paid', 'refunded'] as const;
/** One of {@link MEMBER_STATUSES}. */
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/** Member transition table. */
export const memberTransitions = validateTransitions<MemberStatus>('member', {
  pending_pay: ['paid'],
  paid: ['refunded'],
  refunded: [],
} as const satisfies Transitions<MemberStatus>);

/** Coupon transition table: `unused → locked → used`, `unused → expired`; cancel/full refund returns it. */
export const couponTransitions = validateTransitions<CouponStatus>('coupon', {
  unused: ['locked', 'expired'],
  locked: ['used', 'unused'],
  used: ['unused'],
  expired: [],
} as const satisfies Transitions<CouponStatus>);
