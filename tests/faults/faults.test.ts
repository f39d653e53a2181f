/**
 * Fault injection, fixed seeds: the commerce and growth scenario (tests/faults/scenario.ts) runs
 * while the local cloud fails or conflicts a fraction of commits and single writes; the client
 * retries like the mini-program. Then faults are switched off, the timer runs twice more, and the
 * stored documents must be consistent. The fault-free run is the control: it proves the checks
 * themselves hold on a healthy run.
 */
import { startTestCloud, type TestCloud } from '../../emulator/testing';
import type { FaultConfig } from '../../emulator/faults';
import { all, couponsConserved, ledgerBalanced, moneyBalanced, noSettleWithOpenRequest, paidOrdersKept, refundsUnique, snapshot, stockConserved, teamsConsistent, type Snapshot } from './consistency';
import { runScenario, type ScenarioLog } from './scenario';

const CONFIGS: Array<[string, Partial<FaultConfig> | null]> = [
  ['no faults (control)', null],
  ['10% of commits fail (seed 7)', { seed: 7, commitFailRate: 0.1 }],
  ['10% of commits conflict, 10% of single writes fail (seed 7)', { seed: 7, commitConflictRate: 0.1, writeFailRate: 0.1 }],
  ['10% of writes and commits applied with their reply lost (seed 7)', { seed: 7, replyLostRate: 0.1 }],
];

describe.each(CONFIGS)('%s', (_name, config) => {
  let cloud: TestCloud;
  let log: ScenarioLog;
  let s: Snapshot;
  let injected = { commitConflict: 0, commitFail: 0, writeFail: 0, replyLost: 0, crashed: 0 };
  const initialStock = new Map<string, number>();
  const initialCoupons = new Map<string, number>();

  beforeAll(async () => {
    // Injected failures are logged by the functions as they would be in production; keep the output readable.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    cloud = await startTestCloud();
    for (const sku of await all(cloud, 'skus')) initialStock.set(sku._id, Number(sku.stock) + Number(sku.sold ?? 0));
    for (const t of await all(cloud, 'coupon_templates')) initialCoupons.set(t._id, Number(t.stock) + Number(t.issuedCount ?? 0));
    if (config) cloud.faults(config);
    log = await runScenario(cloud, () => {
      injected = { ...cloud.cloud.faults.injected };
      cloud.faults({ seed: 1 });
    });
    s = await snapshot(cloud);
  }, 600_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await cloud.close();
  });

  it('ran the scenario to the end (faults injected when configured; every retried call got through)', () => {
    expect(s.orders.length).toBeGreaterThanOrEqual(12);
    if (config) expect(injected.commitConflict + injected.commitFail + injected.writeFail + injected.replyLost).toBeGreaterThan(0);
    else expect(log.codes.INTERNAL ?? 0).toBe(0);
    expect(log.gaveUp).toEqual([]);
  });

  it('no paid order lost: every recorded payment is a paid order of that amount (or a late payment refunded); every order a client saw paid is paid', () => {
    expect(paidOrdersKept(s, log.clientSawPaid)).toEqual([]);
  });

  it('no double refund: one refund record per order line, records sum to refundedFen ≤ paidFen, all completed', () => {
    expect(refundsUnique(s)).toEqual([]);
  });

  it('money balanced: payments = paidFen, refund records = refundedFen', () => {
    expect(moneyBalanced(s)).toEqual([]);
  });

  it('stock conserved: initial = stock + units of live order lines (to ship, shipped, refunded in transit), and sold = those units: stock never returned for goods that were not', () => {
    expect(stockConserved(s, initialStock)).toEqual([]);
  });

  it('commission never settleable for an order with an after-sale request open', () => {
    expect(noSettleWithOpenRequest(s)).toEqual([]);
  });

  it('coupons conserved: issuedCount = instances, stock + issued = initial, locked/used coupons belong to live orders', () => {
    expect(couponsConserved(s, initialCoupons)).toEqual([]);
  });

  it('teams consistent: seats = members, succeeded teams full, failed teams settled and keep no money', () => {
    expect(teamsConsistent(s)).toEqual([]);
  });

  it('commission ledger balanced: per paid line, pending − reversed = commission × (paid − refunded) / paid', () => {
    expect(ledgerBalanced(s)).toEqual([]);
  });

  it('every team ended (succeeded or failed) once its time was up', () => {
    expect(s.teams.filter((t) => t.status === 'forming').map((t) => t._id)).toEqual([]);
  });
});
