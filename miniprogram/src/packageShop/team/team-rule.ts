import type { Team } from '../../services/api';
import { formatFen } from '../../utils/money';

type Terms = Pick<Team['terms'], 'tiers'>;

/**
 * The team page's rule line. A plain team forms at its size and is refunded when it expires short;
 * a ladder team (阶梯团) forms at its first tier, its price falls with each tier reached, the
 * difference is refunded at success, and only a team short of the first tier is refunded in full.
 * @example teamRuleText({ tiers: [{ size: 2, priceFen: 9900 }, { size: 5, priceFen: 8900 }] }, 5)
 *   // '规则：满2人即成团，人越多越便宜（2人¥99.00 → 5人¥89.00），到期按达到的档位结算、自动退差价；不足2人到期自动退款。'
 */
export function teamRuleText(terms: Terms, size: number): string {
  const tiers = terms.tiers ?? [];
  if (tiers.length === 0) return `规则：${size}人成团，支付即占座；到期未成团自动退款。`;
  const first = tiers[0].size;
  const ladder = tiers.map((t) => `${t.size}人${formatFen(t.priceFen)}`).join(' → ');
  return `规则：满${first}人即成团，人越多越便宜（${ladder}），到期按达到的档位结算、自动退差价；不足${first}人到期自动退款。`;
}

/**
 * The hint under a member's invite button: the size a team forms at (a ladder team's first tier).
 * @example teamInviteText({ tiers: undefined }, 3) // '邀请好友参团，满3人即成团'
 */
export function teamInviteText(terms: Terms, size: number): string {
  const tiers = terms.tiers ?? [];
  if (tiers.length === 0) return `邀请好友参团，满${size}人即成团`;
  return `邀请好友参团，满${tiers[0].size}人即成团，满${tiers[tiers.length - 1].size}人享最低价`;
}

/**
 * The deal's label under the product: its size, or a ladder team's first tier.
 * @example teamDealText({ tiers: [{ size: 2, priceFen: 9900 }, { size: 5, priceFen: 8900 }] }, 5) // '阶梯团 2人起'
 */
export function teamDealText(terms: Terms, size: number): string {
  const tiers = terms.tiers ?? [];
  return tiers.length === 0 ? `${size}人团` : `阶梯团 ${tiers[0].size}人起`;
}

/**
 * What a forming team still needs, by the seats taken: a plain team's missing members; a ladder
 * team's missing members to its first tier, then to its next tier and that tier's price.
 * @example teamNeedText({ tiers: [{ size: 2, priceFen: 9900 }, { size: 5, priceFen: 8900 }] }, 5, 3) // '再邀2人，每人降到¥89.00'
 */
export function teamNeedText(terms: Terms, size: number, taken: number): string {
  const tiers = terms.tiers ?? [];
  if (tiers.length === 0 || taken < tiers[0].size) return `还差 ${(tiers[0]?.size ?? size) - taken} 人成团`;
  const next = tiers.find((t) => t.size > taken);
  return next ? `再邀${next.size - taken}人，每人降到${formatFen(next.priceFen)}` : '已达最低价';
}
