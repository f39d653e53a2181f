/**
 * Which subscribe messages (订阅消息) an order event sends, to whom, with which values — pure, from
 * the order and the event. The keywords match the templates the brand picked (the local cloud's
 * stand-ins are in emulator/wechat/subscribe-templates.json); template ids come from the settings,
 * and a purpose without one sends nothing.
 */
import type { OrderEvent } from '../lifecycle/events';
import type { Order } from '../orders/order';
import { carrierName } from '../fulfil/carriers';
import type { MessagePurpose } from '../settings/fulfilment';
import { amount, characterString, phrase, thing, time } from './fields';

/** One message to send: the recipient's openid, the template and the values by keyword. */
export interface MessageToSend {
  recipient: string;
  purpose: MessagePurpose;
  templateId: string;
  /** The page the message opens (no leading `/`). */
  page: string;
  data: Record<string, string>;
}

/** The parts of an order messages use. */
export type MessageOrder = Pick<Order, '_id' | 'buyerOpenid' | 'lines' | 'totalFen' | 'dealTerms'>;

/** Facts an event's messages need beyond the order: the commission its completion settled. */
export interface MessageFacts {
  settled?: { salesId: string; amountFen: number };
}

const REFUND_REASONS: Record<string, string> = {
  staff_refund: '商家为你办理了退款',
  buyer_refund: '你申请的退款已办理',
  team_failed: '拼团未成功，原路退回',
  late_payment: '订单已关闭，款项原路退回',
};

function productsOf(order: MessageOrder, lineIds?: readonly string[]): string {
  const lines = lineIds ? order.lines.filter((l) => lineIds.includes(l.lineId)) : order.lines;
  const first = lines[0]?.title ?? order.dealTerms?.title ?? '商品';
  return lines.length > 1 ? `${first}等${lines.length}件` : first;
}

/**
 * Whether `event` can send any message (the caller skips reading the settings when not).
 * @example mayMessage(orderCreated(now)) // false
 */
export function mayMessage(event: OrderEvent, facts: MessageFacts = {}): boolean {
  if (event.type === 'OrderCreated') return false;
  if (event.type === 'OrderRefunded') return !event.afterSaleId;
  if (event.type === 'OrderCompleted') return (facts.settled?.amountFen ?? 0) > 0;
  return true;
}

const orderPage = (order: MessageOrder) => `packageShop/order/index?id=${order._id}`;

/**
 * The messages `event` of `order` sends under `templates`.
 * @example messagesFor(order, orderPaid(now), { orderPaid: 'tmpl_order_paid' })
 *   // [{ recipient: order.buyerOpenid, purpose: 'orderPaid', data: { character_string1: order._id, thing2: '…', amount3: '¥99.00', time4: '2026-06-01 10:00' }, ... }]
 */
export function messagesFor(order: MessageOrder, event: OrderEvent, templates: Partial<Record<MessagePurpose, string>>, facts: MessageFacts = {}): MessageToSend[] {
  const to = (recipient: string, purpose: MessagePurpose, page: string, data: Record<string, string>): MessageToSend[] => {
    const templateId = templates[purpose];
    return templateId ? [{ recipient, purpose, templateId, page, data }] : [];
  };
  const buyer = order.buyerOpenid;
  const id = characterString(order._id);
  switch (event.type) {
    case 'OrderPaid':
      return to(buyer, 'orderPaid', orderPage(order), { character_string1: id, thing2: thing(productsOf(order)), amount3: amount(order.totalFen), time4: time(event.at) });
    case 'TeamSucceeded':
      return to(buyer, 'groupResult', orderPage(order), { thing1: thing(order.dealTerms?.title ?? productsOf(order)), phrase2: phrase('拼团成功'), thing3: thing('成团啦，我们会尽快为你发货') });
    case 'OrderRefunded': {
      // An after-sale refund is told by its request's result (AfterSaleUpdated).
      if (event.afterSaleId) return [];
      const refundFen = event.refundFen ?? event.lines.reduce((s, l) => s + l.refundFen, 0);
      if (event.reason === 'team_failed') {
        return to(buyer, 'groupResult', orderPage(order), { thing1: thing(order.dealTerms?.title ?? productsOf(order)), phrase2: phrase('拼团失败'), thing3: thing(`未成团，已退回${amount(refundFen)}`) });
      }
      return to(buyer, 'refund', orderPage(order), { character_string1: id, amount2: amount(refundFen), thing3: thing(REFUND_REASONS[event.reason ?? ''] ?? '退款已办理') });
    }
    case 'OrderShipped':
      return to(buyer, 'shipped', orderPage(order), {
        character_string1: id,
        thing2: thing(productsOf(order, event.lineIds)),
        thing3: thing(carrierName(event.carrier)),
        character_string4: characterString(event.trackingNo),
      });
    case 'AfterSaleUpdated': {
      const result = { approved: '同意退货', rejected: '未通过', refunded: '已退款' }[event.status];
      const note = event.note || { approved: '请按地址寄回商品并填写单号', rejected: '如有疑问请联系客服', refunded: '款项已原路退回' }[event.status];
      return to(buyer, 'afterSale', `packageShop/aftersale/index?id=${event.requestId}`, {
        character_string1: id,
        phrase2: phrase(result),
        amount3: amount(event.status === 'rejected' ? 0 : event.refundFen),
        thing4: thing(note),
      });
    }
    case 'OrderCompleted': {
      const settled = facts.settled;
      if (!settled || settled.amountFen <= 0) return [];
      return to(settled.salesId, 'commissionSettled', 'packageSales/ledger/index', {
        character_string1: id,
        amount2: amount(settled.amountFen),
        time3: time(event.at),
        thing4: thing('订单已完成，佣金可结算'),
      });
    }
    case 'OrderCreated':
      return [];
  }
}
