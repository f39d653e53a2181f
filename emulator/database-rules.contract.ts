/**
 * The ways the real database is less kind than a plain in-memory store, each pinned by a test
 * through the real SDK (docs/architecture.md, "Data rules the local cloud enforces"). Assertions
 * that only the local cloud can make (its seeded shuffle, its injected faults) are skipped against
 * a real environment; everything else holds on both.
 */
import { codeOf, REAL, useContractDb, type Tx } from './contract-db';

const c = useContractDb();
const localIt = REAL ? it.skip : it;

async function addAll(collection: string, docs: Array<Record<string, unknown>>): Promise<void> {
  for (let i = 0; i < docs.length; i += 100) await c.db.collection(collection).add(docs.slice(i, i + 100));
}

describe('aggregates', () => {
  it('without .limit() an aggregate returns at most 20 documents; .limit(n) returns n', async () => {
    const name = await c.fresh();
    await addAll(name, Array.from({ length: 25 }, (_, i) => ({ _id: `a${String(i).padStart(2, '0')}`, i })));
    expect((await c.db.collection(name).aggregate().match({}).end()).data).toHaveLength(20);
    expect((await c.db.collection(name).aggregate().match({}).limit(25).end()).data).toHaveLength(25);
    expect((await c.db.collection(name).aggregate().match({}).sort({ i: 1 }).limit(30).end()).data.map((d: { i: number }) => d.i)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });
});

describe('equal sort keys come back in no fixed order', () => {
  let name: string;
  const ids = Array.from({ length: 30 }, (_, i) => `t${String(i).padStart(2, '0')}`);
  beforeAll(async () => {
    name = await c.fresh();
    await addAll(name, ids.map((_id) => ({ _id, day: '2026-06-01' })));
  });

  async function pageThrough(orderBy: Array<[string, 'asc' | 'desc']>, size: number): Promise<string[]> {
    const seen: string[] = [];
    for (let skip = 0; skip < ids.length; skip += size) {
      let q = c.db.collection(name).where({ day: '2026-06-01' });
      for (const [field, dir] of orderBy) q = q.orderBy(field, dir);
      seen.push(...(await q.skip(skip).limit(size).get()).data.map((d: { _id: string }) => d._id));
    }
    return seen;
  }

  it('skip-paging 30 ties on a sort that ends on _id sees each document exactly once', async () => {
    expect((await pageThrough([['day', 'desc'], ['_id', 'desc']], 7)).sort()).toEqual(ids);
    expect(await pageThrough([['day', 'asc'], ['_id', 'asc']], 4)).toEqual(ids);
  });

  localIt('skip-paging the same ties on the tie key alone repeats some and drops others (seeded shuffle)', async () => {
    const seen = await pageThrough([['day', 'asc']], 7);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBeLessThan(30);
  });

  localIt('an aggregate sort on a tie key returns the ties in a different order from one request to the next', async () => {
    const order = async () => (await c.db.collection(name).aggregate().match({ day: '2026-06-01' }).sort({ day: 1 }).limit(30).end()).data.map((d: { _id: string }) => d._id).join();
    const orders = new Set([await order(), await order(), await order()]);
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('transactions', () => {
  it('reads inside a transaction see its snapshot: a plain write made meanwhile is not visible to it', async () => {
    const name = await c.fresh();
    await c.db.collection(name).add([{ _id: 'a', v: 1 }, { _id: 'b', v: 1 }]);
    const tx = await c.db.startTransaction();
    expect((await tx.collection(name).doc('a').get()).data).toMatchObject({ v: 1 });
    await c.db.collection(name).doc('b').update({ v: 2 });
    await c.db.collection(name).doc('a').update({ v: 2 });
    expect((await tx.collection(name).doc('b').get()).data).toMatchObject({ v: 1 });
    expect((await tx.collection(name).doc('a').get()).data).toMatchObject({ v: 1 });
    await tx.rollback();
    expect((await c.db.collection(name).doc('b').get()).data[0]).toMatchObject({ v: 2 });
  });

  it('a transaction writing a document changed after its snapshot aborts with DATABASE_TRANSACTION_CONFLICT', async () => {
    const name = await c.fresh();
    await c.db.collection(name).add([{ _id: 'a', v: 1 }, { _id: 'b', v: 1 }]);
    const tx = await c.db.startTransaction();
    await tx.collection(name).doc('a').get();
    await c.db.collection(name).doc('b').update({ v: 2 });
    const write = tx.collection(name).doc('b').update({ v: 3 });
    await expect(write).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect((await c.db.collection(name).doc('b').get()).data[0]).toMatchObject({ v: 2 });
  });

  it('a plain write to a document a transaction has written waits for it: applied after the commit, on top of it', async () => {
    const name = await c.fresh();
    const _ = c.db.command;
    await c.db.collection(name).add({ _id: 'a', n: 0, by: [] });
    const tx = await c.db.startTransaction();
    await tx.collection(name).doc('a').update({ n: _.inc(1), by: _.push(['tx']) });
    const plain = c.db.collection(name).doc('a').update({ n: _.inc(10), by: _.push(['plain']) });
    await tx.commit();
    expect((await plain).updated).toBe(1);
    expect((await c.db.collection(name).doc('a').get()).data[0]).toMatchObject({ n: 11, by: ['tx', 'plain'] });
  });

  it('a plain conditional update waits for a transaction that holds its document, then sees its write', async () => {
    const name = await c.fresh();
    const _ = c.db.command;
    await c.db.collection(name).add({ _id: 's', stock: 1 });
    const tx = await c.db.startTransaction();
    await tx.collection(name).doc('s').update({ stock: _.inc(-1) });
    const take = c.db.collection(name).where({ _id: 's', stock: _.gte(1) }).update({ stock: _.inc(-1) });
    await tx.commit();
    expect((await take).updated).toBe(0);
    expect((await c.db.collection(name).doc('s').get()).data[0].stock).toBe(0);
  });

  it('a rolled-back transaction releases the writes waiting for it', async () => {
    const name = await c.fresh();
    await c.db.collection(name).add({ _id: 'a', v: 'start' });
    const tx = await c.db.startTransaction();
    await tx.collection(name).doc('a').update({ v: 'tx' });
    const plain = c.db.collection(name).doc('a').update({ v: 'plain' });
    await tx.rollback();
    expect((await plain).updated).toBe(1);
    expect((await c.db.collection(name).doc('a').get()).data[0].v).toBe('plain');
  });

  it('runTransaction retries its callback after a conflict with another transaction and commits once', async () => {
    const name = await c.fresh();
    const _ = c.db.command;
    await c.db.collection(name).add({ _id: 'a', n: 0 });
    let runs = 0;
    const holder = await c.db.startTransaction();
    await holder.collection(name).doc('a').update({ n: _.inc(100) });
    await c.db.runTransaction(async (tx: Tx) => {
      runs++;
      try {
        await tx.collection(name).doc('a').update({ n: _.inc(1) });
      } finally {
        // The first run conflicts with the holder's write; the holder then commits and the retry goes through.
        if (runs === 1) await holder.commit();
      }
    }, 3);
    expect(runs).toBe(2);
    expect((await c.db.collection(name).doc('a').get()).data[0].n).toBe(101);
  });
});

describe('fault mode "applied, reply lost" (local cloud)', () => {
  afterEach(() => c.local?.faults({}));

  localIt('a write whose reply is lost fails in the caller although it was applied: insert, conditional update, commit', async () => {
    const name = await c.fresh();
    const _ = c.db.command;
    await c.db.collection(name).add({ _id: 'g', n: 0 });
    c.local!.faults({ seed: 3, replyLostRate: 1 });
    const failures = await Promise.all([
      c.db.collection(name).add({ _id: 'new', v: 1 }).then(() => 'answered', (err: unknown) => `failed ${codeOf(err) ?? ''}`),
      c.db.collection(name).where({ _id: 'g', n: _.lt(5) }).update({ n: _.inc(1) }).then(() => 'answered', (err: unknown) => `failed ${codeOf(err) ?? ''}`),
    ]);
    expect(failures).toEqual(['failed 504', 'failed 504']);
    const tx = await c.db.startTransaction();
    await tx.collection(name).doc('g').update({ tx: true });
    await expect(tx.commit()).rejects.toMatchObject({ code: 504 });
    expect(c.local!.cloud.faults.injected.replyLost).toBe(3);
    c.local!.faults({});
    expect((await c.db.collection(name).doc('new').get()).data).toEqual([{ _id: 'new', v: 1 }]);
    expect((await c.db.collection(name).doc('g').get()).data[0]).toEqual({ _id: 'g', n: 1, tx: true });
  });

  localIt('a write refused by its guard (updated 0) or failing (duplicate) is answered: only applied writes lose their reply', async () => {
    const name = await c.fresh();
    const _ = c.db.command;
    await c.db.collection(name).add({ _id: 'g', n: 5 });
    c.local!.faults({ seed: 3, replyLostRate: 1 });
    expect((await c.db.collection(name).where({ _id: 'g', n: _.lt(5) }).update({ n: _.inc(1) })).updated).toBe(0);
    await expect(c.db.collection(name).add({ _id: 'g' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
  });
});
