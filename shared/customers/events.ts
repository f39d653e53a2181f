/**
 * The customer event stream: one fact per thing a customer did, stored in `customer_events` with a
 * deterministic id (the same fact always has the same id, so every writer is idempotent). The
 * customer 360's timeline pages through these; the stored summary is their fold (./summary.ts).
 * Instants end in `At`; money in fen.
 */

/** Every kind of customer event. */
export const CUSTOMER_EVENT_TYPES = [
  'share_opened',
  'card_viewed',
  'card_tapped',
  'product_viewed',
  'material_read',
  'coupon_claimed',
  'order_created',
  'order_paid',
  'order_refunded',
  'aftersale_requested',
] as const;
/** One of {@link CUSTOMER_EVENT_TYPES}. */
export type CustomerEventType = (typeof CUSTOMER_EVENT_TYPES)[number];

/** Events that are visits: the page reports time spent (and read depth) on them afterwards. */
export const VISIT_TYPES = ['card_viewed', 'product_viewed', 'material_read'] as const;
/** One of {@link VISIT_TYPES}. */
export type VisitType = (typeof VISIT_TYPES)[number];

/** What the customer tapped on a business card. */
export const CARD_TAPS = ['phone', 'wechat'] as const;
/** One of {@link CARD_TAPS}. */
export type CardTap = (typeof CARD_TAPS)[number];

/** The facts each event type carries. */
export interface CustomerEventData {
  share_opened: { shareId: string; targetType: string; targetId: string; bound: boolean };
  card_viewed: { cardSalesId: string };
  card_tapped: { cardSalesId: string; tap: CardTap; visitId: string };
  product_viewed: { productId: string; title: string };
  material_read: { materialId: string; title: string; kind: string };
  coupon_claimed: { couponId: string; templateId: string; title: string; validToAt: Date | null };
  order_created: { orderId: string; totalFen: number };
  order_paid: { orderId: string; paidFen: number; couponId: string | null };
  order_refunded: { orderId: string; refundId: string; refundFen: number; full: boolean };
  aftersale_requested: { orderId: string; requestId: string };
}

/** Time spent on a visit, as the page reported it (bounded by the server; see shared/materials/progress.ts). */
export interface VisitProgress {
  /** Seconds on the page, never more than the real time elapsed since the visit opened. */
  seconds: number;
  /** How far the reader scrolled, 0–100 (a maximum: never goes down). */
  depth: number;
  lastReportAt: Date | null;
}

/** A stored customer event of type `T`. `salesId` = the customer's salesperson when it happened. */
export type CustomerEventOf<T extends CustomerEventType> = {
  _id: string;
  openid: string;
  salesId: string | null;
  type: T;
  at: Date;
  data: CustomerEventData[T];
} & (T extends VisitType ? Partial<VisitProgress> : unknown);

/** Any customer event. */
export type CustomerEvent = { [T in CustomerEventType]: CustomerEventOf<T> }[CustomerEventType];

/** True when the event is a visit (it carries time spent). */
export function isVisit(e: Pick<CustomerEvent, 'type'>): boolean {
  return (VISIT_TYPES as readonly string[]).includes(e.type);
}

/** A visit is one page open per customer, target and half hour: a reload inside it is the same visit. */
export const VISIT_WINDOW_MS = 30 * 60_000;

/**
 * The window a visit opened `at` belongs to (its id is derived from it, so a reload or a retried
 * request opens no second visit).
 * @example visitWindow(new Date('2026-06-01T02:10:00Z')) // 984913
 */
export function visitWindow(at: Date): number {
  return Math.floor(at.getTime() / VISIT_WINDOW_MS);
}
