/**
 * A bargain (砍价) and its decisions: start one from a live deal, a friend's help (the guarded
 * move that counts them), the starter's order at the reached price. Pure: ids, seeds and time come in.
 */
import { AppError } from '../errors';
import type { Condition, EntityChange } from '../lifecycle/change';
import { nextState } from '../lifecycle/machine';
import { bargainMachine, type BargainStatus } from '../lifecycle/tables';
import { isLive } from '../promotions/fields';
import { cutsOf, type CutPlan } from './cuts';
import type { BargainDeal } from './deal.schema';

/** `bargains/{id}`: one customer's bargain on one deal. Money in fen. */
export interface Bargain {
  _id: string;
  dealId: string;
  starterOpenid: string;
  /** The starter's name when they started (the page shows it to friends). */
  starterName: string;
  productId: string;
  skuId: string;
  title: string;
  /** The SKU's price when the bargain started. */
  startPriceFen: number;
  floorPriceFen: number;
  helpersNeeded: number;
  /** Helpers in the order they were counted: helper i got cut i. */
  helpers: string[];
  /** Each helper's name when they helped, in the same order (written by the same guarded update). */
  helperNames: string[];
  helpCount: number;
  status: BargainStatus;
  /** The starter's order at the reached price (status `ordered`). */
  orderId: string | null;
  createdAt: Date;
  expiresAt: Date;
  orderedAt: Date | null;
  updatedAt: Date;
}

/** A bargain as its page shows it: the state at `now`, each help with its cut. */
export interface BargainView {
  /** `expired`: open past its deadline; `done`: the floor is reached (still to buy). */
  phase: 'open' | 'done' | 'expired' | 'ordered';
  reachedPriceFen: number;
  cutFen: number;
  helpsLeft: number;
  helps: Array<{ openid: string; name: string; index: number; cutFen: number }>;
}

/** The plan of a bargain's cuts (its id seeds them). */
export function planOf(b: Pick<Bargain, '_id' | 'startPriceFen' | 'floorPriceFen' | 'helpersNeeded'>): CutPlan {
  return { bargainId: b._id, totalFen: b.startPriceFen - b.floorPriceFen, helpersNeeded: b.helpersNeeded };
}

/**
 * What the page shows at `now`: the reached price is the start price minus the cuts of the helpers
 * counted, so the sum of the cuts is always start − reached, and never passes the floor.
 * @example viewBargain(aBargain({ helpers: ['o1'], helperNames: ['阿杰'] }), now).helps // [{ openid: 'o1', name: '阿杰', index: 1, cutFen: 512 }]
 */
export function viewBargain(b: Bargain, now: Date): BargainView {
  const cuts = cutsOf(planOf(b));
  const helps = b.helpers.slice(0, cuts.length).map((openid, i) => ({ openid, name: b.helperNames[i] ?? '', index: i + 1, cutFen: cuts[i] }));
  const cutFen = helps.reduce((sum, h) => sum + h.cutFen, 0);
  const phase = b.status === 'ordered' ? 'ordered' : now.getTime() >= b.expiresAt.getTime() ? 'expired' : helps.length >= b.helpersNeeded ? 'done' : 'open';
  return { phase, reachedPriceFen: b.startPriceFen - cutFen, cutFen, helpsLeft: Math.max(0, b.helpersNeeded - helps.length), helps };
}

/** What a new bargain is decided from. */
export interface StartInput {
  bargainId: string;
  deal: BargainDeal;
  /** The SKU's price now (the bargain starts there). */
  skuPriceFen: number;
  starterOpenid: string;
  starterName: string;
  /** The caller's bargains on this deal, newest first. */
  mine: readonly Bargain[];
  now: Date;
}

/**
 * Starts a bargain, or answers the caller's open one on this deal (a start repeated, or tapped
 * twice, gives the same bargain). Refuses a deal not live (NOT_FOUND), a floor the SKU's price does
 * not leave room above for one fen per helper (FAILED_PRECONDITION), and a customer who used the
 * deal's limit (LIMIT_REACHED).
 * @example decideStart({ bargainId: 'b1', deal, skuPriceFen: 12800, starterOpenid: 'o1', mine: [], now }).kind // 'new'
 */
export function decideStart(input: StartInput): { kind: 'existing' | 'new'; bargain: Bargain } {
  const { deal, now } = input;
  if (!isLive(deal, now)) throw new AppError('NOT_FOUND', `bargain deal ${deal._id} is not live`);
  const running = input.mine.find((b) => b.status === 'open' && b.expiresAt.getTime() > now.getTime());
  if (running) return { kind: 'existing', bargain: running };
  if (input.mine.length >= (deal.perUserLimit ?? 1)) throw new AppError('LIMIT_REACHED', `at most ${deal.perUserLimit ?? 1} bargains per customer on this deal`);
  const bargain: Bargain = {
    _id: input.bargainId,
    dealId: deal._id,
    starterOpenid: input.starterOpenid,
    starterName: input.starterName,
    productId: deal.productId,
    skuId: deal.skuId,
    title: deal.title,
    startPriceFen: input.skuPriceFen,
    floorPriceFen: deal.floorPriceFen,
    helpersNeeded: deal.helpersNeeded,
    helpers: [],
    helperNames: [],
    helpCount: 0,
    status: bargainMachine.initial,
    orderId: null,
    createdAt: now,
    expiresAt: new Date(Math.min(now.getTime() + deal.validHours * 3_600_000, deal.endAt.getTime())),
    orderedAt: null,
    updatedAt: now,
  };
  cutsOf(planOf(bargain));
  return { kind: 'new', bargain };
}

/** Who asks to help: a WeChat user the platform named, with their role and name. */
export interface Helper {
  openid: string;
  role: string;
  name: string;
}

type BargainChange = Extract<EntityChange, { entity: 'bargain' }>;

/**
 * A friend's help: the guarded move that counts them — below N helpers, before the deadline, this
 * helper not yet among them — so 500 friends at once are each counted once and never past the
 * floor. Refuses the starter, staff (a help is a customer's: NOT_ELIGIBLE), a helper already
 * counted (ALREADY_JOINED), a bargain past its deadline (EXPIRED) or complete (GROUP_FULL).
 * @example decideHelp(aBargain(), { openid: 'o2', role: 'customer', name: '阿杰' }, now).inc // { helpCount: 1 }
 */
export function decideHelp(b: Bargain, helper: Helper, now: Date): BargainChange {
  if (helper.openid === b.starterOpenid) throw new AppError('NOT_ELIGIBLE', 'the starter cannot help their own bargain');
  if (helper.role !== 'customer') throw new AppError('NOT_ELIGIBLE', 'helpers are customers (staff cannot help)');
  if (b.helpers.includes(helper.openid)) throw new AppError('ALREADY_JOINED', 'you already helped this bargain');
  refuseClosed(b, now);
  if (b.helpCount >= b.helpersNeeded) throw new AppError('GROUP_FULL', 'this bargain already reached its floor price');
  nextState(bargainMachine, 'help', b.status);
  return {
    entity: 'bargain',
    id: b._id,
    move: 'help',
    requires: [
      { field: 'helpCount', op: 'lt', value: b.helpersNeeded },
      { field: 'expiresAt', op: 'gt', value: now },
      { field: 'helpers', op: 'lacks', value: helper.openid },
    ],
    set: { updatedAt: now },
    inc: { helpCount: 1 },
    push: { helpers: helper.openid, helperNames: helper.name },
  };
}

/**
 * Why a help that lost its guarded write was refused, from the bargain read again: counted
 * meanwhile (a retry whose first reply was lost: `counted`), or the refusal the decider gives now.
 */
export function explainLostHelp(b: Bargain, helper: Helper, now: Date): 'counted' {
  if (b.helpers.includes(helper.openid)) return 'counted';
  decideHelp(b, helper, now);
  throw new AppError('CONFLICT', 'the bargain changed meanwhile, please retry');
}

/**
 * The starter's order at the reached price: the bargain moves to `ordered` with the order's id,
 * before its deadline. A repeat with the same order id finds the bargain already holding it.
 * Refuses anyone but the starter (NOT_FOUND: a bargain is its starter's), an expired bargain
 * (EXPIRED) and a second order (FAILED_PRECONDITION).
 */
export function decideOrder(b: Bargain, buyerOpenid: string, orderId: string, now: Date): { change: BargainChange | null; priceFen: number } {
  if (b.starterOpenid !== buyerOpenid) throw new AppError('NOT_FOUND', `no bargain ${b._id} of yours`);
  const priceFen = viewBargain(b, now).reachedPriceFen;
  if (b.status === 'ordered') {
    if (b.orderId === orderId) return { change: null, priceFen };
    throw new AppError('FAILED_PRECONDITION', 'this bargain was already bought');
  }
  refuseClosed(b, now);
  nextState(bargainMachine, 'order', b.status);
  const requires: Condition[] = [
    { field: 'expiresAt', op: 'gt', value: now },
    { field: 'helpCount', op: 'eq', value: b.helpCount },
  ];
  return { change: { entity: 'bargain', id: b._id, move: 'order', requires, set: { status: 'ordered', orderId, orderedAt: now, updatedAt: now }, inc: {} }, priceFen };
}

/** Gives the bargain back when the order it holds could not be made. */
export function releaseChange(b: Pick<Bargain, '_id'>, orderId: string, now: Date): BargainChange {
  return { entity: 'bargain', id: b._id, move: 'release', requires: [{ field: 'orderId', op: 'eq', value: orderId }], set: { status: 'open', orderId: null, orderedAt: null, updatedAt: now }, inc: {} };
}

function refuseClosed(b: Bargain, now: Date): void {
  if (now.getTime() >= b.expiresAt.getTime()) throw new AppError('EXPIRED', 'this bargain has ended');
}
