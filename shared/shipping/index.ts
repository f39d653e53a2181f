/** Shipping: the fee rules ops keep in `settings/shipping`, and where an order is delivered. */
export { FREE_SHIPPING, shippingFeeFen } from './fee';
export type { ShippingTerms } from './fee';
export { SHIPPING_RULES_ID, readShippingRules, shippingRulesSchema, shippingTermsFor } from './rules';
export type { ShippingRules, ShippingRulesRead } from './rules';
export { NO_DELIVERY, decideDelivery } from './delivery';
export type { Delivery, DeliveryInput } from './delivery';
