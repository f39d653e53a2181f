/**
 * Demo promotion documents (coupon_templates, group_deals) for the seed.
 * Owned by the commerce core; ids fixed so tests and the e2e can name them.
 */
import { liveWindow, type SeedDoc } from './window';

/** Fixed ids of the demo promotions. */
export const PROMO_IDS = {
  thresholdOff: 'ct_man100_15',
  percentOff: 'ct_zhe80_cap30',
  flatOff: 'ct_flat5',
  dealDuo: 'gd_p01_duo',
  dealTrio: 'gd_p02_trio',
  dealNewcomer: 'gd_p04_newcomer',
  dealLadder: 'gd_p09_ladder',
} as const;

export function seedPromotions(now: Date): { coupon_templates: SeedDoc[]; group_deals: SeedDoc[] } {
  const { startAt, endAt } = liveWindow(now, 30);
  const base = { status: 'active', startAt, endAt, createdAt: now, updatedAt: now };
  return {
    coupon_templates: [
      {
        _id: PROMO_IDS.thresholdOff,
        ...base,
        title: '满100减15',
        rule: { kind: 'threshold_off', thresholdFen: 10000, amountOffFen: 1500 },
        scope: { mode: 'all' },
        validity: { mode: 'days', days: 7 },
        stock: 500,
        issuedCount: 0,
        perUserLimit: 2,
      },
      {
        _id: PROMO_IDS.percentOff,
        ...base,
        title: '全场8折 最高减30',
        rule: { kind: 'percent_off', percentOff: 20, maxDiscountFen: 3000 },
        scope: { mode: 'excluded', productIds: ['p12'] },
        validity: { mode: 'window', fromAt: startAt, toAt: endAt },
        stock: 300,
        issuedCount: 0,
        perUserLimit: 1,
      },
      {
        _id: PROMO_IDS.flatOff,
        ...base,
        title: '无门槛减5元',
        rule: { kind: 'flat_off', amountOffFen: 500 },
        scope: { mode: 'listed', productIds: ['p01', 'p02', 'p03'] },
        validity: { mode: 'days', days: 3 },
        stock: 1000,
        issuedCount: 0,
        perUserLimit: 3,
        perDayLimit: 1,
      },
    ],
    group_deals: [
      {
        _id: PROMO_IDS.dealDuo,
        ...base,
        title: '2人拼团',
        productId: 'p01',
        skuId: 'p01-s1',
        groupSize: 2,
        groupPriceFen: 12800,
        listPriceFen: 16800,
        validHours: 24,
        joinEligibility: 'anyone',
      },
      {
        _id: PROMO_IDS.dealTrio,
        ...base,
        title: '3人成团',
        productId: 'p02',
        skuId: 'p02-s1',
        groupSize: 3,
        groupPriceFen: 8800,
        listPriceFen: 12800,
        validHours: 24,
        joinEligibility: 'anyone',
        leaderPerk: { amountOffFen: 1000 },
      },
      {
        _id: PROMO_IDS.dealNewcomer,
        ...base,
        title: '新人2人团',
        productId: 'p04',
        skuId: 'p04-s1',
        groupSize: 2,
        groupPriceFen: 2900,
        listPriceFen: 3900,
        validHours: 12,
        perUserLimit: 1,
        joinEligibility: 'new_customers',
      },
      {
        // 阶梯团: members pay the first tier when they join; the difference comes back at success.
        _id: PROMO_IDS.dealLadder,
        ...base,
        title: '阶梯团 越多越便宜',
        productId: 'p09',
        skuId: 'p09-s1',
        groupSize: 10,
        groupPriceFen: 9900,
        listPriceFen: 12900,
        validHours: 24,
        joinEligibility: 'anyone',
        tiers: [
          { size: 2, priceFen: 9900 },
          { size: 5, priceFen: 8900 },
          { size: 10, priceFen: 7900 },
        ],
      },
    ],
  };
}
