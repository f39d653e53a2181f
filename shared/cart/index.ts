/** The customer's cart: limits, stored shape, the live view and the whole-cart decision. */
export { CART_MAX_LINES, CART_MAX_QTY, cartProblem, decideCartItems, viewCart } from './cart';
export type { CartDoc, CartItem, CartLineView, CartProblem, CartView, LiveProduct, LiveSku } from './cart';
