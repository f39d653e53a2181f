/**
 * The contract from function to page: for every action of every deployed function, the event's
 * fields (`input`, parsed `.strict()` by the platform) and the reply's `data` (`reply`, checked by
 * the platform before it leaves the function). Functions take both from here; the mini-program
 * derives its types from here with `import type` (zod stays out of its bundle).
 */
import { address } from './address';
import { admin } from './admin';
import { aftersale } from './aftersale';
import { alerts } from './alerts';
import { bargain } from './bargain';
import { card } from './card';
import { cart } from './cart';
import { catalog } from './catalog';
import { coupon } from './coupon';
import { customer } from './customer';
import { fulfil } from './fulfil';
import type { ActionContract, EventOf, WireReplyOf } from './define';
import { groupbuy } from './groupbuy';
import { material } from './material';
import { order } from './order';
import { payNotify } from './pay-notify';
import { payout } from './payout';
import { sales } from './sales';
import { share } from './share';
import { shelf } from './shelf';
import { sweep } from './sweep';
import { team } from './team';
import { training } from './training';
import { me } from './me';

/** Every deployed function's actions, by function name (the folder name under cloudfunctions/). */
export const contract = { admin, coupon, groupbuy, order, payNotify, sales, share, shelf, sweep, payout, catalog, team, training, me, fulfil, aftersale, cart, address, card, material, customer, alerts, bargain };

/** The whole contract's type. */
export type Contract = typeof contract;
/** A deployed function's name. */
export type FunctionName = keyof Contract;
/** The action names of function `F`. */
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
type ActionOf<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends ActionContract ? Contract[F][A] : never;
/** The event fields (besides `action`) of `F.A`, as the app sends them. @example Event<'order', 'get'> // { orderId: string } */
export type Event<F extends FunctionName, A extends ActionName<F>> = EventOf<ActionOf<F, A>>;
/** The reply `data` of `F.A` as the app receives it (JSON: instants are ISO strings). */
export type Reply<F extends FunctionName, A extends ActionName<F>> = WireReplyOf<ActionOf<F, A>>;

export { defineContract } from './define';
export type { ActionContract, EventOf, FunctionContract, ResultOf, WireReplyOf } from './define';
export { admin, coupon, groupbuy, order, payNotify, sales, share, shelf, sweep, payout, catalog, team, training, me, fulfil, aftersale, cart, address };
export { card, material, customer, alerts };
export { bargain };
