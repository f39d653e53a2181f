import { action, store } from '../_platform';
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
    const { items: rows, nextCursor } = await store.findPage<StoredEvent>('customer_events', { openid: u._id }, { orderBy: ['at', 'desc'], limit: PAGE, cursor: input.cursor });
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
