/**
 * The back office's demo (issue 13): settled commission for a salesperson with one open payout
 * request, and a referral reward held for review — so the payout, payouts and queues pages have
 * something on `npm start`. Part of the demo seed only (`npm start`, POST /_emulator/seed): test
 * clouds seed without it, since function tests assert exact ledgers and referral lists.
 */
import { decideRequestPayout } from '../../shared/lifecycle';
import { payoutBalance, type BalanceEntry } from '../../shared/payouts';
import { PERSONAS } from './people';
import { DAY, type SeedDoc } from './window';

/** Fixed ids of the back-office demo. */
export const BACK_OFFICE_IDS = {
  salesId: PERSONAS.salesZhao,
  openPayout: 'po_demo_zhao_1',
  referral: 'o_demo_new_1',
} as const;

export function seedBackOffice(now: Date): Record<string, SeedDoc[]> {
  const earnedAt = new Date(now.getTime() - 12 * DAY);
  const settledAt = new Date(now.getTime() - 2 * DAY);
  const line = (orderId: string, productId: string, paidFen: number, amountFen: number): Array<SeedDoc & BalanceEntry> => {
    const base = { salesId: BACK_OFFICE_IDS.salesId, orderId, lineId: 'L1', productId, buyerOpenid: PERSONAS.customers[2], amountFen, baseFen: paidFen };
    return [
      { _id: `demo_${orderId}_pending`, kind: 'pending' as const, ...base, createdAt: earnedAt, planId: 'cp_default', rule: { type: 'percent', rateBp: 1000 } },
      { _id: `demo_${orderId}_settleable`, kind: 'settleable' as const, ...base, createdAt: settledAt },
    ];
  };
  const settled = [...line('demo_order_1', 'p03', 120_000, 12_000), ...line('demo_order_2', 'p06', 36_000, 3_600)];
  return {
    commission_ledger: settled,
    // The request as payout.request makes it (the decider), asked a day ago.
    payouts: [
      { ...decideRequestPayout({
        payoutId: BACK_OFFICE_IDS.openPayout,
        seq: 1,
        salesId: BACK_OFFICE_IDS.salesId,
        salesName: '赵敏',
        amountFen: 5_000,
        minAmountFen: 1_000,
        balance: payoutBalance(settled, []),
        hasOpenRequest: false,
        now: new Date(now.getTime() - DAY),
      }).payout },
    ],
    referral_rewards: [
      {
        _id: BACK_OFFICE_IDS.referral,
        buyerOpenid: BACK_OFFICE_IDS.referral,
        referrerOpenid: PERSONAS.customers[0],
        orderId: 'demo_order_ref_1',
        paidFen: 8_800,
        programId: 'rp_default',
        referrerRewardTemplateId: 'ct_referral_reward',
        newCustomerRewardTemplateId: null,
        dailyCap: 5,
        qualifiedDay: new Date(now.getTime() + 8 * 3_600_000 - DAY).toISOString().slice(0, 10),
        qualifiedAt: new Date(now.getTime() - DAY),
        dueAt: new Date(now.getTime() + 6 * DAY),
        status: 'review',
        reasons: ['fast_conversion'],
        createdAt: new Date(now.getTime() - DAY),
      },
    ],
  };
}
