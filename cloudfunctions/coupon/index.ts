/**
 * coupon: list the templates on offer, claim one (total, per-user and per-day limits, each an
 * atomic guard), list mine.
 *
 * claim costs at most 4 round trips: the caller's user document (the platform's read, which
 * carries the caller's claim counts), one guarded take of the template's stock that returns the
 * template, one guarded update of the caller's counts, the coupon insert. A refusal costs at most
 * 3 (the take matched nothing: one read names the reason) or 4 (limit reached after the take: the
 * stock is put back). See docs/commerce.md.
 */
import { z } from 'zod';
import { AppError, action, defineFunction, store } from '../_platform';
import type { ErrorCode } from '../../shared/errors';
import { COUPON_STATUSES, decideClaim, effectiveCouponStatus, issueCoupon, type Coupon } from '../../shared/coupons';
import { checkPromotion, isLive, type CouponTemplate } from '../../shared/promotions';
import { claimedByTemplate, heldClaims, takeSlotQuery } from '../_commerce/coupon-claims';
import { idField } from '../_commerce/inputs';
import { undoWithRetry } from '../_commerce/steps';

const REFUSALS: Partial<Record<ErrorCode, string>> = {
  NOT_FOUND: 'no such coupon',
  FAILED_PRECONDITION: 'this coupon is not available',
  EXPIRED: 'this coupon is not on offer now',
  SOLD_OUT: 'no coupons left',
  LIMIT_REACHED: 'you have claimed as many as allowed',
};

function refuse(templateId: string, code: ErrorCode, problems?: string[]): never {
  if (problems) console.warn(`[commerce] coupon_templates/${templateId} is invalid: ${problems.join('; ')}`);
  throw new AppError(code, REFUSALS[code] ?? 'this coupon cannot be claimed');
}

export const main = defineFunction('coupon', {
  list: action({
    input: {},
    run: async (_input, ctx) => {
      const raw = await store.find<Record<string, unknown>>('coupon_templates', { status: 'active' }, { limit: 100 });
      const live = raw
        .map((doc) => checkPromotion('coupon_templates', doc))
        .flatMap((r) => (r.ok && isLive(r.value, ctx.now) ? [r.value] : []));
      // The caller's claim counts came with the caller's user document (no extra read).
      const claimed = claimedByTemplate(ctx.user, live.map((t) => t._id));
      return {
        templates: live.map((t) => {
          const claimedByMe = claimed.get(t._id) ?? 0;
          return {
            id: t._id,
            title: t.title,
            description: t.description ?? null,
            kind: t.rule.kind,
            rule: t.rule,
            scope: t.scope,
            validity: t.validity,
            remaining: t.stock,
            perUserLimit: t.perUserLimit,
            perDayLimit: t.perDayLimit ?? null,
            claimedByMe,
            canClaim: t.stock > 0 && claimedByMe < t.perUserLimit,
            endAt: t.endAt,
          };
        }),
      };
    },
  }),

  claim: action({
    input: { templateId: idField, shareId: idField.optional() },
    run: async (input, ctx) => {
      const _ = store.command();
      const templateId = input.templateId;
      const held = heldClaims(ctx.user, templateId, ctx.now);

      // Round trip 2: take one unit of stock from an active template the caller is (as far as the
      // loaded user document shows) still under the limits of, and get the template back. A caller
      // already at a limit never touches the stock, so they cannot make others see SOLD_OUT.
      // Dates are checked on the returned document (ops may type them as ISO strings).
      const takeWhere: Record<string, unknown> = { _id: templateId, status: 'active', stock: _.gt(0), perUserLimit: _.gt(held.total) };
      if (held.today > 0) takeWhere.perDayLimit = _.or(_.exists(false), _.gt(held.today));
      const taken = await store.updateAndReturn<unknown>('coupon_templates', takeWhere, { stock: _.inc(-1), issuedCount: _.inc(1) });
      if (taken === undefined) {
        // Round trip 3 (refusals only): read the template to name the reason.
        const decision = decideClaim(await store.getById<unknown>('coupon_templates', templateId), held, ctx.now);
        refuse(templateId, decision.ok ? 'SOLD_OUT' : decision.code, decision.ok ? undefined : decision.problems);
      }
      const putBack = () =>
        undoWithRetry(`stock of ${templateId}`, ctx.requestId, () => store.updateById('coupon_templates', templateId, { stock: _.inc(1), issuedCount: _.inc(-1) }));
      const decision = decideClaim(taken, held, ctx.now, true);
      if (!decision.ok) {
        await putBack();
        refuse(templateId, decision.code, decision.problems);
      }
      const t: CouponTemplate = decision.template;

      // Round trip 3: one slot of the per-user and per-day limits, on the caller's own document.
      const slot = takeSlotQuery(ctx.user, templateId, t, ctx.now);
      let slotTaken = false;
      try {
        slotTaken = await store.guardedUpdate('users', slot.where, slot.update);
      } catch (err) {
        await putBack();
        throw err;
      }
      if (!slotTaken) {
        await putBack();
        refuse(templateId, 'LIMIT_REACHED');
      }

      // Round trip 4: the coupon, with a snapshot of the terms.
      const coupon = issueCoupon(t, { couponId: `c${ctx.newId(15)}`, ownerOpenid: ctx.openid, claimedAt: ctx.now, shareId: input.shareId ?? null });
      try {
        await store.insert('coupons', coupon);
      } catch (err) {
        await Promise.all([putBack(), undoWithRetry(`claim slot of ${templateId}`, ctx.requestId, () => store.updateById('users', ctx.openid, slot.undo))]);
        throw err;
      }
      return { couponId: coupon._id, validFromAt: coupon.validFromAt, validToAt: coupon.validToAt };
    },
  }),

  mine: action({
    input: { status: z.enum(COUPON_STATUSES).optional() },
    run: async (input, ctx) => {
      const coupons = await store.find<Coupon>('coupons', { ownerOpenid: ctx.openid }, { orderBy: [['claimedAt', 'desc']], limit: 200 });
      const view = coupons.map((c) => ({
        couponId: c._id,
        templateId: c.templateId,
        title: c.title,
        kind: c.rule.kind,
        rule: c.rule,
        scope: c.scope,
        status: effectiveCouponStatus(c, ctx.now),
        validFromAt: c.validFromAt,
        validToAt: c.validToAt,
        orderId: c.orderId,
      }));
      return { coupons: input.status ? view.filter((c) => c.status === input.status) : view };
    },
  }),
});
