/**
 * Demo growth documents (binding_policy, commission_plans, referral_programs, experiments) for
 * the seed. Owned by the growth loop; ids fixed so tests can name them.
 */
import { liveWindow, type SeedDoc } from './window';

/** Fixed ids of the demo growth documents. */
export const GROWTH_IDS = {
  bindingPolicy: 'default',
  commissionPlan: 'cp_default',
  referralProgram: 'rp_default',
  referralRewardTemplate: 'ct_referral_reward',
  experiment: 'exp_card_copy',
  experimentKey: 'cardCopy',
} as const;

export function seedGrowth(now: Date): Record<string, SeedDoc[]> {
  const { startAt, endAt } = liveWindow(now, 365);
  return {
    binding_policy: [
      {
        _id: GROWTH_IDS.bindingPolicy,
        name: '首次触达锁客 + 7天保护期',
        status: 'active',
        mode: 'first_touch',
        protectionDays: 7,
        createdAt: now,
        updatedAt: now,
      },
    ],
    commission_plans: [
      {
        _id: GROWTH_IDS.commissionPlan,
        name: '默认佣金 10%，紫砂茶具固定 30 元/件',
        status: 'active',
        startAt,
        endAt,
        defaultRule: { type: 'percent', rateBp: 1000 },
        overrides: { p11: { type: 'fixed', perUnitFen: 3000 } },
        createdAt: now,
        updatedAt: now,
      },
    ],
    referral_programs: [
      {
        _id: GROWTH_IDS.referralProgram,
        name: '老带新：好友首单满50元，送你10元券',
        status: 'active',
        startAt,
        endAt,
        minOrderFen: 5000,
        refundWindowDays: 7,
        referrerRewardTemplateId: GROWTH_IDS.referralRewardTemplate,
        dailyCapPerReferrer: 5,
        review: { maxPerReferrerPerDay: 10, minMinutesBindToPay: 1 },
        createdAt: now,
        updatedAt: now,
      },
    ],
    experiments: [
      {
        _id: GROWTH_IDS.experiment,
        name: '分享卡片文案 A/B',
        key: GROWTH_IDS.experimentKey,
        status: 'active',
        // The share card's title is the treatment: `{title}` is the page's own title.
        varies: 'card',
        variants: [
          { name: 'plain', weight: 1, value: { cardTitle: '{title}' } },
          { name: 'discount', weight: 1, value: { cardTitle: '好友专享价 · {title}' } },
        ],
        createdAt: now,
        updatedAt: now,
      },
    ],
    // The referral reward is an instance of this template; it is never claimable (stock 0):
    // the growth sweep issues instances directly.
    coupon_templates: [
      {
        _id: GROWTH_IDS.referralRewardTemplate,
        title: '老带新奖励 无门槛减10元',
        status: 'active',
        startAt,
        endAt,
        rule: { kind: 'flat_off', amountOffFen: 1000 },
        scope: { mode: 'all' },
        validity: { mode: 'days', days: 30 },
        stock: 0,
        issuedCount: 0,
        perUserLimit: 1,
        createdAt: now,
        updatedAt: now,
      },
    ],
  };
}
