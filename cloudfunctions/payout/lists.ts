import { action, store } from '../_platform';
import { payout as contract } from '../../shared/contract';
import type { Payout } from '../../shared/lifecycle';
import { getPayoutOrNone, loadBalance, loadPayoutSettings } from './load';
import { payoutView } from './view';

const PAGE = 20;

/**
 * payout.mine {cursor?} (sales): the balance with its parts (the open request reserved), the
 * minimum, and the caller's requests latest first. Round trips: caller + settings + ledger +
 * page (+ the open request, when it is not on this page) = 4–5.
 */
export const mine = action(contract.mine)({
  access: ['sales'],
  async run(input, ctx) {
    const openId = (ctx.user.openPayoutId as string | null | undefined) ?? null;
    const [settings, page] = await Promise.all([
      loadPayoutSettings(),
      store.findPage<Payout>('payouts', { salesId: ctx.openid }, { orderBy: ['requestedAt', 'desc'], limit: PAGE, cursor: input.cursor }),
    ]);
    const open = openId ? (page.items.find((p) => p._id === openId) ?? (await getPayoutOrNone(openId))) : undefined;
    const balance = await loadBalance(ctx.openid, open ? [open] : []);
    return { balance, minAmountFen: settings.minAmountFen, openPayoutId: openId, items: page.items.map(payoutView), nextCursor: page.nextCursor };
  },
});

/** payout.queue {status?, cursor?} (boss): requests in one state, oldest first. Round trips: caller + page = 2. */
export const queue = action(contract.queue)({
  access: ['boss'],
  async run(input) {
    const status = input.status ?? 'requested';
    const page = await store.findPage<Payout>('payouts', { status }, { orderBy: ['requestedAt', 'asc'], limit: PAGE, cursor: input.cursor });
    return { status, items: page.items.map(payoutView), nextCursor: page.nextCursor };
  },
});
