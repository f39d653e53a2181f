import { action, AppError, store } from '../_platform';
import { material as contract } from '../../shared/contract';
import { parseMaterial } from '../../shared/materials/material';

/**
 * material.save {material}: ops create a material (as a draft) or replace one's fields, keeping
 * its status and publication date — the console edits the same documents. Round trips: caller +
 * 1 insert (+ 1 update when it exists).
 */
export const save = action(contract.save)({
  access: ['ops'],
  async run(input, ctx) {
    const m = input.material;
    const fields = { title: m.title, cover: m.cover, tags: m.tags, productId: m.productId ?? null, content: m.content };
    const fresh = { _id: m._id, ...fields, ...(m.summary ? { summary: m.summary } : {}), status: 'draft' as const, publishedAt: null, createdAt: ctx.now, updatedAt: ctx.now };
    if (!parseMaterial(fresh).ok) throw new AppError('INVALID_ARGUMENT', 'material: does not make a valid document');
    if (await store.insertOnce('materials', fresh)) return { materialId: m._id, status: 'draft' as const, created: true };
    const _ = store.command();
    const updated = await store.updateAndReturn<{ status: string }>(
      'materials',
      { _id: m._id },
      { ...fields, tags: _.set(m.tags), content: _.set(m.content), summary: m.summary ? m.summary : _.remove(), updatedAt: ctx.now },
    );
    if (!updated) throw new AppError('CONFLICT', 'material: changed meanwhile, retry');
    const status = parseMaterial(updated).ok ? (updated.status as 'draft') : 'draft';
    return { materialId: m._id, status, created: false };
  },
});
