/**
 * Conformance: the finer database semantics the functions depend on, through the real SDK — what
 * `updateAndReturn` answers at its edges, null and array matching (the markers retried writes are
 * guarded on, effects.ts), dotted paths (the claim counters, coupon-claims.ts), `push` with a
 * slice, an ordered batch insert meeting a duplicate, and a transaction's get/set. Runs against
 * the local cloud, or a real environment with credentials (README, "Conformance against a real
 * environment").
 */
import { codeOf, useContractDb, type Tx } from './contract-db';

const c = useContractDb();
type Doc = { _id: string } & Record<string, unknown>;

async function idsWhere(name: string, where: Record<string, unknown>): Promise<string[]> {
  return (await c.db.collection(name).where(where).limit(100).get()).data.map((d: Doc) => d._id).sort();
}

describe('updateAndReturn', () => {
  it('matching nothing: updated 0 and no document', async () => {
    const name = await c.fresh();
    await c.db.collection(name).add({ _id: 'r', n: 1 });
    const r = await c.db.collection(name).where({ _id: 'r', n: c.db.command.gt(5) }).updateAndReturn({ n: 9 });
    expect([r.updated, r.doc ?? null]).toEqual([0, null]);
    expect((await c.db.collection(name).doc('r').get()).data[0]).toEqual({ _id: 'r', n: 1 });
  });

  it('matching several documents: exactly one is updated and returned', async () => {
    const name = await c.fresh();
    await c.db.collection(name).add([
      { _id: 'a', k: 'x' },
      { _id: 'b', k: 'x' },
    ]);
    const r = await c.db.collection(name).where({ k: 'x' }).updateAndReturn({ touched: true });
    expect(r.updated).toBe(1);
    expect(['a', 'b']).toContain(r.doc._id);
    expect(await idsWhere(name, { touched: true })).toEqual([r.doc._id]);
  });

  it('returns the document after the update, with pushed and incremented fields', async () => {
    const name = await c.fresh();
    const _ = c.db.command;
    await c.db.collection(name).add({ _id: 't', paidCount: 1, paidOrders: ['o1'] });
    const r = await c.db.collection(name).where({ _id: 't', paidOrders: _.neq('o2') }).updateAndReturn({ paidCount: _.inc(1), paidOrders: _.push(['o2']) });
    expect(r.doc).toEqual({ _id: 't', paidCount: 2, paidOrders: ['o1', 'o2'] });
    const again = await c.db.collection(name).where({ _id: 't', paidOrders: _.neq('o2') }).updateAndReturn({ paidCount: _.inc(1), paidOrders: _.push(['o2']) });
    expect(again.updated).toBe(0);
  });
});

describe('null and arrays', () => {
  let name: string;
  beforeAll(async () => {
    name = await c.fresh();
    await c.db.collection(name).add([
      { _id: 'missing' },
      { _id: 'null', v: null },
      { _id: 'set', v: 3 },
      { _id: 'holds', holds: ['o1:L1', 'o2:L1'] },
      { _id: 'empty', holds: [] },
    ]);
  });

  it('{ v: null } matches a null and a missing field; exists(false) only the missing one', async () => {
    expect(await idsWhere(name, { v: null })).toEqual(['empty', 'holds', 'missing', 'null']);
    expect(await idsWhere(name, { v: c.db.command.exists(false) })).toEqual(['empty', 'holds', 'missing']);
    expect(await idsWhere(name, { v: c.db.command.neq(null) })).toEqual(['set']);
  });

  it('a value against an array field matches when the array contains it; neq when it does not (or the field is missing)', async () => {
    const _ = c.db.command;
    expect(await idsWhere(name, { holds: 'o1:L1' })).toEqual(['holds']);
    expect(await idsWhere(name, { holds: _.neq('o1:L1') })).toEqual(['empty', 'missing', 'null', 'set']);
    expect(await idsWhere(name, { holds: _.in(['o2:L1', 'zz']) })).toEqual(['holds']);
  });

  it('pull removes every equal value; push with each and slice keeps the latest n', async () => {
    const list = await c.fresh();
    const _ = c.db.command;
    await c.db.collection(list).add({ _id: 'l', recent: ['a', 'b', 'a'] });
    await c.db.collection(list).doc('l').update({ recent: _.pull('a') });
    await c.db.collection(list).doc('l').update({ recent: _.push({ each: ['c', 'd'], slice: -2 }) });
    expect((await c.db.collection(list).doc('l').get()).data[0]).toEqual({ _id: 'l', recent: ['c', 'd'] });
  });
});

describe('dotted paths', () => {
  it('inc on a dotted path creates the nested objects it names; a query on the path finds it; remove drops a nested key', async () => {
    const name = await c.fresh();
    const _ = c.db.command;
    await c.db.collection(name).add({ _id: 'u', couponClaims: { t1: 1 } });
    await c.db.collection(name).doc('u').update({ 'couponClaims.t1': _.inc(1), 'couponDays.d20260601.t1': _.inc(1) });
    expect(await idsWhere(name, { 'couponDays.d20260601.t1': 1 })).toEqual(['u']);
    await c.db.collection(name).doc('u').update({ 'couponDays.d20260601': _.remove() });
    expect((await c.db.collection(name).doc('u').get()).data[0]).toEqual({ _id: 'u', couponClaims: { t1: 2 }, couponDays: {} });
  });

  it('not(gte(n)) on a dotted path also matches when the path is missing (a count of 0)', async () => {
    const name = await c.fresh();
    await c.db.collection(name).add([
      { _id: 'none' },
      { _id: 'low', c: { t1: 1 } },
      { _id: 'full', c: { t1: 2 } },
    ]);
    expect(await idsWhere(name, { 'c.t1': c.db.command.not(c.db.command.gte(2)) })).toEqual(['low', 'none']);
  });
});

describe('batch insert', () => {
  it('a batch meeting an existing _id fails with DATABASE_DUPLICATE_WRITE: the documents before it are in, none after it', async () => {
    const name = await c.fresh();
    await c.db.collection(name).add({ _id: 'x', v: 1 });
    await expect(
      c.db.collection(name).add([
        { _id: 'a', v: 1 },
        { _id: 'x', v: 2 },
        { _id: 'b', v: 3 },
      ]),
    ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(await idsWhere(name, {})).toEqual(['a', 'x']);
    expect((await c.db.collection(name).doc('x').get()).data[0]).toEqual({ _id: 'x', v: 1 });
  });
});

describe('transaction get and set', () => {
  it('get of a missing document answers no document; set creates it; both are visible after the commit only', async () => {
    const name = await c.fresh();
    const tx: Tx = await c.db.startTransaction();
    const missing = (await tx.collection(name).doc('n').get()).data;
    expect(Array.isArray(missing) ? missing : [missing].filter(Boolean)).toEqual([]);
    await tx.collection(name).doc('n').set({ v: 1 });
    expect((await c.db.collection(name).doc('n').get()).data).toEqual([]);
    await tx.commit();
    expect((await c.db.collection(name).doc('n').get()).data).toEqual([{ _id: 'n', v: 1 }]);
  });

  it('set replaces a whole document inside a transaction; a concurrent transaction setting it too conflicts', async () => {
    const name = await c.fresh();
    await c.db.collection(name).add({ _id: 'r', a: 1, b: 2 });
    const t1: Tx = await c.db.startTransaction();
    const t2: Tx = await c.db.startTransaction();
    await t1.collection(name).doc('r').set({ a: 5 });
    const second = t2.collection(name).doc('r').set({ b: 9 }).then(() => t2.commit());
    await expect(second).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await t1.commit();
    expect((await c.db.collection(name).doc('r').get()).data).toEqual([{ _id: 'r', a: 5 }]);
  });

  it('a transaction reading a document another one changed and committed since its start aborts when it writes it', async () => {
    const name = await c.fresh();
    await c.db.collection(name).add({ _id: 'o', status: 'paid' });
    const late: Tx = await c.db.startTransaction();
    expect((await late.collection(name).doc('o').get()).data).toMatchObject({ status: 'paid' });
    await c.db.runTransaction(async (tx: Tx) => {
      await tx.collection(name).doc('o').update({ status: 'refunded' });
    });
    const write = late.collection(name).doc('o').update({ status: 'partially_refunded' }).then(() => late.commit());
    const code = await write.then(() => 'committed', (err: unknown) => codeOf(err));
    expect(code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect((await c.db.collection(name).doc('o').get()).data[0].status).toBe('refunded');
  });
});
