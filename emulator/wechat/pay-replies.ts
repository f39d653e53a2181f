/**
 * The replies and callback events of cloudPay, in the camelCase JSON CloudBase uses (CloudPay.*
 * reference pages: "接口入参和返回值都为 JSON 而不是 XML"; field names as in the examples of
 * developers.weixin.qq.com …/wxcloudrun/src/development/pay/callback and the community's recorded
 * replies — see docs/wechat.md for each source). `sign` is a placeholder: the local cloud signs
 * nothing and nothing here verifies it.
 */
import { randomBytes } from 'node:crypto';
import { LOCAL_APPID, nonce, PROVIDER_APPID, PROVIDER_MCH_ID, wxPayDateTime, wxPayTime } from './merchant';
import type { RefundDoc, TradeDoc } from './pay-ledger';
import { TRADE_STATE_DESC } from './pay-states';

export type Reply = Record<string, unknown>;

const fakeSign = () => randomBytes(16).toString('hex').toUpperCase();

/** A reply that reached WeChat Pay (`returnCode: SUCCESS`); `resultCode` says whether it worked. */
export function ok(subMchId: string, fields: Reply = {}): Reply {
  return {
    returnCode: 'SUCCESS',
    returnMsg: 'OK',
    appid: PROVIDER_APPID,
    mchId: PROVIDER_MCH_ID,
    subAppid: LOCAL_APPID,
    subMchId,
    nonceStr: nonce(),
    sign: fakeSign(),
    resultCode: 'SUCCESS',
    ...fields,
  };
}

/** A business refusal: `resultCode: FAIL` with WeChat Pay's `err_code` / `err_code_des`. */
export function refused(subMchId: string, errCode: string, errCodeDes: string): Reply {
  return { ...ok(subMchId), resultCode: 'FAIL', errCode, errCodeDes };
}

/** A request WeChat Pay did not accept at all (missing or malformed field, unbound merchant). */
export function rejected(returnMsg: string): Reply {
  return { returnCode: 'FAIL', returnMsg };
}

/** What the pay sheet needs: the `payment` field of unifiedOrder, passed to wx.requestPayment. */
export function paymentParams(trade: TradeDoc, now: number): Reply {
  return {
    appId: LOCAL_APPID,
    timeStamp: String(Math.floor(now / 1000)),
    nonceStr: nonce(),
    package: `prepay_id=${trade.prepayId}`,
    signType: 'MD5',
    paySign: fakeSign(),
  };
}

export function tradeFields(trade: TradeDoc): Reply {
  const paid = trade.state === 'SUCCESS' || trade.state === 'REFUND';
  return {
    outTradeNo: trade._id,
    tradeState: trade.state,
    tradeStateDesc: TRADE_STATE_DESC[trade.state],
    totalFee: trade.totalFee,
    feeType: 'CNY',
    tradeType: trade.tradeType,
    ...(trade.attach !== undefined ? { attach: trade.attach } : {}),
    ...(paid
      ? {
          transactionId: trade.transactionId,
          openid: providerOpenid(trade.payer),
          subOpenid: trade.payer,
          isSubscribe: 'N',
          subIsSubscribe: 'N',
          bankType: 'OTHERS',
          cashFee: trade.totalFee,
          timeEnd: wxPayTime(trade.paidAt ?? 0),
        }
      : {}),
  };
}

/** The payer's openid under the service provider's appid (cloudPay reports both). */
function providerOpenid(subOpenid: string): string {
  return `oProv${Buffer.from(subOpenid).toString('base64url').slice(0, 23)}`;
}

/** The fields every notice starts with (通知参数: return_code … nonce_str). */
function noticeHeader(subMchId: string): Reply {
  return { returnCode: 'SUCCESS', appid: PROVIDER_APPID, mchId: PROVIDER_MCH_ID, subAppid: LOCAL_APPID, subMchId, nonceStr: nonce() };
}

/**
 * The pay callback's event: WeChat Pay v2's 支付结果通知 fields in camelCase, exactly the keys of
 * the example on the 支付结果回调 page (returnCode … timeEnd), plus `attach` when one was given.
 */
export function payEvent(trade: TradeDoc): Reply {
  const { tradeState: _s, tradeStateDesc: _d, ...fields } = tradeFields(trade);
  return { ...noticeHeader(trade.subMchId), resultCode: 'SUCCESS', ...fields };
}

export function refundFields(refund: RefundDoc, trade: TradeDoc): Reply {
  return {
    transactionId: trade.transactionId,
    outTradeNo: trade._id,
    refundId: refund.refundId,
    outRefundNo: refund._id,
    totalFee: trade.totalFee,
    settlementTotalFee: trade.totalFee,
    refundFee: refund.refundFee,
    settlementRefundFee: refund.refundFee,
  };
}

/**
 * The refund callback's event: WeChat Pay v2's 退款结果通知 in camelCase, with `reqInfo` already
 * decrypted (the platform holds the merchant key; the function never sees ciphertext).
 */
export function refundEvent(refund: RefundDoc, trade: TradeDoc): Reply {
  return {
    ...noticeHeader(trade.subMchId),
    reqInfo: {
      ...refundFields(refund, trade),
      refundStatus: refund.status,
      ...(refund.settledAt !== undefined && refund.status === 'SUCCESS' ? { successTime: wxPayDateTime(refund.settledAt) } : {}),
      refundRecvAccout: '支付用户零钱',
      refundAccount: 'REFUND_SOURCE_UNSETTLED_FUNDS',
      refundRequestSource: 'API',
    },
  };
}
