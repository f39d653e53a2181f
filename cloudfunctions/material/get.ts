import { action, AppError, store } from '../_platform';
import { material as contract } from '../../shared/contract';
import { activeSalesId, type GrowthUserFields } from '../../shared/growth';
import { parseMaterial } from '../../shared/materials/material';
import { openVisit } from '../_customers/visits';
import { materialItem } from './view';

/**
 * material.get {materialId}: a material to read. A customer reads active ones only, and their read
 * opens a visit (one per half hour) in their event stream — which alerts their salesperson; staff
 * preview any status without a visit. Round trips: caller + material (+ the visit's event, summary
 * and alert for a customer).
 */
export const get = action(contract.get)({
  async run(input, ctx) {
    const parsed = parseMaterial(await store.getById('materials', input.materialId));
    const isCustomer = ctx.user.role === 'customer';
    if (!parsed.ok || (isCustomer && parsed.material.status !== 'active')) throw new AppError('NOT_FOUND', `materialId: no material ${input.materialId}`);
    const m = parsed.material;
    const visitId = isCustomer
      ? await openVisit(ctx, {
          type: 'material_read',
          openid: ctx.openid,
          salesId: activeSalesId(ctx.user as GrowthUserFields, ctx.now),
          targetId: m._id,
          data: { materialId: m._id, title: m.title, kind: m.content.kind },
          customerName: ctx.user.name,
        })
      : null;
    return { material: { ...materialItem(m), content: m.content }, visitId };
  },
});
