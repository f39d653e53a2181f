/**
 * cloudPay on the local cloud (`wx.wxPayApi`): unifiedOrder, queryOrder, closeOrder, refund,
 * queryRefund, with WeChat Pay's checks and error codes, plus the cashier's outcomes and the
 * refunds' settlement. Callbacks are queued in PayCallbacks and delivered by it.
 */
import type { z } from 'zod';
import { newPrepayId, newRefundId, newTransactionId } from './merchant';
import { camelFields, closeOrderFields, firstProblem, queryOrderFields, queryRefundFields, refundFields as refundRequest, unifiedOrderFields } from './pay-fields';
import type { PayLedger, RefundDoc, TradeDoc } from './pay-ledger';
import { ok, paymentParams, refundFields, refundEvent, payEvent, refused, rejected, tradeFields, type Reply } from './pay-replies';
import { canMoveRefund, type RefundStatus } from './pay-states';

/** WeChat Pay allows at most 50 partial refunds per trade (申请退款: 每个支付订单的部分退款次数不能超过50次). */
export const MAX_REFUNDS_PER_TRADE = 50;
/** queryRefund lists 10 refunds per page (查询退款: offset). */
const REFUND_PAGE = 10;

export interface WxPayEnv {
  now(): number;
  envId: string;
  subMchId: string;
  hasFunction(name: string): boolean;
  /** Queues a callback to a function (pay or refund notice). */
  notify(kind: 'pay' | 'refund', functionName: string, key: string, event: Reply): void;
  /** How long an accepted refund stays PROCESSING (local clock). */
  refundSettleMs: number;
}

export type CashierOutcome = 'pay' | 'cancel' | 'fail';

/** Refunds of a trade WeChat Pay refuses for now (a test control): the errCode it answers. */
export type RefundFailures = Map<string, string>;

/** `err_code_des` of the refusals a test can make refunds answer (WeChat Pay v2 申请退款 error table). */
const REFUND_ERRORS: Record<string, string> = {
  SYSTEMERROR: '系统超时等，请不要更换商户退款单号，请使用相同参数再次调用API',
  NOTENOUGH: '基本账户余额不足，请充值后重新发起',
  FREQUENCY_LIMITED: '频率限制，请降低频率后重试',
};

export class WxPay {
  /** outTradeNo → errCode: refunds of these trades are refused (POST /_emulator/wxpay/refund-failures). */
  readonly refundFailures: RefundFailures = new Map();

  constructor(
    readonly ledger: PayLedger,
    private env: WxPayEnv,
  ) {}

  /** Makes the refunds of `outTradeNos` answer `errCode` until cleared (an empty list clears all). */
  failRefunds(outTradeNos: string[], errCode = 'SYSTEMERROR'): void {
    if (!REFUND_ERRORS[errCode]) throw new Error(`errCode: one of ${Object.keys(REFUND_ERRORS).join(', ')}`);
    if (outTradeNos.length === 0) this.refundFailures.clear();
    for (const no of outTradeNos) this.refundFailures.set(no, errCode);
  }

  /** Runs one cloudPay API; an unknown name is undefined (the caller answers with a platform error). */
  call(apiName: string, raw: Record<string, unknown>): Reply | undefined {
    const fields = camelFields(raw);
    switch (apiName) {
      case 'cloudPay.unifiedOrder':
        return this.parse(unifiedOrderFields, fields, (f) => this.unifiedOrder(f));
      case 'cloudPay.queryOrder':
        return this.parse(queryOrderFields, fields, (f) => this.queryOrder(f));
      case 'cloudPay.closeOrder':
        return this.parse(closeOrderFields, fields, (f) => this.closeOrder(f));
      case 'cloudPay.refund':
        return this.parse(refundRequest, fields, (f) => this.refund(f));
      case 'cloudPay.queryRefund':
        return this.parse(queryRefundFields, fields, (f) => this.queryRefund(f));
      default:
        return undefined;
    }
  }

  private parse<S extends z.ZodTypeAny>(schema: S, fields: Record<string, unknown>, run: (f: z.infer<S>) => Reply): Reply {
    const parsed = schema.safeParse(fields);
    if (!parsed.success) return rejected(firstProblem(parsed.error));
    const f = parsed.data as { subMchId: string };
    // cloudPay charges only for the merchant bound to the environment (云开发控制台 → 微信支付配置).
    if (f.subMchId !== this.env.subMchId) return rejected(`sub_mch_id ${f.subMchId} is not bound to environment ${this.env.envId}`);
    return run(parsed.data);
  }

  private unifiedOrder(f: z.infer<typeof unifiedOrderFields>): Reply {
    if (f.envId !== this.env.envId) return rejected(`envId ${f.envId} is not this environment (${this.env.envId})`);
    if (!this.env.hasFunction(f.functionName)) return rejected(`functionName ${f.functionName}: no such function in environment ${f.envId}`);
    const payer = f.subOpenid ?? f.openid;
    if (!payer) return rejected('JSAPI 支付必须传 openid 或 sub_openid');
    const now = this.env.now();
    const existing = this.ledger.trade(f.outTradeNo);
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') return refused(f.subMchId, 'ORDERPAID', '该订单已支付');
      if (existing.state === 'CLOSED') return refused(f.subMchId, 'ORDERCLOSED', '该订单已关闭');
      // 订单重入: the same request again gets the same prepay_id; different terms are refused.
      const same = existing.totalFee === f.totalFee && existing.body === f.body && existing.payer === payer && existing.functionName === f.functionName;
      if (!same) return refused(f.subMchId, 'INVALID_REQUEST', '201 商户订单号重复');
      return ok(f.subMchId, { tradeType: 'JSAPI', prepayId: existing.prepayId, payment: paymentParams(existing, now) });
    }
    const trade: TradeDoc = {
      _id: f.outTradeNo,
      subMchId: f.subMchId,
      envId: f.envId,
      functionName: f.functionName,
      body: f.body,
      ...(f.attach !== undefined ? { attach: f.attach } : {}),
      totalFee: f.totalFee,
      tradeType: 'JSAPI',
      payer,
      prepayId: newPrepayId(now),
      state: 'NOTPAY',
      createdAt: now,
    };
    this.ledger.insertTrade(trade);
    return ok(f.subMchId, { tradeType: 'JSAPI', prepayId: trade.prepayId, payment: paymentParams(trade, now) });
  }

  private findTrade(f: { outTradeNo?: string; transactionId?: string }): TradeDoc | undefined {
    // transaction_id first when both are given (查询订单: 微信的订单号，优先使用).
    return f.transactionId ? this.ledger.tradeByTransaction(f.transactionId) : this.ledger.trade(f.outTradeNo ?? '');
  }

  private queryOrder(f: z.infer<typeof queryOrderFields>): Reply {
    const trade = this.findTrade(f);
    if (!trade) return refused(f.subMchId, 'ORDERNOTEXIST', '订单不存在');
    return ok(f.subMchId, tradeFields(trade));
  }

  private closeOrder(f: z.infer<typeof closeOrderFields>): Reply {
    const trade = this.ledger.trade(f.outTradeNo);
    if (!trade) return refused(f.subMchId, 'ORDERNOTEXIST', '订单不存在');
    if (trade.state === 'SUCCESS' || trade.state === 'REFUND') return refused(f.subMchId, 'ORDERPAID', '订单已支付，不能发起关单');
    if (trade.state === 'CLOSED') return refused(f.subMchId, 'ORDERCLOSED', '订单已关闭，无需继续调用');
    this.ledger.moveTrade(trade, 'CLOSED', { closedAt: this.env.now() });
    return ok(f.subMchId);
  }

  private refund(f: z.infer<typeof refundRequest>): Reply {
    const trade = this.findTrade(f);
    if (!trade) return refused(f.subMchId, 'ORDERNOTEXIST', '订单不存在');
    if (f.functionName && !this.env.hasFunction(f.functionName)) return rejected(`functionName ${f.functionName}: no such function`);
    const failure = this.refundFailures.get(trade._id);
    if (failure) return refused(f.subMchId, failure, REFUND_ERRORS[failure]);
    const again = this.ledger.refund(f.outRefundNo);
    if (again) {
      // out_refund_no reused on a retry is the same refund; with other amounts it is refused.
      if (again.outTradeNo !== trade._id) return refused(f.subMchId, 'INVALID_REQUEST', '商户退款单号已用于其他订单');
      if (again.refundFee !== f.refundFee || trade.totalFee !== f.totalFee) return refused(f.subMchId, 'REFUND_FEE_MISMATCH', '订单金额或退款金额与之前请求不一致，请核实后再试');
      if (again.status === 'REFUNDCLOSE') return this.resubmit(again, trade, f.subMchId);
      return ok(f.subMchId, refundFields(again, trade));
    }
    if (trade.state !== 'SUCCESS' && trade.state !== 'REFUND') return refused(f.subMchId, 'TRADE_STATE_ERROR', '订单状态错误');
    if (f.totalFee !== trade.totalFee) return refused(f.subMchId, 'REFUND_FEE_MISMATCH', '订单金额或退款金额与之前请求不一致，请核实后再试');
    const refunds = this.ledger.refundsOf(trade._id);
    if (refunds.length >= MAX_REFUNDS_PER_TRADE) return refused(f.subMchId, 'INVALID_REQUEST', `每个支付订单的部分退款次数不能超过${MAX_REFUNDS_PER_TRADE}次`);
    if (f.refundFee > this.refundable(trade)) return refused(f.subMchId, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    const now = this.env.now();
    const refund: RefundDoc = {
      _id: f.outRefundNo,
      outTradeNo: trade._id,
      refundId: newRefundId(now),
      refundFee: f.refundFee,
      status: 'PROCESSING',
      ...(f.functionName ? { functionName: f.functionName } : {}),
      createdAt: now,
      seq: this.ledger.refunds().length + 1,
      settleAt: now + this.env.refundSettleMs,
    };
    this.ledger.insertRefund(refund);
    const current = trade.state === 'SUCCESS' ? this.ledger.moveTrade(trade, 'REFUND') : trade;
    return ok(f.subMchId, { ...refundFields(refund, current), cashFee: current.totalFee, cashRefundFee: refund.refundFee });
  }

  /** What is left to refund of a trade: a closed refund gives its amount back. */
  private refundable(trade: TradeDoc): number {
    return trade.totalFee - this.ledger.refundsOf(trade._id).filter((r) => r.status !== 'REFUNDCLOSE').reduce((sum, r) => sum + r.refundFee, 0);
  }

  /** A closed refund asked again with its own out_refund_no: PROCESSING again, if its amount is still refundable. */
  private resubmit(refund: RefundDoc, trade: TradeDoc, subMchId: string): Reply {
    if (refund.refundFee > this.refundable(trade)) return refused(subMchId, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    const now = this.env.now();
    const again = this.ledger.moveRefund(refund, 'PROCESSING', { settleAt: now + this.env.refundSettleMs, resubmittedAt: now });
    return ok(subMchId, { ...refundFields(again, trade), cashFee: trade.totalFee, cashRefundFee: again.refundFee });
  }

  private queryRefund(f: z.infer<typeof queryRefundFields>): Reply {
    // Priority: refund_id > out_refund_no > transaction_id > out_trade_no (查询退款).
    let trade: TradeDoc | undefined;
    let list: RefundDoc[] = [];
    const byRefund = f.refundId ? this.ledger.refunds().find((r) => r.refundId === f.refundId) : f.outRefundNo ? this.ledger.refund(f.outRefundNo) : undefined;
    if (f.refundId || f.outRefundNo) {
      if (byRefund) {
        trade = this.ledger.trade(byRefund.outTradeNo);
        list = [byRefund];
      }
    } else {
      trade = this.findTrade(f);
      if (trade) list = this.ledger.refundsOf(trade._id);
    }
    if (!trade || list.length === 0) return refused(f.subMchId, 'REFUNDNOTEXIST', '退款订单查询失败');
    const offset = f.offset ?? 0;
    if (offset > 0 && offset >= list.length) return refused(f.subMchId, 'PARAM_ERROR', 'offset 超过退款单总笔数');
    const page = list.slice(offset, offset + REFUND_PAGE);
    return ok(f.subMchId, {
      transactionId: trade.transactionId,
      outTradeNo: trade._id,
      totalFee: trade.totalFee,
      cashFee: trade.totalFee,
      totalRefundCount: list.length,
      refundCount: page.length,
      outRefundNoList: page.map((r) => r._id),
      refundIdList: page.map((r) => r.refundId),
      refundFeeList: page.map((r) => r.refundFee),
      settlementRefundFeeList: page.map((r) => r.refundFee),
      refundStatusList: page.map((r) => r.status),
      refundAccountList: page.map(() => 'REFUND_SOURCE_UNSETTLED_FUNDS'),
      refundRecvAccoutList: page.map(() => '支付用户零钱'),
      refundSuccessTimeList: page.map((r) => (r.settledAt !== undefined && r.status === 'SUCCESS' ? new Date(r.settledAt).toISOString() : '')),
    });
  }

  /**
   * The payer acts at the cashier (the local stand-in for WeChat's pay sheet). `pay` moves the
   * trade to SUCCESS and queues the pay callback; `fail` (e.g. the bank refused) to PAYERROR;
   * `cancel` (the sheet was closed) changes nothing. WeChat Pay calls back on success only.
   */
  cashier(outTradeNo: string, outcome: CashierOutcome): { trade?: TradeDoc; error?: string } {
    const trade = this.ledger.trade(outTradeNo);
    if (!trade) return { error: 'ORDERNOTEXIST' };
    if (trade.state === 'SUCCESS' || trade.state === 'REFUND') return { trade, error: 'ORDERPAID' };
    if (trade.state === 'CLOSED') return { trade, error: 'ORDERCLOSED' };
    if (outcome === 'cancel') return { trade };
    const now = this.env.now();
    if (outcome === 'fail') return { trade: this.ledger.moveTrade(trade, 'PAYERROR') };
    const paid = this.ledger.moveTrade(trade, 'SUCCESS', { paidAt: now, transactionId: newTransactionId(now) });
    this.env.notify('pay', paid.functionName, paid._id, payEvent(paid));
    return { trade: paid };
  }

  /**
   * Ends a refund (SUCCESS unless told otherwise: a PROCESSING one settles; a CHANGE one is handled
   * by hand at the merchant platform) and queues its callback. Undefined when the table has no such move.
   */
  settleRefund(outRefundNo: string, status: Exclude<RefundStatus, 'PROCESSING'> = 'SUCCESS'): RefundDoc | undefined {
    const refund = this.ledger.refund(outRefundNo);
    if (!refund || !canMoveRefund(refund.status, status)) return undefined;
    const done = this.ledger.moveRefund(refund, status, { settledAt: this.env.now() });
    const trade = this.ledger.trade(done.outTradeNo);
    if (trade && done.functionName) this.env.notify('refund', done.functionName, done._id, refundEvent(done, trade));
    return done;
  }

  /** Settles every refund whose money is due on the local clock (or all of them). */
  settleDueRefunds(all = false): number {
    const now = this.env.now();
    const due = this.ledger.refunds().filter((r) => r.status === 'PROCESSING' && (all || r.settleAt <= now));
    for (const r of due) this.settleRefund(r._id);
    return due.length;
  }
}
