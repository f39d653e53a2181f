import { AppError } from '../errors';
import { assertTransition, canTransition, sourcesOf, validateTransitions, type Transitions } from './machine';
import {
  couponTransitions,
  memberTransitions,
  orderTransitions,
  teamTransitions,
} from './tables';

const tables: Array<[string, Transitions<string>, Array<[string, string]>]> = [
  [
    'order',
    orderTransitions,
    [
      ['pending_pay', 'paid'], ['pending_pay', 'cancelled'], ['pending_pay', 'closed'],
      ['paid', 'completed'], ['paid', 'refunding'], ['paid', 'partially_refunded'], ['paid', 'refunded'],
      ['refunding', 'partially_refunded'], ['refunding', 'refunded'], ['refunding', 'paid'],
      ['partially_refunded', 'partially_refunded'], ['partially_refunded', 'refunding'],
      ['partially_refunded', 'refunded'], ['partially_refunded', 'completed'],
    ],
  ],
  ['team', teamTransitions, [['forming', 'succeeded'], ['forming', 'failed']]],
  ['member', memberTransitions, [['pending_pay', 'paid'], ['paid', 'refunded']]],
  ['coupon', couponTransitions, [['unused', 'locked'], ['unused', 'expired'], ['locked', 'used'], ['locked', 'unused'], ['used', 'unused']]],
];

describe.each(tables)('%s state machine', (name, table, allowed) => {
  const states = Object.keys(table);
  const allowedSet = new Set(allowed.map(([a, b]) => `${a}>${b}`));
  const pairs = states.flatMap((from) => states.map((to) => [from, to] as const));

  it('allows exactly the listed transitions', () => {
    for (const [from, to] of pairs) {
      expect([from, to, canTransition(table, from, to)]).toEqual([from, to, allowedSet.has(`${from}>${to}`)]);
    }
  });

  it('refuses every unlisted transition with FAILED_PRECONDITION', () => {
    for (const [from, to] of pairs.filter(([a, b]) => !allowedSet.has(`${a}>${b}`))) {
      let caught: unknown;
      try {
        assertTransition(table, name, from, to);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('FAILED_PRECONDITION');
    }
  });

  it('sourcesOf lists the states that may enter a state', () => {
    for (const to of states) {
      expect(sourcesOf(table, to).sort()).toEqual(allowed.filter(([, b]) => b === to).map(([a]) => a).sort());
    }
  });
});

it('a table naming an unknown state is rejected at start-up', () => {
  expect(() => validateTransitions('bad', { a: ['b'] } as unknown as Transitions<'a'>)).toThrow(/unknown state/);
});
