/**
 * coupon: list the templates on offer, claim one (total, per-user and per-day limits, each an
 * atomic guard), list mine.
 *
 * claim costs at most 4 round trips: one read of the template together with the caller's user
 * document (its claim counts), one guarded take of the template's stock, one guarded update of
 * the caller's counts (for a first visit: the caller's registration, carrying the counts), the
 * coupon insert. A refusal costs 1 (decided on the read: missing, invalid, not live, a limit,
 * sold out), 3 (the take lost a race since the read: one more read names the reason) or 4 (the
 * slot was refused after the take: the stock is put back). See docs/commerce.md.
 *
 * A write whose reply is lost may have been applied: the claim's coupon id is remembered by the
 * template's take and the caller's slot (`recentTakes`, `recentClaims`), so giving them back is
 * guarded on that marker and happens once; a coupon insert whose reply is lost is read back.
 */
import { AppError, action, defineFunction, newCustomerDoc, store } from '../_platform';
import { coupon as contract } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { decideClaim, effectiveCouponStatus, issueCoupon, type Coupon } from '../../shared/coupons';
import { checkPromotion, isLive, type CouponTemplate } from '../../shared/promotions';
import { claimedByTemplate, firstClaimDoc, heldClaims, onlyCouponClaims, onlyCouponId, putBackTake, readClaimTarget, rememberClaim, takeSlotQuery } from '../_commerce/coupon-claims';
import { undoWithRetry } from '../_commerce/steps';
import { couponRuleForCaller, findTemplatesOnOffer } from '../_commerce/coupon-amount';

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
      const offered = await findTemplatesOnOffer(); // each with its coupon-amount experiments
      const live = offered
        .map((row) => ({ check: checkPromotion('coupon_templates', row.template), experiments: row.experiments }))
        .flatMap(({ check, experiments }) => (check.ok && isLive(check.value, ctx.now) ? [{ ...check.value, rule: couponRuleForCaller(check.value, experiments, ctx.openid, ctx.now) }] : []));
      // The caller's claim counts came with the caller's user document; its one-per-customer
      // coupons (issued while a template's limit was 1; they count after a raise too) are read
      // by id in one read.
      const claimed = claimedByTemplate(ctx.user, live.map((t) => t._id));
      const onlyIds = ctx.openid ? new Map(live.map((t) => [onlyCouponId(t._id, ctx.openid), t._id])) : new Map<string, string>();
      if (onlyIds.size > 0) {
        const held = await store.find<{ _id: string }>('coupons', { _id: store.command().in([...onlyIds.keys()]) }, { limit: onlyIds.size, fields: { _id: true } });
        for (const c of held) {
          const templateId = onlyIds.get(c._id);
          if (templateId) claimed.set(templateId, (claimed.get(templateId) ?? 0) + 1);
        }
      }
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
    // The claim reads the caller's document together with the template, and its slot write
    // registers a first-time caller: the platform's own read and registration would be extra.
    loadCaller: false,
    run: async (input, ctx) => {
      const _ = store.command();
      const templateId = input.templateId;

      // Round trip 1: the template, the caller's claim counts and the caller's one-per-customer
      // coupon of it, in one read. Every refusal that needs no write is decided here (missing,
      // invalid, not live, a limit, sold out) — the stock is never touched for them. Dates are
      // checked here (ops may type them as ISO strings).
      const { template: raw, caller, onlyClaimedAt, experiments } = await readClaimTarget(templateId, ctx.openid);
      const elsewhere = onlyCouponClaims(onlyClaimedAt, ctx.now);
      const counted = caller ? heldClaims(caller, templateId, ctx.now) : { total: 0, today: 0 };
      const held = { total: counted.total + elsewhere.total, today: counted.today + elsewhere.today };
      const read = decideClaim(raw, held, ctx.now);
      if (!read.ok) refuse(templateId, read.code, read.problems);
      const t: CouponTemplate = read.template;

      // One per customer: the coupon's own id is the customer's slot (see onlyCouponId), and the
      // take remembers a token of this claim (concurrent claims of one customer share the id).
      const onePerCustomer = t.perUserLimit === 1;
      const couponId = onePerCustomer ? onlyCouponId(templateId, ctx.openid) : `c${ctx.newId(15)}`;
      const marker = onePerCustomer ? `k${ctx.newId(15)}` : couponId;

      // Round trip 2: take one unit of stock from the template while it is active and the caller
      // (as the document showed) still under its limits. A caller already at a limit never
      // touches the stock, so they cannot make others see SOLD_OUT.
      const putBack = () => undoWithRetry(`stock of ${templateId}`, ctx.requestId, () => putBackTake(templateId, marker));
      const takeWhere: Record<string, unknown> = { _id: templateId, status: 'active', stock: _.gt(0), perUserLimit: _.gt(held.total) };
      if (held.today > 0) takeWhere.perDayLimit = _.or(_.exists(false), _.gt(held.today));
      let took: boolean;
      try {
        took = await store.guardedUpdate('coupon_templates', takeWhere, { stock: _.inc(-1), issuedCount: _.inc(1), recentTakes: rememberClaim(marker) });
      } catch (err) {
        await putBack(); // the take may have been applied with its reply lost
        throw err;
      }
      if (!took) {
        // Round trip 3 (a race lost since the read): read the template again to name the reason.
        const again = decideClaim(await store.getById<unknown>('coupon_templates', templateId), held, ctx.now);
        refuse(templateId, again.ok ? 'SOLD_OUT' : again.code, again.ok ? undefined : again.problems);
      }

      const coupon: Coupon = {
        ...issueCoupon({ ...t, rule: couponRuleForCaller(t, experiments, ctx.openid, ctx.now) }, { couponId, ownerOpenid: ctx.openid, claimedAt: ctx.now, shareId: input.shareId ?? null }),
        ...(onePerCustomer ? { claimToken: marker } : {}),
      };
      if (onePerCustomer) {
        // Round trip 3: the coupon, whose insert is the slot (a duplicate: the customer has it).
        let inserted: boolean;
        try {
          inserted = await store.insertOnce('coupons', coupon);
        } catch (err) {
          // A lost reply: the coupon may be there all the same, and is this claim's if it carries its token.
          const back = await store.getById<Coupon>('coupons', couponId).catch(() => undefined);
          if (back?.claimToken !== marker) {
            await putBack();
            throw err;
          }
          inserted = true;
        }
        if (!inserted) {
          await putBack();
          refuse(templateId, 'LIMIT_REACHED');
        }
        return { couponId, validFromAt: coupon.validFromAt, validToAt: coupon.validToAt };
      }

      // Round trip 3: one slot of the per-user and per-day limits, on the caller's own document;
      // for a first visit, the caller's registration carries the slot (a duplicate means a
      // concurrent call registered the caller: the slot is then taken on that document).
      const callerDoc = caller ?? newCustomerDoc(ctx.openid, ctx.now);
      const slot = takeSlotQuery(callerDoc, templateId, t, ctx.now, couponId, elsewhere);
      const giveSlotBack = () => undoWithRetry(`claim slot of ${templateId}`, ctx.requestId, () => store.guardedUpdate('users', slot.undoWhere, slot.undo));
      let slotTaken = false;
      try {
        const registered = !caller && (await store.insertOnce('users', firstClaimDoc(callerDoc, templateId, ctx.now, couponId)));
        slotTaken = registered || (await store.guardedUpdate('users', slot.where, slot.update));
      } catch (err) {
        await Promise.all([putBack(), giveSlotBack()]);
        throw err;
      }
      if (!slotTaken) {
        await putBack();
        refuse(templateId, 'LIMIT_REACHED');
      }

      // Round trip 4: the coupon, with a snapshot of the terms.
      try {
        await store.insert('coupons', coupon);
      } catch (err) {
        // A lost reply: the coupon may be there all the same (its id is this claim's own).
        if (!(await store.getById('coupons', couponId).catch(() => undefined))) {
          await Promise.all([putBack(), giveSlotBack()]);
          throw err;
        }
      }
      return { couponId: coupon._id, validFromAt: coupon.validFromAt, validToAt: coupon.validToAt };
    },
  }),

  mine: action(contract.mine)({
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
