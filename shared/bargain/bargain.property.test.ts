/**
 * Random sequences of starts, helps (friends, repeats, the starter, staff), orders, repeated orders,
 * releases (an order never made, its unpaid order cancelled or closed, another order's release) and clock moves, through the bargain's deciders on the in-memory world that guards
 * writes as the functions do (tests/support/lifecycle-world.ts). After every command: each helper
 * counted once, never more than N, the price never below the floor, start − reached = the sum of
 * the cuts of the helpers counted, one order per bargain. Over all runs every bargain move is made.
 */
import fc from 'fast-check';
import { isAppError } from '../errors';
import { decideOrder as decideOrderMove } from '../lifecycle/order';
import { anOrder } from '../../tests/support/fixtures';
import { LifecycleWorld } from '../../tests/support/lifecycle-world';
import { bargainDealSchema } from './deal.schema';
import { cutsOf } from './cuts';
import { decideHelp, decideOrder, decideStart, planOf, releaseChange, viewBargain } from './bargain';

const START = new Date('2026-06-01T02:00:00Z');
const HOUR = 3_600_000;
const PEOPLE = ['o_a', 'o_b', 'o_c', 'o_d', 'o_e', 'o_f', 'o_sales'];
const deal = bargainDealSchema.parse({
  _id: 'bd1', title: 'bargain', status: 'active', startAt: START, endAt: new Date(START.getTime() + 1000 * HOUR),
  productId: 'p1', skuId: 'p1-s1', floorPriceFen: 990, helpersNeeded: 4, validHours: 2, perUserLimit: 2,
});

/** How a bargain's order goes away: never made (sold out), cancelled or closed unpaid, or another order released. */
type Release = 'unmade' | 'cancel' | 'close' | 'other';

type Command =
  | { kind: 'start'; who: number }
  | { kind: 'help'; who: number; bargain: number }
  | { kind: 'order'; bargain: number; key: number }
  | { kind: 'release'; bargain: number; how: Release }
  | { kind: 'wait'; minutes: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('start' as const), who: fc.nat({ max: PEOPLE.length - 1 }) }),
  fc.record({ kind: fc.constant('help' as const), who: fc.nat({ max: PEOPLE.length - 1 }), bargain: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant('help' as const), who: fc.nat({ max: PEOPLE.length - 1 }), bargain: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant('order' as const), bargain: fc.nat({ max: 5 }), key: fc.nat({ max: 1 }) }),
  fc.record({ kind: fc.constant('release' as const), bargain: fc.nat({ max: 5 }), how: fc.constantFrom<Release>('unmade', 'cancel', 'close', 'other') }),
  fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 90 }) }),
);

function refusedOrThrow(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (!isAppError(err)) throw err;
  }
}

function run(w: LifecycleWorld, cmd: Command): void {
  const all = [...w.bargains.values()];
  if (cmd.kind === 'wait') {
    w.now = new Date(w.now.getTime() + cmd.minutes * 60_000);
    return;
  }
  if (cmd.kind === 'start') {
    const openid = PEOPLE[cmd.who];
    const mine = all.filter((b) => b.starterOpenid === openid);
    refusedOrThrow(() => {
      const d = decideStart({ bargainId: `b_${openid}_${mine.length + 1}`, deal, skuPriceFen: 3990 + cmd.who, starterOpenid: openid, starterName: openid, mine, now: w.now });
      if (d.kind === 'new') w.bargains.set(d.bargain._id, { ...d.bargain, helpers: [], helperNames: [] });
    });
    return;
  }
  const b = all[cmd.bargain % Math.max(1, all.length)];
  if (!b) return;
  if (cmd.kind === 'help') {
    const openid = PEOPLE[cmd.who];
    refusedOrThrow(() => {
      const change = decideHelp(b, { openid, role: openid === 'o_sales' ? 'sales' : 'customer', name: `n_${openid}` }, w.now);
      if (!w.applyChange(change)) throw new Error(`help by ${openid} decided from the bargain as stored, but its write lost`);
    });
    return;
  }
  if (cmd.kind === 'order') {
    const orderId = `order_${b._id}_${cmd.key}`;
    refusedOrThrow(() => {
      const { change } = decideOrder(b, b.starterOpenid, orderId, w.now);
      if (change && !w.applyChange(change)) throw new Error('order decided from the bargain as stored, but its write lost');
    });
    return;
  }
  if (!b.orderId) return;
  if (cmd.how === 'unmade') {
    w.applyChange(releaseChange(b, b.orderId, w.now));
    return;
  }
  // An unpaid order released: its release effects, as the functions apply them, give the bargain back.
  const orderId = cmd.how === 'other' ? `${b.orderId}_other` : b.orderId;
  const order = anOrder({ _id: orderId, buyerOpenid: b.starterOpenid, bargainId: b._id });
  const decision = decideOrderMove(order, cmd.how === 'close' ? { type: 'close', reason: 'pay_timeout' } : { type: 'cancel' }, w.now);
  for (const e of decision.effects) if (e.type === 'releaseBargain') w.apply(e);
  const after = w.bargains.get(b._id);
  if (cmd.how === 'other') expect(after).toMatchObject({ status: 'ordered', orderId: b.orderId });
  else expect(after).toMatchObject({ status: 'open', orderId: null });
}

const seen = new Set<string>();

it('bargains keep their invariants under random commands', () => {
  fc.assert(
    fc.property(fc.array(command, { minLength: 1, maxLength: 60 }), (commands) => {
      const w = new LifecycleWorld(START);
      for (const cmd of commands) {
        run(w, cmd);
        for (const b of w.bargains.values()) {
          expect(new Set(b.helpers).size).toBe(b.helpers.length);
          expect(b.helpers).not.toContain(b.starterOpenid);
          expect(b.helpers).not.toContain('o_sales');
          expect(b.helpCount).toBe(b.helpers.length);
          expect(b.helperNames).toEqual(b.helpers.map((h) => `n_${h}`));
          expect(b.helpCount).toBeLessThanOrEqual(b.helpersNeeded);
          const view = viewBargain(b, w.now);
          expect(view.reachedPriceFen).toBeGreaterThanOrEqual(b.floorPriceFen);
          expect(b.startPriceFen - view.reachedPriceFen).toBe(cutsOf(planOf(b)).slice(0, b.helpCount).reduce((s, c) => s + c, 0));
          if (b.helpCount === b.helpersNeeded) expect(view.reachedPriceFen).toBe(b.floorPriceFen);
          expect(b.status === 'ordered').toBe(b.orderId !== null);
        }
      }
      for (const m of w.moves) seen.add(`${m.machine}.${m.move}`);
    }),
    { numRuns: 300 },
  );
});

it('over those runs every move of the bargain table was made', () => {
  expect([...seen].filter((k) => k.startsWith('bargain.')).sort()).toEqual(['bargain.help', 'bargain.order', 'bargain.release']);
});
