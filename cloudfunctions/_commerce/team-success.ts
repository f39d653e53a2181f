/**
 * What a team's success does, applied once its move won: its paid orders go to the warehouse
 * (`shipTeam`), then a ladder team's paid members get the difference to the reached tier back
 * (`rebateTier`, one refund per order). Each applies once however often it is asked (a re-delivery,
 * two sweeps): `shipTeam` moves only orders still paid, a rebate is one transaction per order.
 */
import { isAppError } from '../../shared/errors';
import { teamChange, type Effect } from '../../shared/lifecycle';
import type { Order } from '../../shared/orders';
import type { ActionContext } from '../_platform';
import { applyChange, applyEffect } from './effects';
import { mustWrite } from './steps';
import { rebateOrder } from './orders/rebate-order';

type Ctx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

/** What applying a success did: whether every difference refund is recorded, and the orders this call refunded (their events still to deliver). */
export interface SuccessApplied {
  /** False when a refund failed: left to the sweep, which finds the team's rebates still due. */
  done: boolean;
  rebated: Order[];
}

/**
 * Applies a success's effects in order. A difference refund no longer owed (the order was
 * refunded meanwhile, or refunded its difference already) counts as done; once all are, the team's
 * rebates are settled (`settleRebates`, guarded: once).
 */
export async function applySuccessEffects(ctx: Ctx, effects: readonly Effect[]): Promise<SuccessApplied> {
  for (const e of effects.filter((x) => x.type !== 'rebateTier')) await applyEffect(ctx, e);
  const rebates = effects.filter((x): x is Extract<Effect, { type: 'rebateTier' }> => x.type === 'rebateTier');
  const outcomes = await Promise.all(
    rebates.map((e) =>
      rebateOrder(ctx, e.orderId, e.tier).then(
        (r) => ({ ok: true, order: r.created ? r.order : undefined }),
        (err: unknown) => {
          if (isAppError(err) && err.code === 'FAILED_PRECONDITION') return { ok: true, order: undefined };
          console.error(`[commerce] request ${ctx.requestId}: difference refund of ${e.orderId} (team ${e.teamId}) left to the sweep`, err);
          return { ok: false, order: undefined };
        },
      ),
    ),
  );
  const done = outcomes.every((o) => o.ok);
  const teamId = rebates[0]?.teamId;
  if (done && teamId) await mustWrite(() => applyChange(teamChange(teamId, 0, { type: 'settleRebates' }, ctx.now)));
  return { done, rebated: outcomes.flatMap((o) => (o.order ? [o.order] : [])) };
}
