/**
 * Properties of the fold that make the stored summary trustworthy:
 * - rebuilt from all events in time order, it equals the summary maintained incrementally as the
 *   events arrived — in any order, each applied once however often it was delivered (the writer's
 *   guard: a summary remembers the events it applied), with some deliveries lost and finished later;
 * - whenever a rule tag or a due reminder holds, the summary's attention window is open (the today
 *   list reads only those), and the stage only rises as events arrive.
 */
import fc from 'fast-check';
import { applyEvent, emptySummary, summarize, type CustomerSummary } from './summary';
import { CARD_TAPS, type CustomerEvent } from './events';
import { tagsAt } from './tags';
import { stageOf, stageRank } from './stage';

const START = new Date('2026-06-01T00:00:00Z').getTime();
const HOUR = 3_600_000;

const eventArb = (i: number): fc.Arbitrary<CustomerEvent> =>
  fc
    .record({
      kind: fc.integer({ min: 0, max: 9 }),
      hours: fc.integer({ min: 0, max: 24 * 20 }),
      product: fc.constantFrom('p01', 'p02', 'p03'),
      paidWith: fc.integer({ min: 0, max: 40 }),
      validDays: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      fen: fc.integer({ min: 1, max: 50_000 }),
      flag: fc.boolean(),
    })
    .map(({ kind, hours, product, paidWith, validDays, fen, flag }): CustomerEvent => {
      const base = { _id: `e${i}`, openid: 'o_c', salesId: 'o_s', at: new Date(START + hours * HOUR) };
      const order = `o${i % 3}`;
      switch (kind) {
        case 0:
          return { ...base, type: 'share_opened', data: { shareId: 'S', targetType: 'card', targetId: 'o_s', bound: flag } };
        case 1:
          return { ...base, type: 'card_viewed', data: { cardSalesId: 'o_s' } };
        case 2:
          return { ...base, type: 'card_tapped', data: { cardSalesId: 'o_s', tap: CARD_TAPS[i % 2], visitId: 'v' } };
        case 3:
          return { ...base, type: 'product_viewed', data: { productId: product, title: product } };
        case 4:
          return { ...base, type: 'material_read', data: { materialId: 'm1', title: 'm', kind: 'case' } };
        case 5:
          // A coupon is claimed once (its event id is the coupon's): one expiry per coupon id.
          return { ...base, type: 'coupon_claimed', data: { couponId: `c${i}`, templateId: 't', title: 't', validToAt: validDays === null ? null : new Date(base.at.getTime() + validDays * 24 * HOUR) } };
        case 6:
          return { ...base, type: 'order_created', data: { orderId: order, totalFen: fen } };
        case 7:
          return { ...base, type: 'order_paid', data: { orderId: order, paidFen: fen, couponId: flag ? `c${paidWith}` : null } };
        case 8:
          return { ...base, type: 'order_refunded', data: { orderId: order, refundId: `r${i}`, refundFen: fen, full: flag } };
        default:
          return { ...base, type: 'aftersale_requested', data: { orderId: order, requestId: `a${i}` } };
      }
    });

const storyArb = fc.integer({ min: 0, max: 40 }).chain((n) => (n === 0 ? fc.constant([] as CustomerEvent[]) : fc.tuple(...Array.from({ length: n }, (_, i) => eventArb(i)))));

/** A delivery of an event: possibly duplicated, possibly lost the first time (finished by the sweep). */
const deliveriesArb = (events: CustomerEvent[]) =>
  fc.tuple(
    fc.shuffledSubarray(
      events.flatMap((e) => [e, e]),
      { minLength: events.length * 2 },
    ),
    fc.array(fc.boolean(), { minLength: events.length * 2, maxLength: events.length * 2 }),
  );

const byTime = (a: CustomerEvent, b: CustomerEvent) => a.at.getTime() - b.at.getTime() || a._id.localeCompare(b._id);

describe('the summary never drifts from its events', () => {
  it('rebuilt from all events it equals the incrementally maintained one (any order, duplicates, lost writes finished later)', () => {
    fc.assert(
      fc.property(
        storyArb.chain((events) => fc.tuple(fc.constant(events), deliveriesArb(events))),
        ([events, [deliveries, lost]]) => {
          // What the writer does: each delivery applies the event unless the summary has seen it;
          // a lost summary write leaves the event pending, and the sweep applies it afterwards.
          let stored: CustomerSummary = emptySummary();
          let storedRank = 0;
          const seen = new Set<string>();
          const pending: CustomerEvent[] = [];
          const apply = (e: CustomerEvent) => {
            if (seen.has(e._id)) return;
            seen.add(e._id);
            stored = applyEvent(stored, e);
            const rank = stageRank(stageOf(stored));
            expect(rank).toBeGreaterThanOrEqual(storedRank); // the stage only rises
            storedRank = rank;
          };
          deliveries.forEach((e, i) => (lost[i] ? pending.push(e) : apply(e)));
          pending.forEach(apply);
          expect(stored).toEqual(summarize([...events].sort(byTime)));
        },
      ),
      { numRuns: 300, seed: 1506 },
    );
  });

  it('whenever a rule tag holds at some instant, the attention window is open then', () => {
    fc.assert(
      fc.property(storyArb, fc.integer({ min: 0, max: 24 * 30 }), (events, hours) => {
        const s = summarize(events);
        const now = new Date(START + hours * HOUR);
        if (tagsAt(s, now, false).length > 0) expect(s.attentionUntil && s.attentionUntil.getTime() >= now.getTime()).toBe(true);
      }),
      { numRuns: 500, seed: 1507 },
    );
  });
});
