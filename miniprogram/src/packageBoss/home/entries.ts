/**
 * What the back-office home lists, by role. Other features append their entries here: the
 * queues (after-sale requests, payouts to approve, referral rewards to review, promotion health)
 * come with issue 12 (fulfil) and issue 13 part B (payouts).
 */
export interface BackOfficeEntry {
  text: string;
  hint: string;
  icon: string;
  url: string;
  roles: string[];
}

/** Work areas: products, the sales team, the dashboard, training. */
export const WORK_ENTRIES: BackOfficeEntry[] = [
  { text: '商品管理', hint: '新建/编辑商品、上下架、库存调整', icon: '货', url: '/packageBoss/products/index', roles: ['boss', 'ops'] },
  { text: '销售团队', hint: '邀请新销售、停用并指定接手人', icon: '人', url: '/packageBoss/team/index', roles: ['boss'] },
  { text: '经营看板', hint: 'GMV、订单、分享漏斗、佣金', icon: '数', url: '/packageBoss/dashboard/index', roles: ['boss', 'ops'] },
  { text: '培训报表', hint: '各课程与每位销售的学习进度、测验成绩', icon: '学', url: '/packageBoss/training-report/index', roles: ['boss', 'ops'] },
];

/** Queues to work through (售后、提现审批、推荐奖励审核、促销异常): appended by the features that own them. */
export const QUEUE_ENTRIES: BackOfficeEntry[] = [
  { text: '待发货', hint: '按付款先后发货，可粘贴表格批量发货', icon: '发', url: '/packageBoss/to-ship/index', roles: ['boss', 'ops'] },
  { text: '售后申请', hint: '退款 / 退货退款审核，确认收到退货', icon: '售', url: '/packageBoss/aftersale-queue/index', roles: ['boss', 'ops'] },
];
