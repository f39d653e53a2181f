import { TEAM_IDS } from '../../emulator/seed';
import { useTestCloud } from '../../emulator/testing';
import { decodeQrPng } from '../../emulator/wechat/qr-decode';
import type { Envelope } from '../../shared/errors';
import { payOrder } from '../../tests/support/pay';
import { HOME, giveAddresses } from '../../tests/support/commerce';

const t = useTestCloud();
const BOSS = 'o_boss';
const DAY = 86_400_000;

interface InviteRow {
  code: string;
  uses: number;
  usesLeft: number;
  state: string;
  qrUrl: string;
  path: string;
  acceptedBy: string[];
}
interface Accepted {
  salesId: string;
  name: string;
  title: string;
  repeated: boolean;
}
interface Deactivated {
  auditId: string;
  moved: number;
  heirsRepointed: number;
  repeated: boolean;
}

const doc = async <T = Record<string, unknown>>(collection: string, id: string) =>
  ((await t.cloud.db.collection(collection).doc(id).get()).data as T[])[0];
const codeOf = (r: Envelope<unknown>) => (r.ok ? 'OK' : r.error.code);
const invite = (uses: number, expiresInDays = 7, key = `invite-${uses}-${expiresInDays}`) => t.cloud.ok<InviteRow>('team', { action: 'invite', uses, expiresInDays, idempotencyKey: key }, BOSS);
const accept = (code: string, openid: string, name = '新人', title = '销售顾问') => t.cloud.call<Accepted>('team', { action: 'acceptInvite', code, name, title }, openid);

describe('team.invite', () => {
  it("makes a code and a QR whose scene is the code alone (wxacode.getUnlimited, cached in storage), opening the join page", async () => {
    const row = await invite(3, 7);
    expect(row).toMatchObject({ uses: 3, usesLeft: 3, state: 'open', acceptedBy: [], path: `/packageShop/join/index?code=${row.code}` });
    expect(row.code).toMatch(/^[1-9A-HJ-NP-Za-km-z]{12}$/);
    const png = Buffer.from(await (await fetch(row.qrUrl)).arrayBuffer());
    const text = decodeQrPng(png)!;
    const url = new URL(text);
    expect(url.pathname).toBe('/packageShop/join/index');
    expect(url.searchParams.get('scene')).toBe(row.code);
    expect(await doc('invites', row.code)).toMatchObject({ createdBy: BOSS, uses: 3, usesLeft: 3, expiresAt: new Date(t.cloud.now().getTime() + 7 * DAY), qrFileId: expect.stringMatching(new RegExp(`invites/${row.code}\\.png$`)) });
  });

  it('a repeated request (same key) makes the same invitation once; invites lists them newest first with uses left', async () => {
    const a = await invite(2, 3, 'invite-repeat-0001');
    const again = await invite(2, 3, 'invite-repeat-0001');
    expect(again.code).toBe(a.code);
    t.cloud.advanceClock(60_000);
    const b = await invite(1, 1, 'invite-other-0001');
    const list = await t.cloud.ok<{ invites: InviteRow[]; nextCursor: string | null }>('team', { action: 'invites' }, BOSS);
    expect(list.invites.map((i) => [i.code, i.usesLeft])).toEqual([
      [b.code, 1],
      [a.code, 2],
      [TEAM_IDS.invite, 5],
    ]);
    expect(list.nextCursor).toBeNull();
    expect((await t.cloud.db.collection('invites').count()).total).toBe(3);
  });
});

describe('team.acceptInvite', () => {
  it('a customer becomes a salesperson with a name, a title and an empty shelf; a use is taken', async () => {
    const row = await invite(2);
    const r = await t.cloud.ok<Accepted>('team', { action: 'acceptInvite', code: row.code, name: '周新', title: '社区团长' }, 'o_cust_3');
    expect(r).toEqual({ salesId: 'o_cust_3', name: '周新', title: '社区团长', repeated: false });
    expect(await doc('users', 'o_cust_3')).toMatchObject({ role: 'sales', name: '周新', title: '社区团长', shelfProductIds: [], inviteCode: row.code, invitedBy: BOSS, boundSalesId: null });
    expect(await doc('invites', row.code)).toMatchObject({ usesLeft: 1, acceptedBy: ['o_cust_3'] });
    const shelf = await t.cloud.ok<{ sales: { name: string }; products: unknown[] }>('shelf', { action: 'view', salesId: 'o_cust_3' }, 'o_cust_1');
    expect(shelf).toMatchObject({ sales: { name: '周新' }, products: [] });
    await t.cloud.ok('shelf', { action: 'curate', productIds: ['p01'] }, 'o_cust_3');
  });

  it('the same person twice gets the same answer and takes one use', async () => {
    const row = await invite(2);
    await accept(row.code, 'o_cust_3', '周新');
    const again = await accept(row.code, 'o_cust_3', '别的名字');
    expect(again).toEqual({ ok: true, data: { salesId: 'o_cust_3', name: '周新', title: '销售顾问', repeated: true } });
    expect(await doc('invites', row.code)).toMatchObject({ usesLeft: 1, acceptedBy: ['o_cust_3'] });
    expect(await doc('users', 'o_cust_3')).toMatchObject({ name: '周新' });
  });

  it('refuses an expired invitation (EXPIRED), a used-up one (LIMIT_REACHED), an unknown code (NOT_FOUND) and staff (FAILED_PRECONDITION)', async () => {
    const one = await invite(1, 1);
    expect(codeOf(await accept(one.code, 'o_cust_1'))).toBe('OK');
    expect(codeOf(await accept(one.code, 'o_cust_2'))).toBe('LIMIT_REACHED');
    const week = await invite(3, 1, 'invite-expiring');
    t.cloud.advanceClock(DAY);
    expect(codeOf(await accept(week.code, 'o_cust_2'))).toBe('EXPIRED');
    expect(codeOf(await accept('NoSuchCode12', 'o_cust_2'))).toBe('NOT_FOUND');
    expect(codeOf(await accept('x', 'o_cust_2'))).toBe('NOT_FOUND');
    expect(codeOf(await accept(TEAM_IDS.invite, 'o_sales_li'))).toBe('FAILED_PRECONDITION');
    expect(codeOf(await accept(TEAM_IDS.invite, BOSS))).toBe('FAILED_PRECONDITION');
    expect(await doc('users', 'o_cust_2')).toMatchObject({ role: 'customer' });
    expect(await doc('invites', TEAM_IDS.invite)).toMatchObject({ usesLeft: 5 });
  });

  it('10 people racing for a 3-use invitation → exactly 3 salespeople; one person firing 5 at once → one use', async () => {
    const row = await invite(3);
    const people = Array.from({ length: 10 }, (_, i) => `o_racer_${i}`);
    const replies = await Promise.all(people.map((p) => accept(row.code, p)));
    expect(replies.filter((r) => r.ok)).toHaveLength(3);
    expect(replies.filter((r) => !r.ok).map(codeOf)).toEqual(Array(7).fill('LIMIT_REACHED'));
    const stored = await doc<{ usesLeft: number; acceptedBy: string[] }>('invites', row.code);
    expect(stored.usesLeft).toBe(0);
    expect(stored.acceptedBy).toHaveLength(3);
    const sales = (await t.cloud.db.collection('users').where({ role: 'sales', inviteCode: row.code }).get()).data as Array<{ _id: string }>;
    expect(sales.map((u) => u._id).sort()).toEqual([...stored.acceptedBy].sort());

    const two = await invite(3, 7, 'invite-one-person');
    const mine = await Promise.all(Array.from({ length: 5 }, () => accept(two.code, 'o_cust_4')));
    expect(mine.map(codeOf)).toEqual(Array(5).fill('OK'));
    expect(mine.filter((r) => r.ok && !r.data.repeated)).toHaveLength(1);
    expect(await doc('invites', two.code)).toMatchObject({ usesLeft: 2, acceptedBy: ['o_cust_4'] });
  });
});

describe('team.deactivate', () => {
  type Opened = { salesId: string | null; boundSalesId: string | null; binding: { result: string } };
  const bindTo = async (salesId: string, customers: string[]) => {
    const s = await t.cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: salesId }, channel: 'card' }, salesId);
    for (const c of customers) await t.cloud.ok('share', { action: 'open', shareId: s.shareId }, c);
    return s.shareId;
  };

  it("moves the leaver's customers to the heir (audited), their old share binds a new customer to the heir, past orders keep their attribution", async () => {
    const zhaoShare = await bindTo('o_sales_zhao', ['o_cust_1', 'o_cust_2', 'o_cust_3']);
    const order = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'deact-order-1' }, 'o_cust_1');
    await payOrder(t.cloud, order.orderId, 'o_cust_1');

    const r = await t.cloud.ok<Deactivated>('team', { action: 'deactivate', salesId: 'o_sales_zhao', heirId: 'o_sales_wang' }, BOSS);
    expect(r).toMatchObject({ moved: 3, heirsRepointed: 0, repeated: false });
    expect(await doc('users', 'o_sales_zhao')).toMatchObject({ role: 'former_sales', heirId: 'o_sales_wang', deactivationId: r.auditId, deactivatedBy: BOSS });
    for (const c of ['o_cust_1', 'o_cust_2', 'o_cust_3']) expect(await doc('users', c)).toMatchObject({ boundSalesId: 'o_sales_wang', reassignedBy: r.auditId });
    expect(await doc('audit_log', r.auditId)).toMatchObject({ type: 'deactivate', by: BOSS, salesId: 'o_sales_zhao', heirId: 'o_sales_wang', moved: 3, heirsRepointed: 0 });
    const history = (await t.cloud.db.collection('bindings').where({ auditId: r.auditId }).get()).data as Array<{ openid: string; salesId: string; previousSalesId: string; reason: string }>;
    expect(history.map((h) => [h.openid, h.previousSalesId, h.salesId, h.reason]).sort()).toEqual([
      ['o_cust_1', 'o_sales_zhao', 'o_sales_wang', 'reassign'],
      ['o_cust_2', 'o_sales_zhao', 'o_sales_wang', 'reassign'],
      ['o_cust_3', 'o_sales_zhao', 'o_sales_wang', 'reassign'],
    ]);

    // The customer's next visit shows the heir's shelf; the leaver's old link shows it too.
    expect((await t.cloud.ok<{ sales: { openid: string } }>('shelf', { action: 'view' }, 'o_cust_2')).sales.openid).toBe('o_sales_wang');
    expect((await t.cloud.ok<{ sales: { openid: string } }>('shelf', { action: 'view', salesId: 'o_sales_zhao' }, 'o_cust_2')).sales.openid).toBe('o_sales_wang');
    // A new customer opening the leaver's old share is bound to the heir.
    const opened = await t.cloud.ok<Opened>('share', { action: 'open', shareId: zhaoShare }, 'o_new_customer');
    expect(opened).toMatchObject({ salesId: 'o_sales_wang', boundSalesId: 'o_sales_wang', binding: { result: 'bound' } });
    expect(await doc('users', 'o_new_customer')).toMatchObject({ boundSalesId: 'o_sales_wang', boundShareId: zhaoShare });
    // Past orders keep their attribution; the leaver is refused the workbench.
    expect(await doc('orders', order.orderId)).toMatchObject({ attribution: expect.objectContaining({ salesId: 'o_sales_zhao' }) });
    expect(codeOf(await t.cloud.call('sales', { action: 'customers' }, 'o_sales_zhao'))).toBe('PERMISSION_DENIED');
    expect(codeOf(await t.cloud.call('shelf', { action: 'curate', productIds: ['p01'] }, 'o_sales_zhao'))).toBe('PERMISSION_DENIED');
    // An order through the leaver's share by an unbound staff-free buyer is attributed to the heir.
    await giveAddresses(t.cloud, ['o_new_customer']);
    const viaShare = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], shareId: zhaoShare, idempotencyKey: 'deact-order-2' }, 'o_new_customer');
    expect(await doc('orders', viaShare.orderId)).toMatchObject({ attribution: expect.objectContaining({ salesId: 'o_sales_wang', shareId: zhaoShare }) });
  });

  it('a repeat resumes (nothing moved twice); deactivating the heir re-points the earlier leaver to the new heir', async () => {
    const zhaoShare = await bindTo('o_sales_zhao', ['o_cust_1']);
    const first = await t.cloud.ok<Deactivated>('team', { action: 'deactivate', salesId: 'o_sales_zhao', heirId: 'o_sales_wang' }, BOSS);
    const again = await t.cloud.ok<Deactivated>('team', { action: 'deactivate', salesId: 'o_sales_zhao', heirId: 'o_sales_wang' }, BOSS);
    expect(again).toMatchObject({ auditId: first.auditId, moved: 0, repeated: true });
    expect((await t.cloud.db.collection('bindings').where({ auditId: first.auditId }).count()).total).toBe(1);

    const wang = await t.cloud.ok<Deactivated>('team', { action: 'deactivate', salesId: 'o_sales_wang', heirId: 'o_sales_li' }, BOSS);
    expect(wang).toMatchObject({ moved: 1, heirsRepointed: 2 }); // 赵敏 (just now) and the seeded 孙磊
    expect(await doc('users', 'o_sales_zhao')).toMatchObject({ heirId: 'o_sales_li' });
    expect(await doc('users', TEAM_IDS.formerSales)).toMatchObject({ heirId: 'o_sales_li' });
    expect(await doc('users', 'o_cust_1')).toMatchObject({ boundSalesId: 'o_sales_li' });
    const opened = await t.cloud.ok<Opened>('share', { action: 'open', shareId: zhaoShare }, 'o_new_customer');
    expect(opened.boundSalesId).toBe('o_sales_li');
  });

  it('refuses an heir who is not an active salesperson, the same person, an unknown one, and a second heir', async () => {
    expect(codeOf(await t.cloud.call('team', { action: 'deactivate', salesId: 'o_sales_zhao', heirId: 'o_cust_1' }, BOSS))).toBe('FAILED_PRECONDITION');
    expect(codeOf(await t.cloud.call('team', { action: 'deactivate', salesId: 'o_sales_zhao', heirId: TEAM_IDS.formerSales }, BOSS))).toBe('FAILED_PRECONDITION');
    expect(codeOf(await t.cloud.call('team', { action: 'deactivate', salesId: 'o_sales_zhao', heirId: 'o_sales_zhao' }, BOSS))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await t.cloud.call('team', { action: 'deactivate', salesId: 'o_nobody', heirId: 'o_sales_li' }, BOSS))).toBe('NOT_FOUND');
    expect(codeOf(await t.cloud.call('team', { action: 'deactivate', salesId: 'o_cust_1', heirId: 'o_sales_li' }, BOSS))).toBe('FAILED_PRECONDITION');
    expect(codeOf(await t.cloud.call('team', { action: 'deactivate', salesId: TEAM_IDS.formerSales, heirId: 'o_sales_li' }, BOSS))).toBe('FAILED_PRECONDITION');
    expect(await doc('users', 'o_sales_zhao')).toMatchObject({ role: 'sales' });
  });

  it('moves 10,000 customers in batches of 1000: every one moved and audited, in 36 round trips', async () => {
    const N = 10_000;
    for (let i = 0; i < N; i += 1000) {
      await t.cloud.db.collection('users').add(
        Array.from({ length: 1000 }, (_, j) => ({ _id: `o_bulk_${String(i + j).padStart(5, '0')}`, role: 'customer', boundSalesId: 'o_sales_zhao', boundAt: t.cloud.now(), bindingRev: 1 })),
      );
    }
    t.cloud.resetStats();
    const r = await t.cloud.ok<Deactivated>('team', { action: 'deactivate', salesId: 'o_sales_zhao', heirId: 'o_sales_wang' }, BOSS);
    expect(r.moved).toBe(N);
    expect((await t.cloud.db.collection('users').where({ boundSalesId: 'o_sales_zhao' }).count()).total).toBe(0);
    expect((await t.cloud.db.collection('users').where({ boundSalesId: 'o_sales_wang', reassignedBy: r.auditId }).count()).total).toBe(N);
    expect((await t.cloud.db.collection('bindings').where({ auditId: r.auditId }).count()).total).toBe(N);
    expect(await doc('audit_log', r.auditId)).toMatchObject({ moved: N });
    // caller + both people, flip, re-point, audit insert, 10 × (read, history, move), 1 empty read, audit update
    expect(t.cloud.stats().byAction['team.deactivate'].maxOps).toBe(36);
  }, 120_000);
});

describe('team.members', () => {
  it('lists salespeople, active and former, with the heir of those who left', async () => {
    const r = await t.cloud.ok<{ members: Array<{ openid: string; role: string; heirName: string | null }> }>('team', { action: 'members' }, BOSS);
    expect(r.members.map((m) => m.openid).sort()).toEqual(['o_sales_li', 'o_sales_sun', 'o_sales_wang', 'o_sales_zhao']);
    expect(r.members.find((m) => m.openid === TEAM_IDS.formerSales)).toMatchObject({ role: 'former_sales', heirName: '王强' });
  });
});
