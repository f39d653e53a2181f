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
import { AppError, action, defineFunction } from '../_platform';
import { coupon as contract } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { couponWindow, decideClaim, effectiveCouponStatus, type Coupon } from '../../shared/coupons';
import { checkPromotion, isActive, type CouponTemplate } from '../../shared/promotions';
import { claimedByTemplate, heldClaims, takeSlotQuery } from '../_commerce/coupon-claims';
import { undoWithRetry } from '../_commerce/steps';
import { cmd, col, find, getById, guardedUpdate } from '../_commerce/store';

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
  list: action(contract.list)({
    run: async (_input, ctx) => {
      const raw = await find<Record<string, unknown>>('coupon_templates', { status: 'active' }, 100);
      const live = raw
        .map((doc) => checkPromotion('coupon_templates', doc))
        .flatMap((r) => (r.ok && isActive(r.value, ctx.now) ? [r.value] : []));
      // The caller's claim counts came with the caller's user document (no extra read).
      const claimed = claimedByTemplate(ctx.user, live.map((t) => t._id));
      return {
        templates: live.map((t) => {
          const claimedByMe = claimed.get(t._id) ?? 0;
          return {
            templateId: t._id,
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

  claim: action(contract.claim)({
    run: async (input, ctx) => {
      const _ = cmd();
      const templateId = input.templateId;
      const held = heldClaims(ctx.user, templateId, ctx.now);

      // Round trip 2: take one unit of stock from an active template the caller is (as far as the
      // loaded user document shows) still under the limits of, and get the template back. A caller
      // already at a limit never touches the stock, so they cannot make others see SOLD_OUT.
      // Dates are checked on the returned document (ops may type them as ISO strings).
      const takeWhere: Record<string, unknown> = { _id: templateId, status: 'active', stock: _.gt(0), perUserLimit: _.gt(held.total) };
      if (held.today > 0) takeWhere.perDayLimit = _.or(_.exists(false), _.gt(held.today));
      const taken = (await col('coupon_templates').where(takeWhere).updateAndReturn({ stock: _.inc(-1), issuedCount: _.inc(1) })) as {
        updated?: number;
        doc?: unknown;
      };
      if (Number(taken.updated ?? 0) !== 1) {
        // Round trip 3 (refusals only): read the template to name the reason.
        const decision = decideClaim(await getById<unknown>('coupon_templates', templateId), held, ctx.now);
        refuse(templateId, decision.ok ? 'SOLD_OUT' : decision.code, decision.ok ? undefined : decision.problems);
      }
      const putBack = () =>
        undoWithRetry(`stock of ${templateId}`, ctx.requestId, () => col('coupon_templates').doc(templateId).update({ stock: _.inc(1), issuedCount: _.inc(-1) }));
      const decision = decideClaim(taken.doc, held, ctx.now, true);
      if (!decision.ok) {
        await putBack();
        refuse(templateId, decision.code, decision.problems);
      }
      const t: CouponTemplate = decision.template;

      // Round trip 3: one slot of the per-user and per-day limits, on the caller's own document.
      const slot = takeSlotQuery(ctx.user, templateId, t, ctx.now);
      let slotTaken = false;
      try {
        slotTaken = await guardedUpdate('users', slot.where, slot.update);
      } catch (err) {
        await putBack();
        throw err;
      }
      if (!slotTaken) {
        await putBack();
        refuse(templateId, 'LIMIT_REACHED');
      }

      // Round trip 4: the coupon, with a snapshot of the terms.
      const window = couponWindow(t.validity, ctx.now);
      const coupon: Coupon = {
        _id: `c${ctx.newId(15)}`,
        templateId: t._id,
        ownerOpenid: ctx.openid,
        title: t.title,
        rule: t.rule,
        scope: t.scope,
        allowOnGroup: t.allowOnGroup ?? false,
        status: 'unused',
        claimedAt: ctx.now,
        validFromAt: window.validFromAt,
        validToAt: window.validToAt,
        orderId: null,
        lockedAt: null,
        usedAt: null,
        shareId: input.shareId ?? null,
      };
      try {
        await col('coupons').add(coupon);
      } catch (err) {
        await Promise.all([putBack(), undoWithRetry(`claim slot of ${templateId}`, ctx.requestId, () => col('users').doc(ctx.openid).update(slot.undo))]);
        throw err;
      }
      return { couponId: coupon._id, validFromAt: coupon.validFromAt, validToAt: coupon.validToAt };
    },
  }),

  mine: action(contract.mine)({
    run: async (input, ctx) => {
      const coupons = await find<Coupon>('coupons', { ownerOpenid: ctx.openid }, 200, ['claimedAt', 'desc']);
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
