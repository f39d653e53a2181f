/**
 * coupon: list the templates on offer, claim one (total, per-user and per-day limits, each an
 * atomic guard), list mine.
 */
import { z } from 'zod';
import { AppError, action, defineFunction, stableId } from '../_platform';
import { chinaDayKey, COUPON_STATUSES, couponWindow, effectiveCouponStatus, type Coupon } from '../../shared/coupons';
import { checkPromotion, isActive } from '../../shared/promotions';
import { idField } from '../_commerce/inputs';
import { loadActiveTemplate } from '../_commerce/promotions';
import { Steps } from '../_commerce/steps';
import { cmd, col, find, findByIds, guardedUpdate, insertUnique } from '../_commerce/store';

interface ClaimCounter {
  _id: string;
  count: number;
}

const userCounterId = (templateId: string, openid: string) => `u_${stableId(templateId, openid)}`;
const dayCounterId = (templateId: string, openid: string, day: string) => `d_${stableId(templateId, openid, day)}`;

/** Takes one slot of a counter (`count < limit`), creating it on first use. */
async function takeSlot(id: string, limit: number, fields: Record<string, unknown>): Promise<boolean> {
  if (await insertUnique('coupon_claims', { _id: id, ...fields, count: 1 })) return true;
  return guardedUpdate('coupon_claims', { _id: id, count: cmd().lt(limit) }, { count: cmd().inc(1) });
}

export const main = defineFunction('coupon', {
  list: action({
    input: {},
    run: async (_input, ctx) => {
      const raw = await find<Record<string, unknown>>('coupon_templates', { status: 'active' }, 100);
      const live = raw
        .map((doc) => checkPromotion('coupon_templates', doc))
        .flatMap((r) => (r.ok && isActive(r.value, ctx.now) ? [r.value] : []));
      const mine = await findByIds<ClaimCounter>('coupon_claims', live.map((t) => userCounterId(t._id, ctx.openid)));
      const claimed = new Map(mine.map((c) => [c._id, c.count]));
      return {
        templates: live.map((t) => {
          const claimedByMe = claimed.get(userCounterId(t._id, ctx.openid)) ?? 0;
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
      const t = await loadActiveTemplate(input.templateId, ctx.now);
      if (t.stock <= 0) throw new AppError('SOLD_OUT', 'no coupons left');
      const _ = cmd();
      const steps = new Steps();
      try {
        const userId = userCounterId(t._id, ctx.openid);
        const userOk = await takeSlot(userId, t.perUserLimit, { templateId: t._id, openid: ctx.openid, kind: 'user' });
        if (!userOk) throw new AppError('LIMIT_REACHED', `at most ${t.perUserLimit} per customer`);
        await steps.run('user limit', async () => undefined, () => col('coupon_claims').doc(userId).update({ count: _.inc(-1) }));
        if (t.perDayLimit) {
          const day = chinaDayKey(ctx.now);
          const dayId = dayCounterId(t._id, ctx.openid, day);
          const dayOk = await takeSlot(dayId, t.perDayLimit, { templateId: t._id, openid: ctx.openid, kind: 'day', day });
          if (!dayOk) throw new AppError('LIMIT_REACHED', `at most ${t.perDayLimit} per customer per day`);
          await steps.run('day limit', async () => undefined, () => col('coupon_claims').doc(dayId).update({ count: _.inc(-1) }));
        }
        const taken = await guardedUpdate(
          'coupon_templates',
          { _id: t._id, status: 'active', stock: _.gt(0) },
          { stock: _.inc(-1), issuedCount: _.inc(1) },
        );
        if (!taken) throw new AppError('SOLD_OUT', 'no coupons left');
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
        await col('coupons').add(coupon);
        return { couponId: coupon._id, validFromAt: coupon.validFromAt, validToAt: coupon.validToAt };
      } catch (err) {
        await steps.compensate(ctx.requestId);
        throw err;
      }
    },
  }),

  mine: action({
    input: { status: z.enum(COUPON_STATUSES).optional() },
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
