/** The coupon decider: lock by an order, use on payment, release or return, expire. */
import { AppError } from '../errors';
import type { Coupon } from '../coupons/coupon';
import type { EntityChange } from './change';
import { nextState } from './machine';
import { couponMachine, type CouponStatus } from './tables';

/** What can be asked of a coupon; `orderId` is the order taking, spending or giving it back. */
export type CouponCommand =
  | { type: 'lock'; orderId: string; ownerOpenid: string }
  | { type: 'use'; orderId: string }
  | { type: 'release'; orderId: string }
  | { type: 'return'; orderId: string }
  | { type: 'expire' };

/** A coupon decision: its guarded write and the state it leads to. */
export interface CouponDecision {
  change: Extract<EntityChange, { entity: 'coupon' }>;
  next: CouponStatus;
}

/**
 * The guarded write of a coupon move, without reading the coupon: the table's source states,
 * the owner or order and the validity window are re-checked by the write.
 * @example couponChange('c1', { type: 'use', orderId: 'o1' }, now).set // { status: 'used', usedAt: now }
 */
export function couponChange(couponId: string, command: CouponCommand, now: Date): CouponDecision['change'] {
  const byOrder = (orderId: string) => [{ field: 'orderId', op: 'eq' as const, value: orderId }];
  const change = (requires: EntityChange['requires'], set: Record<string, unknown>) =>
    ({ entity: 'coupon', id: couponId, move: command.type, requires, set, inc: {} }) as const;
  switch (command.type) {
    case 'lock':
      return change(
        [
          { field: 'ownerOpenid', op: 'eq', value: command.ownerOpenid },
          { field: 'validToAt', op: 'gt', value: now },
        ],
        { status: 'locked', orderId: command.orderId, lockedAt: now },
      );
    case 'use':
      return change(byOrder(command.orderId), { status: 'used', usedAt: now });
    case 'release':
      return change(byOrder(command.orderId), { status: 'unused', orderId: null, lockedAt: null });
    case 'return':
      return change(byOrder(command.orderId), { status: 'unused', orderId: null, usedAt: null, lockedAt: null });
    case 'expire':
      return change([{ field: 'validToAt', op: 'lte', value: now }], { status: 'expired' });
  }
}

/**
 * Decides `command` on `coupon` at `now`. Refusals: a move the table does not allow →
 * FAILED_PRECONDITION; locking someone else's coupon → NOT_FOUND, outside its window →
 * FAILED_PRECONDITION; using, releasing or returning it for another order → FAILED_PRECONDITION;
 * expiring it inside its window → FAILED_PRECONDITION.
 * @example decideCoupon(coupon, { type: 'lock', orderId: 'o1', ownerOpenid: coupon.ownerOpenid }, now).next // 'locked'
 */
export function decideCoupon(coupon: Coupon, command: CouponCommand, now: Date): CouponDecision {
  const next = nextState(couponMachine, command.type, coupon.status);
  const t = now.getTime();
  if (command.type === 'lock') {
    if (coupon.ownerOpenid !== command.ownerOpenid) throw new AppError('NOT_FOUND', `no coupon ${coupon._id}`);
    if (t < coupon.validFromAt.getTime() || t >= coupon.validToAt.getTime()) throw new AppError('FAILED_PRECONDITION', 'coupon is outside its validity');
  } else if (command.type === 'expire') {
    if (t < coupon.validToAt.getTime()) throw new AppError('FAILED_PRECONDITION', 'coupon is still valid');
  } else if (coupon.orderId !== command.orderId) {
    throw new AppError('FAILED_PRECONDITION', `coupon is held by another order`);
  }
  return { change: couponChange(coupon._id, command, now), next };
}
