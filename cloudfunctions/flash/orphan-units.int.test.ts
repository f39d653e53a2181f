/**
 * A flash unit taken by a buy that died before its order was inserted comes back (issue 14): the
 * take records itself on the sale, and the sweep gives the unit back once after the grace period.
 * The death is the local cloud's fault injection: every write of the buy after its first (the take)
 * fails, its own compensation included — as if the process ended right after the take.
 */
import { useTestCloud, AS_FUNCTION } from '../../emulator/testing';
import { FLASH_IDS } from '../../emulator/seed';
import { doc, docs, HOME } from '../../tests/support/commerce';
import { FLASH_TAKE_GRACE_MS } from '../../shared/flash';
import { reclaimOrphanedUnits } from '../_commerce/flash-orphans';

const t = useTestCloud();

type Sweep = { flashUnitsReclaimed: number };
type Sale = { taken: number; buyers?: Record<string, string[]>; takes?: Array<{ orderId: string; buyerKey: string; takenAt: Date }> };
const LIVE = FLASH_IDS.live;
const SKU = 'p08-s1';
const buy = (openid: string, key: string) => t.cloud.call<{ orderId: string }>('flash', { action: 'buy', flashId: LIVE, addressId: HOME, idempotencyKey: key }, openid);
const sale = async () => (await doc(t.cloud, 'flash_sales', LIVE)) as unknown as Sale;
const sweep = () => t.cloud.ok<Sweep>('sweep', { action: 'run' }, AS_FUNCTION);

describe('orphaned flash units', () => {
  it('a buy that dies right after its take leaves a marked unit; after the grace period the sweep gives it back exactly once', async () => {
    const stockBefore = Number((await doc(t.cloud, 'skus', SKU))?.stock);
    t.cloud.faults({ crashAfter: { call: 'flash.buy', writes: 1 } });
    const died = await buy('o_cust_2', 'orphan-key-1');
    t.cloud.faults({});
    expect(died.ok).toBe(false);
    const orphaned = await sale();
    expect(orphaned).toMatchObject({ taken: 1, buyers: { o_cust_2: [expect.any(String)] } });
    const orderId = orphaned.buyers!.o_cust_2[0];
    expect(orphaned.takes).toEqual([{ orderId, buyerKey: 'o_cust_2', takenAt: t.cloud.now() }]);
    expect(await docs(t.cloud, 'orders')).toEqual([]);
    // the customer is at the limit (1) while the unit is held
    const held = await buy('o_cust_2', 'orphan-key-2');
    expect(held.ok === false && held.error.code).toBe('LIMIT_REACHED');

    // Within the grace period the take may still be a live request: nothing is given back.
    t.cloud.advanceClock(FLASH_TAKE_GRACE_MS - 1000);
    expect((await sweep()).flashUnitsReclaimed).toBe(0);
    expect(await sale()).toMatchObject({ taken: 1 });

    t.cloud.advanceClock(2000);
    const runs = await Promise.all([sweep(), sweep()]);
    expect(runs.map((r) => r.flashUnitsReclaimed).reduce((a, b) => a + b, 0)).toBe(1);
    expect(await sale()).toMatchObject({ taken: 0, buyers: { o_cust_2: [] }, takes: [] });
    expect((await sweep()).flashUnitsReclaimed).toBe(0);
    expect(await sale()).toMatchObject({ taken: 0 });
    expect(Number((await doc(t.cloud, 'skus', SKU))?.stock)).toBe(stockBefore); // the SKU was never held

    const again = await buy('o_cust_2', 'orphan-key-3');
    expect(again.ok).toBe(true);
    expect(await sale()).toMatchObject({ taken: 1, buyers: { o_cust_2: [again.ok ? again.data.orderId : ''] } });
  });

  it("a take whose order exists keeps its unit: the sweep only drops the take's record after the grace period", async () => {
    const ok = await buy('o_cust_3', 'kept-take-1');
    expect(ok.ok).toBe(true);
    const orderId = ok.ok ? ok.data.orderId : '';
    expect((await sale()).takes).toEqual([{ orderId, buyerKey: 'o_cust_3', takenAt: t.cloud.now() }]);
    t.cloud.advanceClock(FLASH_TAKE_GRACE_MS + 1000); // before the unpaid order's deadline (15 min)
    expect((await sweep()).flashUnitsReclaimed).toBe(0);
    expect(await sale()).toMatchObject({ taken: 1, buyers: { o_cust_3: [orderId] }, takes: [] });
    expect(await doc(t.cloud, 'orders', orderId)).toMatchObject({ status: 'pending_pay' });
  });

  it('a sale whose joined orders come back unreadable gives nothing back (its order may hold the unit)', async () => {
    const ok = await buy('o_cust_3', 'unreadable-join-1');
    expect(ok.ok).toBe(true);
    const orderId = ok.ok ? ok.data.orderId : '';
    t.cloud.advanceClock(FLASH_TAKE_GRACE_MS + 1000);
    const { takes } = await sale();
    const logged = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const given = await reclaimOrphanedUnits({ now: t.cloud.now(), requestId: 'test' }, [{ _id: LIVE, takes, _orders: [null] }]);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('unreadable order'));
    logged.mockRestore();
    expect(given).toBe(0);
    expect(await sale()).toMatchObject({ taken: 1, buyers: { o_cust_3: [orderId] }, takes });
    // The next run, reading the join as it is, keeps the unit with its order and drops the record.
    expect((await sweep()).flashUnitsReclaimed).toBe(0);
    expect(await sale()).toMatchObject({ taken: 1, buyers: { o_cust_3: [orderId] }, takes: [] });
  });
});
