import { transitionsOf } from '../lifecycle/machine';
import { afterSaleMachine, type AfterSaleStatus } from '../lifecycle/tables';

/** What the buyer asks for: money only (not shipped, or goods not received), or return and refund. */
export type AfterSaleKind = 'refund' | 'return';

/** The buyer's parcel back to the brand (a return). */
export interface ReturnShipment {
  /** A carrier code of shared/fulfil/carriers.ts. */
  carrier: string;
  trackingNo: string;
  shippedAt: Date;
}

/**
 * `aftersale_requests/{id}`: one after-sale request (售后) on some lines of one order. A line has at
 * most one open request (`requested`, `approved`, `return_shipped`): the order's line carries its
 * id (`afterSaleId`) while it is open. Money in fen.
 */
export interface AfterSaleRequest {
  _id: string;
  orderId: string;
  buyerOpenid: string;
  lineIds: string[];
  kind: AfterSaleKind;
  reason: string;
  /** Storage file ids of the buyer's own uploads (≤ 3). */
  photos: string[];
  status: AfterSaleStatus;
  /** What the lines would give back: their paid amount not yet refunded. */
  refundFen: number;
  /** Approved at once (a refund of unshipped lines, when the brand's setting says so). */
  autoApproved: boolean;
  createdAt: Date;
  updatedAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  /** The reviewer's note to the buyer. */
  note: string;
  returnShipment: ReturnShipment | null;
  returnReceivedAt: Date | null;
  refundId: string | null;
  refundedAt: Date | null;
  cancelledAt: Date | null;
}

/** The states in which a request holds its lines: those the machine can still leave (`requested`, `approved`, `return_shipped`). */
export const OPEN_AFTERSALE_STATUSES: readonly AfterSaleStatus[] = (() => {
  const table = transitionsOf(afterSaleMachine);
  return afterSaleMachine.states.filter((s) => table[s].length > 0);
})();
