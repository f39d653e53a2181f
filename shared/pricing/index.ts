/** The pricing pipeline: group/activity price → coupon, discounts split across lines. */
export { priceCart } from './price-cart';
export type { CartLine, PricedLine, PricedCart, PriceCartInput, CouponTerms } from './price-cart';
