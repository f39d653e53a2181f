import { useTestCloud } from '../../emulator/testing';
import { findPage } from './store';

const t = useTestCloud({ seed: false });
const SAME = new Date('2026-06-01T02:00:00Z');

it('pages 30 documents with equal sort keys 7 at a time: each seen exactly once, in _id order within the tie', async () => {
  const ids = Array.from({ length: 30 }, (_, i) => `o${String(i).padStart(2, '0')}`);
  await t.cloud.db.collection('orders').add(ids.map((_id) => ({ _id, buyerOpenid: 'o_cust_1', createdAt: SAME })));
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Awaited<ReturnType<typeof findPage<{ _id: string }>>> = await findPage<{ _id: string }>(
      'orders',
      { buyerOpenid: 'o_cust_1' },
      { orderBy: ['createdAt', 'desc'], limit: 7, cursor },
    );
    seen.push(...page.items.map((o) => o._id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 10);
  expect(pages).toBe(5);
  expect(seen).toEqual([...ids].reverse());
});

it('refuses a cursor it did not give with INVALID_ARGUMENT', async () => {
  await expect(findPage('orders', { buyerOpenid: 'o_cust_1' }, { orderBy: ['createdAt', 'desc'], limit: 7, cursor: 'not-a-cursor' })).rejects.toMatchObject({
    code: 'INVALID_ARGUMENT',
  });
});
