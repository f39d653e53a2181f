import type { AddressSnapshot } from '../address/address';
import type { Attribution } from '../growth/types';
import type { OrderEvent } from '../lifecycle/events';
import { sourcesOf } from '../lifecycle/machine';
import { orderMachine, type LineState, type OrderStatus, type RefundStatus } from '../lifecycle/tables';
import type { OrderFigures, PricedLine } from '../pricing/price-cart';
import type { GroupDeal } from '../promotions/group-deal.schema';
import type { FlashTerms } from '../flash/flash-sale';

/**
 * A stored order line: priced, plus its fulfilment and after-sale state. Money in fen. Lines stored
 * before fulfilment existed have no `state`, `shipmentId` or `afterSaleId`: read them with
 * `lineStateOf` (shared/lifecycle).
 */
export interface OrderLine extends PricedLine {
  refundedFen: number;
  refundId: string | null;
  /** The line machine's state (shared/lifecycle/tables.ts). */
  state?: LineState;
  /** The shipment that carried it (see {@link Shipment}). */
  shipmentId?: string | null;
  /** The after-sale request open on it (one at a time), or null. */
  afterSaleId?: string | null;
}

/** One parcel: some lines of an order handed to a carrier. */
export interface Shipment {
  /** Deterministic per (order, carrier, tracking number): the same row shipped twice is one shipment. */
  shipmentId: string;
  lineIds: string[];
  /** A carrier code of shared/fulfil/carriers.ts. */
  carrier: string;
  trackingNo: string;
  shippedAt: Date;
  /** The openid of the staff member who shipped it. */
  shippedBy: string;
}

/** Who confirmed receipt: the buyer, or the sweep N days after shipping. */
export type ReceivedBy = 'buyer' | 'auto';

/** Terms of the group deal an order or team was sold under (snapshot; later edits never change it). */
export type DealTerms = Pick<
  GroupDeal,
  '_id' | 'title' | 'productId' | 'skuId' | 'groupSize' | 'groupPriceFen' | 'listPriceFen' | 'validHours' | 'joinEligibility' | 'leaderPerk' | 'allowCoupon' | 'perUserLimit' | 'tiers'
>;

/**
 * The snapshot of a deal's terms kept on teams and orders.
 * @example dealTermsOf(deal).groupPriceFen // the price every member pays (the leader minus a perk)
 */
export function dealTermsOf(d: GroupDeal): DealTerms {
  const terms: DealTerms = {
    _id: d._id,
    title: d.title,
    productId: d.productId,
    skuId: d.skuId,
    groupSize: d.groupSize,
    groupPriceFen: d.groupPriceFen,
    listPriceFen: d.listPriceFen,
    validHours: d.validHours,
    joinEligibility: d.joinEligibility ?? 'anyone',
    allowCoupon: d.allowCoupon ?? false,
  };
  if (d.leaderPerk) terms.leaderPerk = d.leaderPerk;
  if (d.perUserLimit) terms.perUserLimit = d.perUserLimit;
  if (d.tiers) terms.tiers = d.tiers;
  return terms;
}

/**
 * `orders/{id}`: id = stableId(buyer, idempotencyKey), so the same key from the same buyer is
 * the same order. Money in fen: `totalFen = subtotalFen − discountFen + shippingFen` (the lines'
 * `paidFen` sum to `totalFen − shippingFen`: shipping is never split into lines); once paid,
 * `paidFen − refundedFen` is what the brand keeps.
 */
export interface Order extends OrderFigures {
  _id: string;
  buyerOpenid: string;
  idempotencyKey: string;
  /**
   * The request that inserted the order: when the insert's reply is lost, that request reads the
   * order back and knows it is its own (a concurrent request with the same key is not).
   */
  createdBy?: string;
  kind: 'normal' | 'group';
  status: OrderStatus;
  lines: OrderLine[];
  /** Where the goods go, as the address was when ordered; null when nothing ships. */
  address: AddressSnapshot | null;
  couponId: string | null;
  teamId: string | null;
  memberId: string | null;
  dealTerms: DealTerms | null;
  /** The flash sale the order's unit was taken from (absent or null: not a flash order). */
  flash?: FlashTerms | null;
  /** The bargain whose reached price the order is at (absent or null: not a bargain order); a release gives it back. */
  bargainId?: string | null;
  /** Who brought the order (the growth loop's snapshot; later rebinding never changes it). */
  attribution: Attribution;
  createdAt: Date;
  payDeadlineAt: Date;
  paidAt: Date | null;
  tradeNo: string | null;
  paidFen: number;
  refundedFen: number;
  closedAt: Date | null;
  closeReason: string | null;
  /** The refund of the difference its ladder team's reached tier gave back (once per order). */
  tierRebateId?: string | null;
  updatedAt: Date;
  /** Fulfilment (absent on orders stored before it existed). */
  readyAt?: Date | null;
  shipments?: Shipment[];
  /** When the last kept line left (the auto-confirm clock starts here). */
  shippedAt?: Date | null;
  receivedAt?: Date | null;
  receivedBy?: ReceivedBy | null;
  completedAt?: Date | null;
  /** Every event of the order, in the order they happened; each is written by the move that made it true. */
  outbox: OrderEvent[];
  /** Ids of the events no subscriber has handled yet (oldest first). */
  outboxPending: string[];
  /** How many are pending (the sweep finds orders with undelivered events by it). */
  outboxPendingCount: number;
}

/** WeChat Pay's final refund statuses that pay nothing (退款异常, 退款关闭). */
export type FailedRefundStatus = 'CHANGE' | 'REFUNDCLOSE';

/**
 * `refunds/{id}`: one refund of some lines of one order; id = stableId(orderId, lineIds), which is
 * also WeChat Pay's out_refund_no (the same on every retry). Its states: the refund table
 * (`shared/lifecycle/tables.ts`).
 */
export interface Refund {
  _id: string;
  orderId: string;
  buyerOpenid: string;
  tradeNo: string | null;
  lines: Array<{ lineId: string; refundFen: number }>;
  /** Shipping given back with the lines (0 unless the last lines of an order nothing of which ever shipped are refunded). */
  shippingFen: number;
  /** Everything this refund pays back: the lines' `refundFen` plus `shippingFen`. */
  refundFen: number;
  reason: string;
  /** The after-sale request this refund settles, if any. */
  afterSaleId?: string;
  status: RefundStatus;
  provider: string;
  createdAt: Date;
  doneAt: Date | null;
  /** How often it was asked of the provider: 1 when recorded, + 1 per retry of a closed refund. */
  attempts: number;
  /** The provider's refund id, once it reported the refund done. */
  providerRefundId: string | null;
  /** Why the provider ended it without paying (a `failed` refund); null otherwise. */
  providerStatus: FailedRefundStatus | null;
  failedAt: Date | null;
}

/** The fields a refund record starts with besides what its decision names. */
export const NEW_REFUND_FIELDS = { status: 'pending', doneAt: null, attempts: 1, providerRefundId: null, providerStatus: null, failedAt: null } as const;

/** Statuses in which an order has money left to refund: the order table's sources of `refundAll`. */
export const REFUNDABLE_STATUSES: readonly OrderStatus[] = sourcesOf(orderMachine, 'refundAll');

/** Statuses counted as money kept (paid, not wholly refunded): the order table's sources of `refundAll`, and `completed`. */
export const KEPT_STATUSES: readonly OrderStatus[] = [...REFUNDABLE_STATUSES, 'completed'];
