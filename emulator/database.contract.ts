/**
 * Conformance suite: the real @cloudbase/node-sdk drives every database feature LinkShelf uses.
 * Runs against the local cloud; set CLOUDBASE_ENV_ID, TENCENTCLOUD_SECRETID and
 * TENCENTCLOUD_SECRETKEY to run the very same assertions against a real CloudBase environment.
 */
import cloudbase from '@cloudbase/node-sdk';
import { startTestCloud, type TestCloud } from './testing';

const REAL = Boolean(process.env.CLOUDBASE_ENV_ID && process.env.TENCENTCLOUD_SECRETID && process.env.TENCENTCLOUD_SECRETKEY);

type Db = TestCloud['db'];
type Tx = Awaited<ReturnType<Db['startTransaction']>>;
let db: Db;
let local: TestCloud | undefined;
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
let seq = 0;

/** A fresh collection per test, so tests share no state. */
async function freshCollection(): Promise<string> {
  const name = `contract_${run}_${++seq}`;
  await db.createCollection(name);
  return name;
}

function codeOf(err: unknown): string | undefined {
  return (err as { code?: string } | undefined)?.code;
}

beforeAll(async () => {
  if (REAL) {
    const app = cloudbase.init({
      env: process.env.CLOUDBASE_ENV_ID,
      secretId: process.env.TENCENTCLOUD_SECRETID,
      secretKey: process.env.TENCENTCLOUD_SECRETKEY,
    });
    db = app.database();
  } else {
    local = await startTestCloud({ seed: false });
    db = local.db;
  }
});

afterAll(async () => {
  await local?.close();
});

describe('documents keep their types through the wire', () => {
  it('add then doc.get returns numbers, strings, booleans, null, dates, nested objects and arrays', async () => {
    const c = await freshCollection();
    const when = new Date('2026-01-02T03:04:05.678Z');
    const { id } = (await db.collection(c).add({ n: 42, f: 1.5, big: 2 ** 40, s: '货架', b: true, z: null, when, nested: { a: [1, 'x', { y: 2 }] } })) as { id: string };
    expect(typeof id).toBe('string');
    const { data } = await db.collection(c).doc(id).get();
    expect(data).toHaveLength(1);
    const doc = data[0];
    expect(doc).toMatchObject({ _id: id, n: 42, f: 1.5, big: 2 ** 40, s: '货架', b: true, z: null, nested: { a: [1, 'x', { y: 2 }] } });
    expect(new Date(doc.when).getTime()).toBe(when.getTime());
  });

  it('doc.get of a missing id returns an empty list', async () => {
    const c = await freshCollection();
    const { data } = await db.collection(c).doc('nope').get();
    expect(data).toEqual([]);
  });

  it('add with an existing _id fails with DATABASE_DUPLICATE_WRITE and keeps the first document', async () => {
    const c = await freshCollection();
    await db.collection(c).add({ _id: 'dup', v: 1 });
    await expect(db.collection(c).add({ _id: 'dup', v: 2 })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    const { data } = await db.collection(c).doc('dup').get();
    expect(data[0].v).toBe(1);
  });

  it('serverDate() stores the server time as a Date', async () => {
    const c = await freshCollection();
    const { id } = (await db.collection(c).add({ at: db.serverDate() })) as { id: string };
    const { data } = await db.collection(c).doc(id).get();
    expect(Number.isNaN(new Date(data[0].at).getTime())).toBe(false);
  });
});

describe('queries', () => {
  let c: string;
  beforeAll(async () => {
    c = await freshCollection();
    const rows = Array.from({ length: 12 }, (_, i) => ({ _id: `d${String(i).padStart(2, '0')}`, i, even: i % 2 === 0, tag: i < 6 ? 'low' : 'high', name: `item-${i}`, at: new Date(Date.UTC(2026, 0, 1 + i)) }));
    for (const r of rows) await db.collection(c).add(r);
  });

  it('filters with comparison, set, logical, exists and regex operators', async () => {
    const _ = db.command;
    const ids = async (q: object) => (await db.collection(c).where(q).limit(100).get()).data.map((d: { _id: string }) => d._id).sort();
    expect(await ids({ i: _.gt(9) })).toEqual(['d10', 'd11']);
    expect(await ids({ i: _.gte(10) })).toEqual(['d10', 'd11']);
    expect(await ids({ i: _.lt(1) })).toEqual(['d00']);
    expect(await ids({ i: _.lte(1) })).toEqual(['d00', 'd01']);
    expect(await ids({ i: _.in([3, 5, 99]) })).toEqual(['d03', 'd05']);
    expect((await ids({ i: _.nin([0, 1, 2]) })).length).toBe(9);
    expect((await ids({ tag: _.neq('low') })).length).toBe(6);
    expect(await ids({ i: _.gt(2).and(_.lt(5)) })).toEqual(['d03', 'd04']);
    expect(await ids(_.or([{ i: 0 }, { i: 11 }]))).toEqual(['d00', 'd11']);
    expect(await ids({ even: true, tag: 'high', i: _.lt(9) })).toEqual(['d06', 'd08']);
    expect(await ids({ missing: _.exists(false), i: 1 })).toEqual(['d01']);
    expect(await ids({ name: db.RegExp({ regexp: '^ITEM-1', options: 'i' }) })).toEqual(['d01', 'd10', 'd11']);
    expect(await ids({ at: _.gte(new Date(Date.UTC(2026, 0, 11))) })).toEqual(['d10', 'd11']);
  });

  it('orders, skips and limits', async () => {
    const page = await db.collection(c).where({ tag: 'high' }).orderBy('i', 'desc').skip(1).limit(2).get();
    expect(page.data.map((d: { i: number }) => d.i)).toEqual([10, 9]);
    const two = await db.collection(c).where({}).orderBy('even', 'desc').orderBy('i', 'asc').limit(3).get();
    expect(two.data.map((d: { i: number }) => d.i)).toEqual([0, 2, 4]);
  });

  it('projects fields', async () => {
    const r = await db.collection(c).where({ i: 3 }).field({ name: true }).get();
    expect(r.data[0]).toEqual({ _id: 'd03', name: 'item-3' });
  });

  it('counts', async () => {
    const _ = db.command;
    expect((await db.collection(c).where({ i: _.gte(4) }).count()).total).toBe(8);
  });
});

describe('updates', () => {
  it('doc.update applies inc, set (nested), push, addToSet, pull and remove', async () => {
    const c = await freshCollection();
    const _ = db.command;
    await db.collection(c).add({ _id: 'u', n: 1, tags: ['a'], arr: [1, 2, 3], gone: true, o: { p: 1, q: 1 } });
    const r = await db.collection(c).doc('u').update({ n: _.inc(2), tags: _.addToSet('a'), arr: _.push([4]), gone: _.remove(), o: { p: 5 }, m: 'x' });
    expect(r.updated).toBe(1);
    await db.collection(c).doc('u').update({ arr: _.pull(2), tags: _.addToSet('b') });
    const { data } = await db.collection(c).doc('u').get();
    expect(data[0]).toEqual({ _id: 'u', n: 3, tags: ['a', 'b'], arr: [1, 3, 4], o: { p: 5, q: 1 }, m: 'x' });
  });

  it('doc.update that changes nothing reports updated 0, and a missing doc reports 0', async () => {
    const c = await freshCollection();
    await db.collection(c).add({ _id: 'same', v: 1 });
    expect((await db.collection(c).doc('same').update({ v: 1 })).updated).toBe(0);
    expect((await db.collection(c).doc('missing').update({ v: 1 })).updated).toBe(0);
  });

  it('doc.set replaces the whole document and creates it when missing', async () => {
    const c = await freshCollection();
    await db.collection(c).add({ _id: 's', a: 1, b: 2 });
    await db.collection(c).doc('s').set({ c: 3 });
    await db.collection(c).doc('new').set({ d: 4 });
    expect((await db.collection(c).doc('s').get()).data[0]).toEqual({ _id: 's', c: 3 });
    expect((await db.collection(c).doc('new').get()).data[0]).toEqual({ _id: 'new', d: 4 });
  });

  it('where.update is a conditional update: it changes only matching documents', async () => {
    const c = await freshCollection();
    const _ = db.command;
    await db.collection(c).add({ _id: 'g', taken: 2, total: 3 });
    const first = await db.collection(c).where({ _id: 'g', taken: _.lt(3) }).update({ taken: _.inc(1) });
    const second = await db.collection(c).where({ _id: 'g', taken: _.lt(3) }).update({ taken: _.inc(1) });
    expect([first.updated, second.updated]).toEqual([1, 0]);
    expect((await db.collection(c).doc('g').get()).data[0].taken).toBe(3);
  });

  it('where.update updates every match', async () => {
    const c = await freshCollection();
    const _ = db.command;
    for (const i of [1, 2, 3]) await db.collection(c).add({ i, k: 'x' });
    const r = await db.collection(c).where({ i: _.gte(2) }).update({ k: 'y' });
    expect(r.updated).toBe(2);
    expect((await db.collection(c).where({ k: 'y' }).count()).total).toBe(2);
  });

  it('updateAndReturn returns the updated document', async () => {
    const c = await freshCollection();
    const _ = db.command;
    await db.collection(c).add({ _id: 'r', n: 1 });
    const r = await db.collection(c).where({ _id: 'r' }).updateAndReturn({ n: _.inc(5) });
    expect(r.updated).toBe(1);
    expect(r.doc).toMatchObject({ _id: 'r', n: 6 });
  });

  it('max and min set a missing field and keep the larger / earlier value; push with each + slice keeps the last N; set replaces a whole field', async () => {
    const c = await freshCollection();
    const _ = db.command;
    const t0 = new Date('2026-06-01T00:00:00Z');
    const t1 = new Date('2026-06-02T00:00:00Z');
    await db.collection(c).add({ _id: 'm', list: [1, 2], o: { a: 1, b: 2 } });
    await db.collection(c).doc('m').update({ best: _.max(40), first: _.min(t1), list: _.push({ each: [3, 4], slice: -3 }), o: _.set({ c: 3 }) });
    await db.collection(c).doc('m').update({ best: _.max(30), first: _.min(t0) });
    await db.collection(c).doc('m').update({ best: _.max(90), first: _.min(t1) });
    expect((await db.collection(c).doc('m').get()).data[0]).toEqual({ _id: 'm', best: 90, first: t0, list: [2, 3, 4], o: { c: 3 } });
  });

  it('a guard that an array of objects has no element with a value ("attempts.key" ≠ k) refuses the second write of k', async () => {
    const c = await freshCollection();
    const _ = db.command;
    await db.collection(c).add({ _id: 'q', attempts: [], n: 0 });
    const write = (key: string) => db.collection(c).where({ _id: 'q', 'attempts.key': _.neq(key) }).update({ attempts: _.push([{ key }]), n: _.inc(1) });
    expect([(await write('k1')).updated, (await write('k2')).updated, (await write('k1')).updated]).toEqual([1, 1, 0]);
    expect((await db.collection(c).doc('q').get()).data[0]).toEqual({ _id: 'q', attempts: [{ key: 'k1' }, { key: 'k2' }], n: 2 });
  });

  it('100 concurrent conditional increments guarded by count < 10 → exactly 10 succeed', async () => {
    const c = await freshCollection();
    const _ = db.command;
    await db.collection(c).add({ _id: 'ctr', count: 0 });
    const results = await Promise.all(Array.from({ length: 100 }, () => db.collection(c).where({ _id: 'ctr', count: _.lt(10) }).update({ count: _.inc(1) })));
    expect(results.filter((r) => r.updated === 1)).toHaveLength(10);
    expect((await db.collection(c).doc('ctr').get()).data[0].count).toBe(10);
  });
});

describe('removal', () => {
  it('doc.remove and where.remove delete what they match', async () => {
    const c = await freshCollection();
    const _ = db.command;
    for (const i of [1, 2, 3, 4]) await db.collection(c).add({ _id: `r${i}`, i });
    expect((await db.collection(c).doc('r1').remove()).deleted).toBe(1);
    expect((await db.collection(c).where({ i: _.gte(3) }).remove()).deleted).toBe(2);
    expect((await db.collection(c).where({}).get()).data.map((d: { _id: string }) => d._id)).toEqual(['r2']);
  });
});

describe('aggregate', () => {
  it('matches, groups, sorts and limits', async () => {
    const c = await freshCollection();
    const $ = db.command.aggregate;
    for (const [k, n] of [['a', 1], ['a', 2], ['b', 5], ['c', 1]] as const) await db.collection(c).add({ k, n });
    const r = await db.collection(c).aggregate().match({ n: db.command.gte(1) }).group({ _id: '$k', total: $.sum('$n'), count: $.sum(1) }).sort({ total: -1 }).limit(2).end();
    expect(r.data).toEqual([
      { _id: 'b', total: 5, count: 1 },
      { _id: 'a', total: 3, count: 2 },
    ]);
  });

  it('looks up documents of another collection', async () => {
    const left = await freshCollection();
    const right = await freshCollection();
    await db.collection(left).add({ _id: 'L1', ids: ['R1', 'R2'] });
    await db.collection(right).add({ _id: 'R1', v: 1 });
    await db.collection(right).add({ _id: 'R2', v: 2 });
    await db.collection(right).add({ _id: 'R3', v: 3 });
    const $ = db.command.aggregate;
    const r = await db
      .collection(left)
      .aggregate()
      .match({ _id: 'L1' })
      .lookup({ from: right, let: { ids: '$ids' }, pipeline: $.pipeline().match(db.command.expr($.in(['$_id', '$$ids']))).sort({ v: 1 }).done(), as: 'items' })
      .end();
    expect(r.data[0].items.map((x: { v: number }) => x.v)).toEqual([1, 2]);
  });

  it('a nested lookup joins on an id built from the outer row ($concat of a let variable), and a $group counts with $cond', async () => {
    const people = await freshCollection();
    const things = await freshCollection();
    const marks = await freshCollection();
    await db.collection(people).add({ _id: 'p1' });
    await db.collection(things).add({ _id: 't1', on: true });
    await db.collection(things).add({ _id: 't2', on: true });
    await db.collection(marks).add({ _id: 't1:p1', done: new Date('2026-06-01T00:00:00Z'), n: 2 });
    await db.collection(marks).add({ _id: 't2:p9', n: 5 });
    const _ = db.command;
    const $ = _.aggregate;
    const r = await db
      .collection(people)
      .aggregate()
      .match({ _id: 'p1' })
      .lookup({
        from: things,
        let: { pid: '$_id' },
        pipeline: $.pipeline()
          .match({ on: true })
          .project({ mid: $.concat(['$_id', ':', '$$pid']) })
          .lookup({ from: marks, let: { mid: '$mid' }, pipeline: $.pipeline().match(_.expr($.eq(['$_id', '$$mid']))).project({ n: 1 }).done(), as: 'mark' })
          .project({ _id: 1, mark: $.arrayElemAt(['$mark', 0]) })
          .done(),
        as: 'things',
      })
      .end();
    // $arrayElemAt past the end: MongoDB leaves the field out, mingo sets null; readers treat both as "none".
    const rows = r.data as Array<{ _id: string; things: Array<{ _id: string; mark?: unknown }> }>;
    expect(rows.map((p) => ({ ...p, things: p.things.map((t) => ({ _id: t._id, mark: t.mark ?? null })) }))).toEqual([
      { _id: 'p1', things: [{ _id: 't1', mark: { _id: 't1:p1', n: 2 } }, { _id: 't2', mark: null }] },
    ]);
    const g = await db
      .collection(marks)
      .aggregate()
      .match({})
      .group({ _id: null, docs: $.sum(1), done: $.sum($.cond([$.ifNull(['$done', false]), 1, 0])), open: $.sum($.cond([$.not([$.ifNull(['$done', false])]), 1, 0])), total: $.sum($.ifNull(['$n', 0])) })
      .limit(1)
      .end();
    expect(g.data).toEqual([{ _id: null, docs: 2, done: 1, open: 1, total: 7 }]);
  });

  it('looks up one document of another collection by _id (present or missing) next to the matched one', async () => {
    const left = await freshCollection();
    const right = await freshCollection();
    await db.collection(left).add({ _id: 'T1', stock: 3 });
    await db.collection(right).add({ _id: 'U1', n: 1 });
    await db.collection(right).add({ _id: 'U2', n: 2 });
    const $ = db.command.aggregate;
    const pair = (userId: string) =>
      db.collection(left).aggregate().match({ _id: 'T1' }).limit(1).lookup({ from: right, pipeline: $.pipeline().match({ _id: userId }).limit(1).done(), as: 'user' }).end();
    expect((await pair('U2')).data).toEqual([{ _id: 'T1', stock: 3, user: [{ _id: 'U2', n: 2 }] }]);
    expect((await pair('U9')).data).toEqual([{ _id: 'T1', stock: 3, user: [] }]);
  });
});

describe('transactions', () => {
  it('runTransaction commits reads and writes together', async () => {
    const c = await freshCollection();
    await db.collection(c).add({ _id: 'a', v: 10 });
    await db.collection(c).add({ _id: 'b', v: 0 });
    await db.runTransaction(async (tx: Tx) => {
      const a = (await tx.collection(c).doc('a').get()).data;
      await tx.collection(c).doc('a').update({ v: a.v - 4 });
      await tx.collection(c).doc('b').update({ v: db.command.inc(4) });
      await tx.collection(c).add({ _id: 'log', moved: 4 });
    });
    const all = (await db.collection(c).where({}).get()).data;
    expect(all).toEqual(expect.arrayContaining([{ _id: 'a', v: 6 }, { _id: 'b', v: 4 }, { _id: 'log', moved: 4 }]));
  });

  it('a transaction that throws is rolled back: nothing it wrote is visible', async () => {
    const c = await freshCollection();
    await db.collection(c).add({ _id: 'a', v: 1 });
    await expect(
      db.runTransaction(async (tx: Tx) => {
        await tx.collection(c).doc('a').update({ v: 99 });
        await tx.collection(c).add({ _id: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await db.collection(c).doc('a').get()).data[0].v).toBe(1);
    expect((await db.collection(c).doc('x').get()).data).toEqual([]);
  });

  it('startTransaction + rollback discards the writes', async () => {
    const c = await freshCollection();
    await db.collection(c).add({ _id: 'a', v: 1 });
    const tx = await db.startTransaction();
    await tx.collection(c).doc('a').update({ v: db.command.inc(5) });
    await tx.rollback();
    expect((await db.collection(c).doc('a').get()).data[0].v).toBe(1);
  });

  it('two transactions writing the same document: one aborts with DATABASE_TRANSACTION_CONFLICT', async () => {
    const c = await freshCollection();
    await db.collection(c).add({ _id: 'a', v: 0 });
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection(c).doc('a').update({ v: db.command.inc(1) });
    const second = t2.collection(c).doc('a').update({ v: db.command.inc(1) }).then(() => t2.commit());
    await expect(second).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await t1.commit();
    expect((await db.collection(c).doc('a').get()).data[0].v).toBe(1);
  });

  it('20 concurrent transfers between two documents preserve the total; each commits or aborts with the conflict code', async () => {
    const c = await freshCollection();
    await db.collection(c).add({ _id: 'A', balance: 1000 });
    await db.collection(c).add({ _id: 'B', balance: 1000 });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db
          .runTransaction(async (tx: Tx) => {
            const [from, to] = i % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
            const src = (await tx.collection(c).doc(from).get()).data;
            const dst = (await tx.collection(c).doc(to).get()).data;
            await tx.collection(c).doc(from).update({ balance: src.balance - 10 });
            await tx.collection(c).doc(to).update({ balance: dst.balance + 10 });
          }, 0)
          .then(() => 'committed')
          .catch((err: unknown) => codeOf(err)),
      ),
    );
    expect(outcomes.every((o) => o === 'committed' || o === 'DATABASE_TRANSACTION_CONFLICT')).toBe(true);
    expect(outcomes).toContain('committed');
    const docs = (await db.collection(c).where({}).get()).data as Array<{ _id: string; balance: number }>;
    expect(docs.reduce((s, d) => s + d.balance, 0)).toBe(2000);
    const committed = outcomes.filter((o) => o === 'committed').length;
    const a = docs.find((d) => d._id === 'A')!.balance;
    // Each committed transfer moved exactly 10 one way or the other.
    expect(Math.abs(a - 1000) % 10).toBe(0);
    expect(Math.abs(a - 1000)).toBeLessThanOrEqual(committed * 10);
  });
});
