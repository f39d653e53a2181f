/** Chinese labels of the briefcase's codes (material kinds, rule tags, AIPL stages, timeline events). */

export const KIND_TEXT: Record<string, string> = { article: '文章', brochure: '手册', case: '客户案例', video: '视频', testimonial: '客户口碑', poster: '海报' };

export const REASON_TEXT: Record<string, string> = {
  reminder_due: '到期提醒',
  cart_unpaid: '下单未付款',
  hot_reader: '近期热读',
  coupon_expiring: '优惠券将过期',
  frequent_viewer: '7天内多次浏览',
  new_customer: '新绑定客户',
};

export const STAGE_TEXT: Record<string, string> = { aware: '认知', interest: '兴趣', purchase: '购买', loyal: '忠诚' };

export const EVENT_TEXT: Record<string, string> = {
  share_opened: '打开了分享',
  card_viewed: '查看了名片',
  card_tapped: '点击了名片',
  product_viewed: '浏览了商品',
  material_read: '阅读了素材',
  coupon_claimed: '领取了优惠券',
  order_created: '下单',
  order_paid: '付款',
  order_refunded: '退款',
  aftersale_requested: '申请售后',
};

/** "1分05秒" / "40秒". */
export function formatSeconds(s: number): string {
  return s >= 60 ? `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒` : `${s}秒`;
}
