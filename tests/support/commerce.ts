/** Reading and checking stored documents in function tests and benches (through the real SDK). */
import type { TestCloud } from '../../emulator/testing';
import { buildSeed, DEMO_ADDRESS_ID } from '../../emulator/seed';
import { KEPT_STATUSES } from '../../shared/orders';

type Doc = Record<string, unknown> & { _id: string };

/** All documents of a collection matching `where` (through the real SDK). */
export async function docs(cloud: TestCloud, collection: string, where: Record<string, unknown> = {}): Promise<Doc[]> {
  const res = await cloud.db.collection(collection).where(where).limit(1000).get();
  return (res as { data: Doc[] }).data;
}

/** One document by id, or undefined. */
export async function doc(cloud: TestCloud, collection: string, id: string): Promise<Doc | undefined> {
  const res = await cloud.db.collection(collection).doc(id).get();
  return (res as { data: Doc[] }).data[0];
}

/**
 * Money balances: what was paid minus what was refunded equals the total kept by paid,
 * unrefunded orders; payments and refunds records agree with the orders.
 */
export async function moneyBalance(cloud: TestCloud) {
  const [orders, payments, refunds] = await Promise.all([docs(cloud, 'orders'), docs(cloud, 'payments'), docs(cloud, 'refunds')]);
  const sum = (xs: Doc[], f: (d: Doc) => number) => xs.reduce((a, d) => a + f(d), 0);
  const paidFen = sum(orders, (o) => Number(o.paidFen));
  const refundedFen = sum(orders, (o) => Number(o.refundedFen));
  const keptFen = sum(
    orders.filter((o) => (KEPT_STATUSES as readonly string[]).includes(String(o.status))),
    (o) => Number(o.paidFen) - Number(o.refundedFen),
  );
  return {
    paidFen,
    refundedFen,
    keptFen,
    paymentsFen: sum(payments, (p) => Number(p.totalFen)),
    refundsFen: sum(refunds, (r) => Number(r.refundFen)),
  };
}

/** Asserts the balance identities (jest expect). */
export async function expectMoneyBalances(cloud: TestCloud): Promise<void> {
  const m = await moneyBalance(cloud);
  expect(m.paidFen - m.refundedFen).toBe(m.keptFen);
  expect(m.paymentsFen).toBe(m.paidFen);
  expect(m.refundsFen).toBe(m.refundedFen);
}

/** Counts of envelope outcomes: `{ ok: n, SOLD_OUT: m, ... }`. */
export function outcomes(results: Array<{ ok: boolean; error?: { code: string } }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) {
    const key = r.ok ? 'ok' : (r.error?.code ?? '?');
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** The seeded home address of every demo customer (`order.create` needs an address for goods that ship). */
export const HOME = DEMO_ADDRESS_ID;

/**
 * Gives each of `openids` an address book holding the demo home address under {@link HOME}, as
 * `address.save` would have written it (arranged directly, for test buyers the seed does not know).
 */
export async function giveAddresses(cloud: TestCloud, openids: readonly string[]): Promise<void> {
  const { _id: _seeded, ...book } = buildSeed(cloud.now()).addresses[0];
  await Promise.all(openids.map((openid) => cloud.db.collection('addresses').doc(openid).set(book)));
}

