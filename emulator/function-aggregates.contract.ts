/**
 * Conformance of the functions' own aggregates: the sweep's one-round-trip read of due work
 * (`loadDueWork`, imported, not copied) and the shelf's read (through `shelf.view`) return what
 * plain queries of the same documents say — uncorrelated sub-pipelines, `localField` on an array
 * path, `let` + `$expr`/`$in`/`$ifNull`, and more than 20 rows inside a sub-pipeline while the
 * top-level result names its limit (an aggregate without one gets 20 rows, database-rules).
 *
 * Local cloud only: it needs the deployed collections with the seed, which a fresh real
 * environment does not have (README, "Conformance against a real environment").
 */
import { REAL } from './contract-db';
import { useTestCloud } from './testing';
import { loadDueWork } from '../cloudfunctions/sweep/index';

const describeLocal = REAL ? describe.skip : describe;
type Doc = { _id: string } & Record<string, unknown>;

describeLocal("the sweep's due-work aggregate", () => {
  const t = useTestCloud();
  const NOW = new Date('2026-06-01T02:00:00.000Z');
  const PAST = new Date('2026-05-31T02:00:00.000Z');

  async function plain(collection: string, where: Record<string, unknown>): Promise<Doc[]> {
    return (await t.cloud.db.collection(collection).where(where).limit(1000).get()).data as Doc[];
  }
  const ids = (docs: Array<{ _id: string }>) => docs.map((d) => d._id).sort();

  it('returns every kind of due work, each with its joined documents, as plain queries find them', async () => {
    const _ = t.cloud.db.command;
    const teams = Array.from({ length: 3 }, (_x, i) => ({ _id: `tDue${i}`, dealId: 'gd_p01_duo', status: 'forming', size: 2, seatsTaken: 2, paidCount: 1, expiresAt: PAST }));
    const members = teams.flatMap((team, i) => [0, 1].map((j) => ({ _id: `${team._id}_m${j}`, teamId: team._id, orderId: `oDueT${i}${j}`, status: j ? 'paid' : 'pending_pay' })));
    const teamOrders = members.map((m) => ({ _id: m.orderId, status: m.status, teamId: m.teamId, payDeadlineAt: NOW, outboxPendingCount: 0 }));
    // 25 orders past their deadline: more than a capped top-level aggregate would return.
    const dueOrders = Array.from({ length: 25 }, (_x, i) => ({ _id: `oDue${String(i).padStart(2, '0')}`, status: 'pending_pay', payDeadlineAt: PAST, outboxPendingCount: 0 }));
    const refunds = [{ _id: 'rDue0', orderId: 'oDue00', status: 'pending', createdAt: PAST, refundFen: 100 }];
    const undelivered = [{ _id: 'oOutbox', status: 'paid', outboxPendingCount: 1, payDeadlineAt: NOW }];
    await t.cloud.db.collection('teams').add(teams);
    await t.cloud.db.collection('team_members').add(members);
    await t.cloud.db.collection('orders').add([...teamOrders, ...dueOrders, ...undelivered]);
    await t.cloud.db.collection('refunds').add(refunds);

    const due = await loadDueWork(NOW, { shippedBefore: PAST, receivedBefore: PAST });

    expect(ids(due.expiredTeams)).toEqual(ids(await plain('teams', { status: 'forming', expiresAt: _.lte(NOW) })));
    for (const team of due.expiredTeams) {
      const joined = await plain('team_members', { teamId: team._id });
      expect(ids(team._members ?? [])).toEqual(ids(joined));
      expect(ids(team._orders ?? [])).toEqual(ids(await plain('orders', { _id: _.in(joined.map((m) => m.orderId as string)) })));
    }
    expect(ids(due.dueOrders)).toEqual(ids(await plain('orders', { status: 'pending_pay', payDeadlineAt: _.lte(NOW) })));
    expect(due.dueOrders.length).toBeGreaterThan(20);
    expect(due.openRefunds.map((r) => [r._id, r._order?.map((o) => o._id)])).toEqual([['rDue0', ['oDue00']]]);
    expect(ids(due.undelivered)).toEqual(ids(await plain('orders', { outboxPendingCount: _.gt(0) })));
    expect(due.expiredCoupons).toEqual((await plain('coupons', { status: 'unused', validToAt: _.lte(NOW) })).slice(0, 1).map((c) => ({ _id: c._id })));
  });
});

describeLocal("the shelf's aggregate", () => {
  const t = useTestCloud();

  it("shows exactly the salesperson's shelf products that are on sale, each with all its SKUs", async () => {
    const sales = (await t.cloud.db.collection('users').doc('o_sales_li').get()).data[0] as { shelfProductIds: string[] };
    const onSale = (await t.cloud.db.collection('products').where({ _id: t.cloud.db.command.in(sales.shelfProductIds), status: 'on' }).limit(100).get()).data as Doc[];
    const skus = (await t.cloud.db.collection('skus').where({ productId: t.cloud.db.command.in(onSale.map((p) => p._id)) }).limit(1000).get()).data as Doc[];
    const shelf = await t.cloud.ok<{ products: Array<{ id: string; skus: Array<{ skuId: string }> }> }>('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1');
    expect(shelf.products.map((p) => p.id)).toEqual(sales.shelfProductIds.filter((id) => onSale.some((p) => p._id === id)));
    for (const p of shelf.products) {
      expect(p.skus.map((s) => s.skuId).sort()).toEqual(skus.filter((s) => s.productId === p.id).map((s) => s._id).sort());
    }
  });
});
