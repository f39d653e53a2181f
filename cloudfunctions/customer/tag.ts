import { action, AppError, store } from '../_platform';
import { customer as contract } from '../../shared/contract';
import { CUSTOMER_360_ROLES, ownCustomer, updateSummary } from './scope';

/** A customer carries at most this many manual tags (adding is refused once reached). */
export const MAX_MANUAL_TAGS = 20;

/**
 * customer.tag {openid, add?, remove?}: tags by hand on the customer's summary (a set: adding one
 * twice keeps one; a tag both added and removed is added). Round trips: caller and customer
 * together + 1 per change (+ 2 the first time the customer has no summary yet).
 */
export const tag = action(contract.tag)({
  access: CUSTOMER_360_ROLES,
  users: (input) => [input.openid],
  async run(input, ctx) {
    const u = ownCustomer(ctx, input.openid);
    const _ = store.command();
    const add = [...new Set(input.add ?? [])];
    const remove = [...new Set(input.remove ?? [])].filter((t) => !add.includes(t));
    let doc: { manualTags?: string[] } | undefined;
    if (add.length) {
      doc = await updateSummary(u, ctx.now, { [`manualTags.${MAX_MANUAL_TAGS - 1}`]: _.exists(false) }, { manualTags: _.addToSet({ $each: add }) });
      // Nothing matched: the tags were all there already (nothing changed), or the limit is reached.
      if (!doc) {
        doc = await store.getById<{ manualTags?: string[] }>('customer_summaries', u._id);
        if (!add.every((t) => doc?.manualTags?.includes(t))) throw new AppError('LIMIT_REACHED', `add: at most ${MAX_MANUAL_TAGS} tags per customer`);
      }
    }
    // A removal that changes nothing matches nothing: the tags are then read as they stand.
    if (remove.length) doc = (await updateSummary(u, ctx.now, {}, { manualTags: _.pullAll(remove) })) ?? doc;
    doc ??= await store.getById<{ manualTags?: string[] }>('customer_summaries', u._id);
    return { openid: u._id, manualTags: doc?.manualTags ?? [] };
  },
});
