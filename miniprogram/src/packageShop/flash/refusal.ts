import type { FlashSaleView } from '../../services/api';
import { ERROR_TEXT } from '../../services/errors';

/** What a refused flash buy tells the customer, by the refusal's code. */
export function flashRefusalText(code: string, sale: FlashSaleView): string {
  switch (code) {
    case 'LIMIT_REACHED':
      return `每人限购 ${sale.perUserLimit} 件，你已抢到，请去订单付款`;
    case 'SOLD_OUT':
      return '手慢了，已被抢光';
    case 'NOT_ELIGIBLE':
      return sale.newCustomersOnly ? '本场秒杀仅限新客参与' : '秒杀尚未开始';
    case 'EXPIRED':
      return '本场秒杀已结束';
    default:
      return ERROR_TEXT[code] || ERROR_TEXT.INTERNAL;
  }
}
