/**
 * Demo people: a boss, an ops user, three salespeople with different shelves, four customers; their
 * avatars (and the brand's logo) are files in storage (`avatarFileId`, `logoFileId`: seed/files.ts).
 * `persona: true` lists them in /_emulator/personas for the h5 persona switcher.
 */
import { seedFileId } from './files';
import type { SeedDoc } from './window';

export const PERSONAS = {
  boss: 'o_boss',
  ops: 'o_ops',
  salesLi: 'o_sales_li',
  salesWang: 'o_sales_wang',
  salesZhao: 'o_sales_zhao',
  customers: ['o_cust_1', 'o_cust_2', 'o_cust_3', 'o_cust_4'],
} as const;

export function seedPeople(now: Date): { users: SeedDoc[]; settings: SeedDoc[] } {
  const sales = (id: string, name: string, title: string, slogan: string, shelf: string[], avatar: string): SeedDoc => ({
    _id: id,
    role: 'sales',
    name,
    title,
    slogan,
    avatarFileId: seedFileId(`avatars/${avatar}.svg`),
    shelfProductIds: shelf,
    persona: true,
    createdAt: now,
  });
  const users: SeedDoc[] = [
    { _id: PERSONAS.boss, role: 'boss', name: '陈总（老板）', avatarFileId: seedFileId('avatars/boss.svg'), persona: true, createdAt: now },
    { _id: PERSONAS.ops, role: 'ops', name: '周运营', avatarFileId: seedFileId('avatars/ops.svg'), persona: true, createdAt: now },
    sales(PERSONAS.salesLi, '李娜', '茶饮顾问', '好茶不贵，喝得放心', ['p01', 'p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p08'], 'li'),
    sales(PERSONAS.salesWang, '王强', '粮油干货专员', '家里的米面粮油，我来包', ['p01', 'p02', 'p05', 'p09', 'p10', 'p11'], 'wang'),
    sales(PERSONAS.salesZhao, '赵敏', '生活方式买手', '一杯茶的讲究', ['p03', 'p04', 'p06', 'p07', 'p08', 'p12'], 'zhao'),
    ...PERSONAS.customers.map((id, i) => ({
      _id: id,
      role: 'customer',
      name: ['小美', '阿杰', '老刘', '婷婷'][i],
      avatarFileId: seedFileId(`avatars/c${i + 1}.svg`),
      persona: true,
      createdAt: now,
    })),
  ];
  const settings: SeedDoc[] = [
    { _id: 'brand', name: '山野良品', slogan: '好物从产地来', logoFileId: seedFileId('brand/logo.svg'), defaultSalesId: PERSONAS.salesLi },
  ];
  return { users, settings };
}
