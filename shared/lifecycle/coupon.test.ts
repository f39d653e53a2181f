/** Given/when/then for the coupon decider (no database). */
import { decider } from '../../tests/support/decider';
import { aCoupon, at, NOW } from '../../tests/support/fixtures';
import { couponChange, decideCoupon } from './coupon';

const coupon = decider(decideCoupon);

describe('coupon', () => {
  it('given an unused coupon, its owner’s order locks it inside its window', () => {
    coupon
      .given(aCoupon())
      .when({ type: 'lock', orderId: 'o1', ownerOpenid: 'o_cust_1' }, NOW)
      .then({ next: 'locked', change: { move: 'lock', set: { status: 'locked', orderId: 'o1', lockedAt: NOW }, requires: [{ field: 'ownerOpenid', op: 'eq', value: 'o_cust_1' }, { field: 'validToAt', op: 'gt', value: NOW }] } });
  });

  it('someone else’s coupon, one past its window, or one already locked is refused', () => {
    coupon.given(aCoupon()).when({ type: 'lock', orderId: 'o1', ownerOpenid: 'o_cust_2' }, NOW).thenRefused('NOT_FOUND');
    coupon.given(aCoupon()).when({ type: 'lock', orderId: 'o1', ownerOpenid: 'o_cust_1' }, at(7 * 24 * 60)).thenRefused('FAILED_PRECONDITION');
    coupon.given(aCoupon({ status: 'locked', orderId: 'o9' })).when({ type: 'lock', orderId: 'o1', ownerOpenid: 'o_cust_1' }, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('given a coupon locked by an order: used when it pays, released when it is released — by that order only', () => {
    const locked = aCoupon({ status: 'locked', orderId: 'o1' });
    coupon.given(locked).when({ type: 'use', orderId: 'o1' }, NOW).then({ next: 'used', change: { set: { status: 'used', usedAt: NOW } } });
    coupon.given(locked).when({ type: 'release', orderId: 'o1' }, NOW).then({ next: 'unused', change: { set: { status: 'unused', orderId: null } } });
    coupon.given(locked).when({ type: 'use', orderId: 'o2' }, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('given a used coupon: a full refund of its order returns it; it cannot be released', () => {
    const used = aCoupon({ status: 'used', orderId: 'o1' });
    coupon.given(used).when({ type: 'return', orderId: 'o1' }, NOW).then({ next: 'unused', change: { set: { orderId: null, usedAt: null } } });
    coupon.given(used).when({ type: 'release', orderId: 'o1' }, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('given an unused coupon past its window, the sweep expires it; not before, and never a used one', () => {
    coupon.given(aCoupon()).when({ type: 'expire' }, at(7 * 24 * 60)).then({ next: 'expired' });
    coupon.given(aCoupon()).when({ type: 'expire' }, NOW).thenRefused('FAILED_PRECONDITION');
    coupon.given(aCoupon({ status: 'used', orderId: 'o1' })).when({ type: 'expire' }, at(7 * 24 * 60)).thenRefused('FAILED_PRECONDITION');
  });

  it('couponChange is the same write without reading the coupon', () => {
    expect(couponChange('c1', { type: 'use', orderId: 'o1' }, NOW)).toEqual(decideCoupon(aCoupon({ status: 'locked', orderId: 'o1' }), { type: 'use', orderId: 'o1' }, NOW).change);
  });
});
