import { teamDealText, teamInviteText, teamNeedText, teamRuleText } from '../src/packageShop/team/team-rule';

describe('the team page’s rule line', () => {
  const ladder = { tiers: [{ size: 2, priceFen: 9900 }, { size: 5, priceFen: 8900 }, { size: 10, priceFen: 7900 }] };

  it('a plain team forms at its size and is refunded when it expires short', () => {
    expect(teamRuleText({}, 3)).toBe('规则：3人成团，支付即占座；到期未成团自动退款。');
    expect(teamInviteText({}, 3)).toBe('邀请好友参团，满3人即成团');
    expect(teamDealText({}, 3)).toBe('3人团');
  });

  it('a ladder team forms at its first tier and its price falls with each tier (not "10人成团")', () => {
    const rule = teamRuleText(ladder, 10);
    expect(rule).toBe('规则：满2人即成团，人越多越便宜（2人¥99.00 → 5人¥89.00 → 10人¥79.00），到期按达到的档位结算、自动退差价；不足2人到期自动退款。');
    expect(rule).not.toContain('10人成团');
    expect(teamInviteText(ladder, 10)).toBe('邀请好友参团，满2人即成团，满10人享最低价');
    expect(teamDealText(ladder, 10)).toBe('阶梯团 2人起');
  });

  it('what a forming team still needs: members to form, then the next tier and its price', () => {
    expect(teamNeedText({}, 3, 1)).toBe('还差 2 人成团');
    expect(teamNeedText(ladder, 10, 1)).toBe('还差 1 人成团');
    expect(teamNeedText(ladder, 10, 2)).toBe('再邀3人，每人降到¥89.00');
    expect(teamNeedText(ladder, 10, 7)).toBe('再邀3人，每人降到¥79.00');
    expect(teamNeedText(ladder, 10, 10)).toBe('已达最低价');
  });
});
