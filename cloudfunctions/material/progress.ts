import { action, AppError, store } from '../_platform';
import { material as contract } from '../../shared/contract';
import { VISIT_TYPES, type VisitProgress } from '../../shared/customers';
import { boundProgress, openedNoLaterThan } from '../../shared/materials/progress';

type VisitDoc = Partial<VisitProgress> & { _id: string; openid: string; type: string; at: Date };

/**
 * material.progress {visitId, seconds, depth}: the reader's time and scroll depth on one of their
 * own visits (a material, product or card page), kept as maxima with `_.max` — concurrent and
 * out-of-order reports lose nothing and never lower a value. One guarded write when the seconds
 * fit the time elapsed since the visit opened (server clock); otherwise the visit is read and the
 * seconds capped at that time. The caller's document is not read: the visit names its reader.
 * Round trips: 1 (+ 1 read, + 1 capped write).
 */
export const progress = action(contract.progress)({
  loadCaller: false,
  async run(input, ctx) {
    const _ = store.command();
    const raise = (seconds: number, depth: number) => ({ seconds: _.max(seconds), depth: _.max(depth), lastReportAt: _.max(ctx.now) });
    const mine = { _id: input.visitId, openid: ctx.openid, type: _.in([...VISIT_TYPES]) };
    if (await store.guardedUpdate('customer_events', { ...mine, at: _.lte(openedNoLaterThan(input.seconds, ctx.now)) }, raise(input.seconds, input.depth))) {
      return { visitId: input.visitId, seconds: input.seconds, depth: input.depth };
    }
    const visit = await store.getById<VisitDoc>('customer_events', input.visitId);
    if (!visit || visit.openid !== ctx.openid || !(VISIT_TYPES as readonly string[]).includes(visit.type)) throw new AppError('NOT_FOUND', `visitId: no visit ${input.visitId}`);
    const bounded = boundProgress(input, visit.at, ctx.now);
    if (bounded.seconds > (visit.seconds ?? 0) || bounded.depth > (visit.depth ?? 0)) {
      await store.guardedUpdate('customer_events', { ...mine, at: _.lte(openedNoLaterThan(bounded.seconds, ctx.now)) }, raise(bounded.seconds, bounded.depth));
    }
    return { visitId: input.visitId, ...bounded };
  },
});
