/**
 * The CSV exports of the back office, as columns and rows (pure): orders paid in a period, and a
 * salesperson's commission statement (every ledger entry of the period). Money in yuan with two
 * decimals, times in China time. See docs/growth.md "Exports" for the columns.
 */
import { chinaDateTime } from '../china-day';
import type { CsvCell } from '../csv';

/** Kinds of export. */
export const EXPORT_KINDS = ['orders', 'commission'] as const;
/** One of {@link EXPORT_KINDS}. */
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Rows per export at most (5 pages of 1000); a longer period is cut there and the reply says so. */
export const EXPORT_CAP = 5000;

/** Order statuses as the brand reads them (a status not listed is written as stored). */
const ORDER_STATUS_TEXT: Record<string, string> = {
  pending_pay: '待支付',
  paid: '已支付',
  partially_refunded: '部分退款',
  refunded: '已退款',
  cancelled: '已取消',
  closed: '已关闭',
  to_ship: '待发货',
  shipped: '已发货',
  received: '已收货',
  completed: '已完成',
};

/** Ledger kinds as the brand reads them. */
const LEDGER_KIND_TEXT: Record<string, string> = { pending: '待结算', settleable: '可结算', reversed: '已冲回', paid: '已发放' };

/** The columns of the orders export. */
export const ORDER_COLUMNS = ['订单号', '支付时间', '状态', '买家', '买家ID', '销售员', '销售员ID', '商品', '件数', '商品金额(元)', '优惠(元)', '实付(元)', '已退款(元)'] as const;

/** An order as the export reads it. */
export interface ExportOrder {
  _id: string;
  status: string;
  buyerOpenid: string;
  paidAt?: Date | null;
  attribution?: { salesId?: string | null } | null;
  lines: Array<{ title: string; skuName?: string | null; qty: number; subtotalFen: number }>;
  discountFen: number;
  paidFen?: number;
  totalFen: number;
  refundedFen?: number;
}

/**
 * One row of the orders export; `names` maps openids to display names.
 * @example orderRow(order, new Map([['o_cust_1', '小美']]))[3] // '小美'
 */
export function orderRow(o: ExportOrder, names: ReadonlyMap<string, string>): CsvCell[] {
  const salesId = o.attribution?.salesId ?? null;
  return [
    o._id,
    o.paidAt ? chinaDateTime(new Date(o.paidAt)) : null,
    ORDER_STATUS_TEXT[o.status] ?? o.status,
    names.get(o.buyerOpenid) ?? null,
    o.buyerOpenid,
    salesId ? (names.get(salesId) ?? null) : null,
    salesId,
    o.lines.map((l) => `${l.title}${l.skuName ? `(${l.skuName})` : ''}×${l.qty}`).join('；'),
    o.lines.reduce((n, l) => n + l.qty, 0),
    { fen: o.lines.reduce((n, l) => n + l.subtotalFen, 0) },
    { fen: o.discountFen },
    { fen: o.paidFen ?? o.totalFen },
    { fen: o.refundedFen ?? 0 },
  ];
}

/** The columns of the commission statement. Amounts as entered in the ledger (always ≥ 0; the kind says what they are). */
export const COMMISSION_COLUMNS = ['时间', '销售员', '销售员ID', '类型', '订单号/提现单号', '商品', '计佣金额(元)', '佣金(元)', '备注'] as const;

/** A ledger entry as the statement reads it. */
export interface ExportLedgerEntry {
  _id: string;
  kind: string;
  salesId: string;
  orderId: string;
  productId: string;
  amountFen: number;
  baseFen: number;
  createdAt: Date;
  refundId?: string | null;
  reference?: string | null;
  planId?: string | null;
}

/**
 * One row of the commission statement; `names` maps salesperson ids and product ids to names.
 * @example commissionRow(entry, names)[3] // '已冲回'
 */
export function commissionRow(e: ExportLedgerEntry, names: ReadonlyMap<string, string>): CsvCell[] {
  const note = e.kind === 'paid' ? `打款参考号 ${e.reference ?? ''}` : e.kind === 'reversed' ? `退款 ${e.refundId ?? ''}` : e.planId ? `佣金方案 ${e.planId}` : null;
  return [
    chinaDateTime(new Date(e.createdAt)),
    names.get(e.salesId) ?? null,
    e.salesId,
    LEDGER_KIND_TEXT[e.kind] ?? e.kind,
    e.orderId,
    e.kind === 'paid' ? null : (names.get(e.productId) ?? e.productId),
    e.kind === 'paid' ? null : { fen: e.baseFen },
    { fen: e.amountFen },
    note,
  ];
}
