import type { CouponScope } from '../promotions/coupon-template.schema';

/**
 * True when a product is inside a coupon's scope.
 * @example isInScope({ mode: 'excluded', productIds: ['p12'] }, 'p01') // true
 */
export function isInScope(scope: CouponScope, productId: string): boolean {
  switch (scope.mode) {
    case 'all':
      return true;
    case 'listed':
      return scope.productIds.includes(productId);
    case 'excluded':
      return !scope.productIds.includes(productId);
  }
}
