import { action, AppError, stableId, store } from '../_platform';
import { card as contract } from '../../shared/contract';
import type { CustomerEventOf } from '../../shared/customers';
import { recordCustomerEvent } from '../_customers/record-event';

/**
 * card.tap {visitId, tap}: "save phone" / "add my WeChat" on the caller's own card visit, counted
 * once per visit and tap (a deterministic event id). Round trips: caller + the visit + the event's
 * insert and summary (a repeat: the insert only).
 */
export const tap = action(contract.tap)({
  async run(input, ctx) {
    const visit = await store.getById<CustomerEventOf<'card_viewed'>>('customer_events', input.visitId);
    if (!visit || visit.openid !== ctx.openid || visit.type !== 'card_viewed') throw new AppError('NOT_FOUND', `visitId: no card visit ${input.visitId}`);
    const { inserted } = await recordCustomerEvent(
      ctx,
      {
        _id: stableId('card_tapped', visit._id, input.tap),
        openid: ctx.openid,
        salesId: visit.salesId,
        type: 'card_tapped',
        at: ctx.now,
        data: { cardSalesId: visit.data.cardSalesId, tap: input.tap, visitId: visit._id },
      },
      { customerName: ctx.user.name },
    );
    return { visitId: visit._id, tap: input.tap, counted: inserted };
  },
});
