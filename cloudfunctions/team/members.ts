import { store, type ActionContext } from '../_platform';

/** Members a page shows. */
export const MEMBERS_PAGE = 20;

interface MemberDoc {
  _id: string;
  role: 'sales' | 'former_sales';
  name?: string;
  title?: string;
  heirId?: string | null;
  createdAt?: Date;
}

/**
 * team.members {cursor?} → salespeople and former salespeople, newest user first, with their heir.
 * Round trips: 1 caller + 1 page + 1 read of the heirs' names (when a page has former salespeople).
 */
export async function listMembers(input: { cursor?: string }, _ctx: ActionContext) {
  const _ = store.command();
  const page = await store.findPage<MemberDoc>('users', { role: _.in(['sales', 'former_sales']) }, { orderBy: ['createdAt', 'desc'], limit: MEMBERS_PAGE, cursor: input.cursor });
  const heirIds = [...new Set(page.items.flatMap((m) => (m.heirId ? [m.heirId] : [])))];
  const heirs = heirIds.length ? await store.find<MemberDoc>('users', { _id: _.in(heirIds) }, { limit: heirIds.length, fields: { _id: true, name: true } }) : [];
  const names = new Map(heirs.map((h) => [h._id, h.name ?? h._id]));
  return {
    members: page.items.map((m) => ({
      openid: m._id,
      name: m.name ?? m._id,
      title: m.title ?? '',
      role: m.role,
      heirId: m.heirId ?? null,
      heirName: m.heirId ? names.get(m.heirId) ?? null : null,
    })),
    nextCursor: page.nextCursor,
  };
}
