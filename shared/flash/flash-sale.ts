/**
 * Flash sales (秒杀): the pure rules a buy is decided by and what the shelf shows. The sale's own
 * document carries its counters (`taken`, `buyers`), so a buy is one guarded write on it; these
 * rules give the same answer from a read, to refuse early and to name why a write was refused.
 */
import { AppError, type ErrorCode } from '../errors';
import type { FlashSale } from '../promotions/flash-sale.schema';
import { thing, time } from '../messages/fields';

/** Where a flash sale stands at an instant, for a customer. */
export type FlashPhase = 'upcoming' | 'live' | 'sold_out' | 'ended';

/** What an order keeps of the flash sale it was bought in (its releases give the unit back). */
export interface FlashTerms {
  flashId: string;
  quantity: number;
  perUserLimit: number;
}

const SAFE_KEY = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The field name of a customer in a sale's `buyers` map: the openid when it is a safe field name
 * (WeChat's are), else a readable hex of its code points (never a dot or a dollar).
 * @example flashBuyerKey('o_cust_1') // 'o_cust_1'
 */
export function flashBuyerKey(openid: string): string {
  if (SAFE_KEY.test(openid)) return openid;
  return `x${[...openid].map((c) => c.codePointAt(0)!.toString(16)).join('').slice(0, 31)}`;
}

/** The orders of a customer that hold or bought a unit of the sale. */
export function flashOrdersOf(sale: Pick<FlashSale, 'buyers'>, openid: string): string[] {
  return sale.buyers?.[flashBuyerKey(openid)] ?? [];
}

/**
 * The sale's phase at `now`: upcoming before `startAt`, ended at `endAt` or when not active,
 * sold out when every unit is taken.
 * @example flashPhaseOf({ status: 'active', startAt, endAt, taken: 3, quantity: 3 }, now) // 'sold_out'
 */
export function flashPhaseOf(sale: Pick<FlashSale, 'status' | 'startAt' | 'endAt' | 'taken' | 'quantity'>, now: Date): FlashPhase {
  const t = now.getTime();
  if (sale.status !== 'active' || t >= sale.endAt.getTime()) return 'ended';
  if (t < sale.startAt.getTime()) return 'upcoming';
  return sale.taken >= sale.quantity ? 'sold_out' : 'live';
}

/**
 * A flash buy refused (from the sale as read, or by its guarded write), with the caller's orders the
 * sale lists: a repeated request finds its own order id there, so any other refusal needs no
 * lookup of an existing order.
 */
export class FlashRefusal extends AppError {
  readonly orderIds: readonly string[];
  constructor(code: ErrorCode, message: string, orderIds: readonly string[]) {
    super(code, message);
    this.orderIds = orderIds;
  }
}

/** Who wants to buy: whether they have ever paid an order (new-customers-only sales). */
export interface FlashBuyer {
  openid: string;
  isNewCustomer: boolean;
}

/**
 * Checks a buy against the sale as read: NOT_ELIGIBLE before the start or for a returning customer
 * of a new-customers-only sale, EXPIRED after the end, SOLD_OUT when every unit is taken,
 * LIMIT_REACHED at the per-customer limit. The guarded write checks the same, atomically.
 * @example decideFlashBuy(sale, { openid: 'o1', isNewCustomer: true }, now) // { flashId, quantity, perUserLimit }
 */
export function decideFlashBuy(sale: FlashSale, buyer: FlashBuyer, now: Date): FlashTerms {
  const phase = flashPhaseOf(sale, now);
  const mine = flashOrdersOf(sale, buyer.openid);
  const refuse = (code: ErrorCode, message: string) => new FlashRefusal(code, message, mine);
  if (phase === 'upcoming') throw refuse('NOT_ELIGIBLE', 'this flash sale has not started yet');
  if (phase === 'ended') throw refuse('EXPIRED', 'this flash sale is over');
  if (sale.newCustomersOnly && !buyer.isNewCustomer) throw refuse('NOT_ELIGIBLE', 'this flash sale is for new customers only');
  if (mine.length >= sale.perUserLimit) throw refuse('LIMIT_REACHED', `at most ${sale.perUserLimit} per customer`);
  if (phase === 'sold_out') throw refuse('SOLD_OUT', 'this flash sale is sold out');
  return { flashId: sale._id, quantity: sale.quantity, perUserLimit: sale.perUserLimit };
}

/** A customer's reminder of a sale (`flash_reminders/{flashId}:{openid}`), as `flash.remind` stores it. */
export interface FlashReminder {
  _id: string;
  flashId: string;
  openid: string;
  title: string;
  startAt: Date;
  sentAt: Date | null;
}

/**
 * The "flash sale started" subscribe message of a reminder: the sale's title and its start, to the
 * customer who asked, opening the flash page.
 * @example flashStartedMessage(reminder, 'tmpl_flash_started') // { touser: 'o1', templateId, page: '/packageShop/flash/index?flashId=fs1', data: { thing1, time2 } }
 */
export function flashStartedMessage(reminder: FlashReminder, templateId: string): { touser: string; templateId: string; page: string; data: Record<string, string> } {
  return {
    touser: reminder.openid,
    templateId,
    page: `/packageShop/flash/index?flashId=${encodeURIComponent(reminder.flashId)}`,
    data: { thing1: thing(`秒杀开始：${reminder.title}`), time2: time(reminder.startAt) },
  };
}
