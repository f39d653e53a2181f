import { action, store } from '../_platform';
import { material as contract } from '../../shared/contract';
import { parseMaterial } from '../../shared/materials/material';
import { materialItem } from './view';

const PAGE = 20;

/**
 * material.list {tag?, cursor?}: active materials, latest published first, 20 a page (stable
 * cursor on publishedAt then _id). Invalid documents are skipped (admin.promotionHealth reports
 * them). Round trips: caller + 1.
 */
export const list = action(contract.list)({
  access: ['sales', 'boss', 'ops'],
  async run(input) {
    const where = { status: 'active', ...(input.tag ? { tags: input.tag } : {}) };
    const { items: rows, nextCursor } = await store.findPage<{ _id: string }>('materials', where, { orderBy: ['publishedAt', 'desc'], limit: PAGE, cursor: input.cursor });
    const items = rows.map((r) => parseMaterial(r)).flatMap((r) => (r.ok ? [materialItem(r.material)] : []));
    return { items, nextCursor };
  },
});
