/**
 * payout through the real SDK on the local cloud: the request's guards under real concurrency,
 * the boss's review and mark, the ledger's `paid` entry exactly once, and a refund after a payout
 * carried as a negative balance.
 */
import { useTestCloud } from '../../emulator/testing';
import { stableId } from '../_platform/ids';
import { orderPaid, orderRefunded } from '../../shared/lifecycle';
import { aLine, aPaidOrder } from '../../tests/support/fixtures';
import { doc, docs, outcomes } from '../../tests/support/commerce';
import { arrangeSettledCommission } from '../../tests/support/payouts';
import { applyGrowthOf } from '../_growth/subscriber';

const t = useTestCloud();
const LI = 'o_sales_li';
const WANG = 'o_sales_wang';
const BOSS = 'o_boss';
const DAY = 86_400_000;

type PayoutReply = { payout: { payoutId: string; status: string; amountFen: number }; balance?: { balanceFen: number; availableFen: number; reservedFen: number } };
type Mine = { balance: { balanceFen: number; availableFen: number; reservedFen: number; carriedFen: number; paidFen: number; settledFen: number; reversedAfterSettlementFen: number; lateReversals: Array<{ orderId: string; amountFen: number }> }; minAmountFen: number; openPayoutId: string | null; items: Array<{ payoutId: string; status: string }> };

const call = (fn: string, event: Record<string, unknown>, who: string) => t.cloud.call<PayoutReply>(fn, event, who);
const request = (amountFen: number, who = LI) => call('payout', { action: 'request', amountFen }, who);
const mine = (who = LI) => t.cloud.ok<Mine>('payout', { action: 'mine' }, who);
const settled = (fen: number, orderId = 'o_settled_1', who = LI) => arrangeSettledCommission(t.cloud, who, orderId, fen, new Date(t.cloud.now().getTime() - 2 * DAY));
const paidEntries = (payoutId: string) => docs(t.cloud, 'commission_ledger', { kind: 'paid', payoutId });

describe('payout.request', () => {
  it('reserves the amount: the request is stored, the slot taken, the balance shown without it', async () => {
    await settled(12_000);
    const r = await t.cloud.ok<PayoutReply>('payout', { action: 'request', amountFen: 5_000 }, LI);
    expect(r.payout).toMatchObject({ status: 'requested', amountFen: 5_000 });
    expect(await doc(t.cloud, 'payouts', r.payout.payoutId)).toMatchObject({ salesId: LI, salesName: '李娜', seq: 1, status: 'requested', amountFen: 5_000, balanceAtRequestFen: 12_000 });
    expect(await doc(t.cloud, 'users', LI)).toMatchObject({ openPayoutId: r.payout.payoutId, payoutSeq: 1 });
    expect((await mine()).balance).toMatchObject({ balanceFen: 12_000, reservedFen: 5_000, availableFen: 7_000 });
    expect(await docs(t.cloud, 'commission_ledger', { kind: 'paid' })).toHaveLength(0);
  });

  it('below the minimum → NOT_ELIGIBLE, above the available balance → LIMIT_REACHED, nothing written', async () => {
    await settled(3_000);
    await t.cloud.db.collection('settings').add({ _id: 'payouts', minAmountFen: 2_000 });
    const under = await request(1_999);
    expect(under.ok ? 'ok' : under.error.code).toBe('NOT_ELIGIBLE');
    const over = await request(3_001);
    expect(over.ok ? 'ok' : over.error.code).toBe('LIMIT_REACHED');
    expect(await docs(t.cloud, 'payouts')).toHaveLength(0);
    expect((await doc(t.cloud, 'users', LI))?.openPayoutId ?? null).toBeNull();
  });

  it('10 concurrent requests → exactly one open request, the others FAILED_PRECONDITION', async () => {
    await settled(50_000);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => request(1_000 + i * 100)));
    expect(outcomes(results)).toEqual({ ok: 1, FAILED_PRECONDITION: 9 });
    const stored = await docs(t.cloud, 'payouts', { salesId: LI });
    expect(stored.map((p) => p.status)).toEqual(['requested']);
    expect((await doc(t.cloud, 'users', LI))?.openPayoutId).toBe(stored[0]._id);
    expect((await mine()).balance.reservedFen).toBe(stored[0].amountFen);
  });

  it('a second request while one is open is refused; another salesperson is not affected', async () => {
    await settled(20_000);
    await settled(20_000, 'o_settled_w', WANG);
    expect((await request(5_000)).ok).toBe(true);
    const again = await request(1_000);
    expect(again.ok ? 'ok' : again.error.code).toBe('FAILED_PRECONDITION');
    expect((await request(5_000, WANG)).ok).toBe(true);
  });

  it('customers and the boss cannot request', async () => {
    expect(((await request(1_000, 'o_cust_1')) as { error: { code: string } }).error.code).toBe('PERMISSION_DENIED');
    expect(((await request(1_000, BOSS)) as { error: { code: string } }).error.code).toBe('PERMISSION_DENIED');
  });
});

describe('payout review and markPaid', () => {
  async function requested(amountFen = 8_000, balance = 10_000): Promise<string> {
    await settled(balance);
    return (await t.cloud.ok<PayoutReply>('payout', { action: 'request', amountFen }, LI)).payout.payoutId;
  }

  it('approve twice at once → one approval (one guarded move), the other FAILED_PRECONDITION', async () => {
    const id = await requested();
    const results = await Promise.all([1, 2].map(() => call('payout', { action: 'review', payoutId: id, approve: true, note: 'ok' }, BOSS)));
    expect(outcomes(results)).toEqual({ ok: 1, FAILED_PRECONDITION: 1 });
    expect(await doc(t.cloud, 'payouts', id)).toMatchObject({ status: 'approved', reviewedBy: BOSS, reviewNote: 'ok' });
  });

  it('markPaid twice at once → one set of paid entries; both answer the paid payout; the balance is right', async () => {
    const id = await requested(8_000, 10_000);
    await t.cloud.ok('payout', { action: 'review', payoutId: id, approve: true }, BOSS);
    const results = await Promise.all([1, 2].map(() => t.cloud.call<{ replayed: boolean; payout: { status: string } }>('payout', { action: 'markPaid', payoutId: id, reference: 'BANK-001' }, BOSS)));
    expect(outcomes(results)).toEqual({ ok: 2 });
    expect(results.map((r) => (r.ok ? r.data.replayed : null)).sort()).toEqual([false, true]);
    const entries = await paidEntries(id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'paid', salesId: LI, amountFen: 8_000, reference: 'BANK-001' });
    expect(await doc(t.cloud, 'payouts', id)).toMatchObject({ status: 'paid', reference: 'BANK-001', paidBy: BOSS });
    expect((await doc(t.cloud, 'users', LI))?.openPayoutId).toBeNull();
    expect((await mine()).balance).toMatchObject({ settledFen: 10_000, paidFen: 8_000, balanceFen: 2_000, reservedFen: 0, availableFen: 2_000 });
    expect(await doc(t.cloud, 'counters', 'totals')).toMatchObject({ s: { [LI]: { paidOutFen: 8_000 } } });
    // A repeat after the fact (the first reply lost) still writes nothing new; another reference is refused.
    expect((await t.cloud.ok<{ replayed: boolean }>('payout', { action: 'markPaid', payoutId: id, reference: 'BANK-001' }, BOSS)).replayed).toBe(true);
    const other = await call('payout', { action: 'markPaid', payoutId: id, reference: 'BANK-002' }, BOSS);
    expect(other.ok ? 'ok' : other.error.code).toBe('FAILED_PRECONDITION');
    expect(await paidEntries(id)).toHaveLength(1);
    // The slot is free: the rest can be requested.
    expect((await request(2_000)).ok).toBe(true);
  });

  it('an unapproved request cannot be marked paid; a rejected one releases its amount', async () => {
    const id = await requested(8_000, 10_000);
    const early = await call('payout', { action: 'markPaid', payoutId: id, reference: 'X' }, BOSS);
    expect(early.ok ? 'ok' : early.error.code).toBe('FAILED_PRECONDITION');
    await t.cloud.ok('payout', { action: 'review', payoutId: id, approve: false, note: '银行卡信息有误' }, BOSS);
    expect(await doc(t.cloud, 'payouts', id)).toMatchObject({ status: 'rejected', reviewNote: '银行卡信息有误' });
    expect((await mine()).balance).toMatchObject({ reservedFen: 0, availableFen: 10_000 });
    expect((await doc(t.cloud, 'users', LI))?.openPayoutId).toBeNull();
    expect(await docs(t.cloud, 'commission_ledger', { kind: 'paid' })).toHaveLength(0);
  });

  it('the salesperson cancels their own request; someone else’s is NOT_FOUND; review and markPaid are the boss’s alone', async () => {
    const id = await requested();
    const byWang = await call('payout', { action: 'cancel', payoutId: id }, WANG);
    expect(byWang.ok ? 'ok' : byWang.error.code).toBe('NOT_FOUND');
    const byOps = await call('payout', { action: 'review', payoutId: id, approve: true }, 'o_ops');
    expect(byOps.ok ? 'ok' : byOps.error.code).toBe('PERMISSION_DENIED');
    await t.cloud.ok('payout', { action: 'cancel', payoutId: id }, LI);
    expect(await doc(t.cloud, 'payouts', id)).toMatchObject({ status: 'cancelled' });
    expect((await doc(t.cloud, 'users', LI))?.openPayoutId).toBeNull();
  });

  it('approval is refused when commission reversed since the request no longer covers the amount', async () => {
    const id = await requested(10_000, 10_000);
    await t.cloud.db.collection('commission_ledger').add({ _id: 'rev_late', kind: 'reversed', salesId: LI, orderId: 'o_settled_1', lineId: 'L1', productId: 'p01', buyerOpenid: 'o_cust_1', amountFen: 3_000, baseFen: 0, refundId: 'r_late', createdAt: t.cloud.now() });
    const r = await call('payout', { action: 'review', payoutId: id, approve: true }, BOSS);
    expect(r.ok ? 'ok' : r.error.code).toBe('FAILED_PRECONDITION');
    expect(await doc(t.cloud, 'payouts', id)).toMatchObject({ status: 'requested' });
  });

  it('a mark that died after its move is finished by the next request: the paid entry written once, never spent twice', async () => {
    const id = await requested(6_000, 10_000);
    await t.cloud.ok('payout', { action: 'review', payoutId: id, approve: true }, BOSS);
    // As if markPaid won its move and the process died before the entry and the release.
    await t.cloud.db.collection('payouts').doc(id).update({ status: 'paid', paidAt: t.cloud.now(), paidBy: BOSS, reference: 'BANK-9' });
    expect((await mine()).balance).toMatchObject({ reservedFen: 6_000, availableFen: 4_000 });
    const over = await request(4_001);
    expect(over.ok ? 'ok' : over.error.code).toBe('LIMIT_REACHED');
    expect(await paidEntries(id)).toHaveLength(1);
    expect((await request(4_000)).ok).toBe(true);
    expect((await mine()).balance).toMatchObject({ paidFen: 6_000, reservedFen: 4_000, availableFen: 0 });
  });
});

describe('a refund after a payout', () => {
  const ctx = () => ({ now: t.cloud.now(), requestId: 'test', newId: () => Math.random().toString(36).slice(2, 10) });

  it('makes the balance negative: carried with its reason, never capped; new commission pays it back first', async () => {
    const order = aPaidOrder({ _id: 'ord_after', buyerOpenid: 'o_cust_1', attribution: { salesId: LI, shareId: null, rootShareId: null, depth: 0, referrerOpenid: null, experiments: {} }, lines: [aLine('l1', { productId: 'p01', qty: 1, paidFen: 20_000 })], paidAt: t.cloud.now() });
    await applyGrowthOf(ctx(), order, orderPaid(order.paidAt as Date));
    const pending = await doc(t.cloud, 'commission_ledger', stableId('ord_after', 'l1', 'pending'));
    expect(pending).toMatchObject({ kind: 'pending', amountFen: 2_000 });
    t.cloud.advanceClock(8 * DAY);
    await t.cloud.db.collection('commission_ledger').add({ ...pending, _id: stableId('ord_after', 'l1', 'settleable'), kind: 'settleable', createdAt: t.cloud.now() });

    const id = (await t.cloud.ok<PayoutReply>('payout', { action: 'request', amountFen: 2_000 }, LI)).payout.payoutId;
    await t.cloud.ok('payout', { action: 'review', payoutId: id, approve: true }, BOSS);
    await t.cloud.ok('payout', { action: 'markPaid', payoutId: id, reference: 'BANK-7' }, BOSS);
    t.cloud.advanceClock(DAY);
    await applyGrowthOf(ctx(), order, orderRefunded(t.cloud.now(), { refundId: 'r_after', lines: [{ lineId: 'l1', refundFen: 20_000 }], full: true }));

    const m = await mine();
    expect(m.balance).toMatchObject({ settledFen: 2_000, reversedAfterSettlementFen: 2_000, paidFen: 2_000, balanceFen: -2_000, availableFen: 0, carriedFen: 2_000 });
    expect(m.balance.lateReversals).toEqual([expect.objectContaining({ orderId: 'ord_after', amountFen: 2_000 })]);
    const refused = await request(1_000);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('LIMIT_REACHED');

    await arrangeSettledCommission(t.cloud, LI, 'ord_next', 2_500, t.cloud.now());
    expect((await mine()).balance).toMatchObject({ balanceFen: 500, availableFen: 500, carriedFen: 0 });
  });
});

describe('payout.queue and mine', () => {
  it('pages every request once, oldest first, with ties on the request time kept apart by id', async () => {
    const at = t.cloud.now();
    const rows = Array.from({ length: 25 }, (_, i) => ({ _id: `po_q${String(i).padStart(2, '0')}`, salesId: i % 2 ? LI : WANG, salesName: null, seq: i + 1, amountFen: 1_000 + i, status: 'requested', balanceAtRequestFen: 50_000, availableAtRequestFen: 50_000, requestedAt: new Date(at.getTime() + (i % 3) * 1000), reviewedAt: null, reviewedBy: null, reviewNote: null, cancelledAt: null, paidAt: null, paidBy: null, reference: null, updatedAt: at }));
    await t.cloud.db.collection('payouts').add(rows);
    const first = await t.cloud.ok<{ items: Array<{ payoutId: string; requestedAt: string }>; nextCursor: string | null }>('payout', { action: 'queue' }, BOSS);
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await t.cloud.ok<{ items: Array<{ payoutId: string; requestedAt: string }>; nextCursor: string | null }>('payout', { action: 'queue', cursor: first.nextCursor }, BOSS);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((p) => p.payoutId)).size).toBe(25);
    expect(all.map((p) => p.requestedAt)).toEqual([...all.map((p) => p.requestedAt)].sort());
    const bad = await call('payout', { action: 'queue', cursor: 'not-a-cursor' }, BOSS);
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_ARGUMENT');
    const paid = await t.cloud.ok<{ items: unknown[] }>('payout', { action: 'queue', status: 'paid' }, BOSS);
    expect(paid.items).toHaveLength(0);
  });

  it('mine lists the caller’s own requests with their states, the minimum and the open one', async () => {
    await settled(10_000);
    const id = (await t.cloud.ok<PayoutReply>('payout', { action: 'request', amountFen: 3_000 }, LI)).payout.payoutId;
    await t.cloud.ok('payout', { action: 'review', payoutId: id, approve: false, note: 'no' }, BOSS);
    const id2 = (await t.cloud.ok<PayoutReply>('payout', { action: 'request', amountFen: 4_000 }, LI)).payout.payoutId;
    const m = await mine();
    expect(m.items.map((p) => [p.payoutId, p.status])).toEqual([[id2, 'requested'], [id, 'rejected']]);
    expect(m).toMatchObject({ minAmountFen: 1_000, openPayoutId: id2 });
    expect((await mine(WANG)).items).toEqual([]);
  });
});
