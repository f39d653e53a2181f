import { action, afterCursor, pageOf, store } from '../_platform';
import { customer as contract, type ResultOf } from '../../shared/contract';
import type { CustomerEvent } from '../../shared/customers';
import { CUSTOMER_360_ROLES, ownCustomer } from './scope';

const PAGE = 20;

/** The event and its data travel together: each stored event is one of the contract's item shapes. */
type TimelineItem = ResultOf<typeof contract.timeline>['items'][number];
type StoredEvent = CustomerEvent & { seconds?: number; depth?: number; pending?: boolean };

/**
 * customer.timeline {openid, cursor?}: everything the customer did, newest first, 20 a page (stable
 * cursor on the event time then id); visits carry their time spent and read depth.
 * Round trips: caller and customer together + 1.
 */
export const timeline = action(contract.timeline)({
  access: CUSTOMER_360_ROLES,
  users: (input) => [input.openid],
  async run(input, ctx) {
    const u = ownCustomer(ctx, input.openid);
    const raw = await store.find<StoredEvent>('customer_events', afterCursor({ openid: u._id }, 'at', input.cursor), { orderBy: [['at', 'desc']], limit: PAGE + 1 });
    const { rows, nextCursor } = pageOf(raw, PAGE, (e) => e.at);
    const items = rows.map((e) => ({
      eventId: e._id,
      type: e.type,
      at: e.at,
      salesId: e.salesId,
      seconds: typeof e.seconds === 'number' ? e.seconds : null,
      depth: typeof e.depth === 'number' ? e.depth : null,
      data: e.data,
    })) as TimelineItem[];
    return { items, nextCursor };
  },
});
