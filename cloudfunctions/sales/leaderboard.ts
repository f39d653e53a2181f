import { action, withFileUrls } from '../_platform';
import { sales } from '../../shared/contract';
import { kFactor } from '../../shared/growth';
import { dayRange, readCounterSummary, readSalespeople } from '../_growth/reports';
import { SALES_ROLES } from './scope';

/**
 * sales.leaderboard {from?, to?} → salespeople ranked by GMV, with orders, new customers,
 * K-factor and commission, from the day counters. Round trips: 1 caller read + 2 reads.
 */
export const leaderboard = action(sales.leaderboard)({
  access: SALES_ROLES,
  async run(input, ctx) {
    const range = dayRange(ctx.now, input.from, input.to);
    const [{ summary }, people] = await Promise.all([readCounterSummary(range.from, range.to), readSalespeople()]);
    const rows = people.map((p) => {
      const m = summary.bySales[p.openid] ?? {};
      return {
        openid: p.openid,
        name: p.name,
        avatarUrl: p.avatarFileId,
        gmvFen: m.gmvFen ?? 0,
        paidOrders: m.paidOrders ?? 0,
        newCustomers: m.newCustomers ?? 0,
        shares: m.shares ?? 0,
        kFactor: kFactor(m),
        commissionFen: (m.commissionFen ?? 0) - (m.reversedFen ?? 0),
      };
    });
    rows.sort((a, b) => b.gmvFen - a.gmvFen || b.paidOrders - a.paidOrders || a.openid.localeCompare(b.openid));
    return withFileUrls({ ...range, rows: rows.map((r, i) => ({ rank: i + 1, ...r, me: r.openid === ctx.openid })) });
  },
});
