import { action, AppError, store } from '../_platform';
import { material as contract } from '../../shared/contract';
import { parseMaterial } from '../../shared/materials/material';

/**
 * material.setStatus {materialId, status}: ops publish (`active`; the first time sets
 * `publishedAt`, the list's order), pause, end or draft a material. An invalid document cannot be
 * published (FAILED_PRECONDITION names the field). Round trips: caller + read + write.
 */
export const setStatus = action(contract.setStatus)({
  access: ['ops'],
  async run(input, ctx) {
    const doc = await store.getById<{ _id: string; publishedAt?: Date | null }>('materials', input.materialId);
    if (!doc) throw new AppError('NOT_FOUND', `materialId: no material ${input.materialId}`);
    const parsed = parseMaterial({ ...doc, status: input.status });
    if (!parsed.ok && input.status === 'active') throw new AppError('FAILED_PRECONDITION', `material: ${parsed.problems[0]}`);
    const publishedAt = doc.publishedAt ?? (input.status === 'active' ? ctx.now : null);
    await store.updateById('materials', input.materialId, { status: input.status, publishedAt, updatedAt: ctx.now });
    return { materialId: input.materialId, status: input.status, publishedAt };
  },
});
