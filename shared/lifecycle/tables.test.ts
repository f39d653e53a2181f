/**
 * The transition tables. Which moves exist is the tables' business; these tests check what makes
 * a table sound: every state is reachable and every state named by a move is listed (checked at
 * start-up), anything a table does not list is refused, and `sourcesOf` is what guarded writes
 * use. That no table lists a state or move nothing makes is shown by the property test
 * (lifecycle.property.test.ts), which makes every move of every table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';
import { canMove, defineMachine, nextState, reachableFrom, sourcesOf, targetOf, transitionsOf, type Machine } from './machine';
import { afterSaleMachine, bargainMachine, couponMachine, lineMachine, memberMachine, orderMachine, payoutMachine, refundMachine, teamMachine } from './tables';

const MACHINES: Array<Machine<string, string>> = [orderMachine, lineMachine, afterSaleMachine, teamMachine, memberMachine, couponMachine, refundMachine, payoutMachine, bargainMachine];

describe.each(MACHINES.map((m) => [m.name, m] as const))('%s machine', (_name, machine) => {
  const moves = Object.keys(machine.moves);

  it('every state is reachable from the initial state, and only terminal states have no move out', () => {
    expect([...reachableFrom(machine, machine.initial)].sort()).toEqual([...machine.states].sort());
    const table = transitionsOf(machine);
    for (const s of machine.states) expect([s, table[s].length > 0 || Object.values(machine.moves).every((m) => !m.from.includes(s))]).toEqual([s, true]);
  });

  it('refuses every move from a state it does not list, with FAILED_PRECONDITION', () => {
    for (const move of moves) {
      for (const from of machine.states.filter((s) => !canMove(machine, move, s))) {
        let caught: unknown;
        try {
          nextState(machine, move, from);
        } catch (err) {
          caught = err;
        }
        expect(caught).toBeInstanceOf(AppError);
        expect((caught as AppError).code).toBe('FAILED_PRECONDITION');
      }
    }
  });

  it('sourcesOf lists exactly the states a move may start from; the move leads to its target', () => {
    for (const move of moves) {
      expect(sourcesOf(machine, move).sort()).toEqual(machine.states.filter((s) => canMove(machine, move, s)).sort());
      for (const from of sourcesOf(machine, move)) expect(nextState(machine, move, from)).toBe(targetOf(machine, move, from));
    }
  });
});

it('the order table: unpaid orders pay or are released; paid orders go to the warehouse, ship, are received and complete; lines are refunded in parts at any step; money for a released order goes back', () => {
  expect(transitionsOf(orderMachine)).toEqual({
    pending_pay: ['paid', 'cancelled', 'closed'],
    paid: ['to_ship', 'paid', 'refunded'],
    to_ship: ['to_ship', 'shipped', 'refunded'],
    shipped: ['received', 'shipped', 'refunded'],
    received: ['completed', 'received', 'refunded'],
    completed: ['completed', 'refunded'],
    refunded: [],
    cancelled: ['cancelled'],
    closed: ['closed'],
  });
});

it('the line table: a line ships or is refunded before; once shipped it is refunded (not received) or returned; a request holds it meanwhile', () => {
  expect(transitionsOf(lineMachine)).toEqual({ open: ['shipped', 'refunded', 'open'], shipped: ['refunded_shipped', 'returned', 'shipped'], refunded: [], refunded_shipped: [], returned: [] });
});

it('the after-sale table: a request is approved (a refund pays, a return waits for the goods), rejected or cancelled; a return pays once received', () => {
  expect(transitionsOf(afterSaleMachine)).toEqual({
    requested: ['refunded', 'approved', 'rejected', 'cancelled'],
    approved: ['cancelled', 'return_shipped'],
    return_shipped: ['refunded'],
    refunded: [],
    rejected: [],
    cancelled: [],
  });
});

it('a refund ends succeeded, or failed for ops; only a failed one is asked again, and it can still succeed', () => {
  expect(transitionsOf(refundMachine)).toEqual({ pending: ['succeeded', 'failed'], succeeded: [], failed: ['succeeded', 'pending'] });
});

it('a member is refunded only once paid, and released only while unpaid', () => {
  expect(transitionsOf(memberMachine)).toEqual({ pending_pay: ['paid', 'released'], paid: ['refunded'], refunded: [], released: [] });
});

it('a machine naming an unknown state, or with a state nothing reaches, is rejected at start-up', () => {
  expect(() => defineMachine({ name: 'bad', states: ['a'], initial: 'a', moves: { go: { from: ['a'], to: 'b' as 'a', writes: '' } } })).toThrow(/unknown state b/);
  expect(() => defineMachine({ name: 'bad', states: ['a', 'b'], initial: 'a', moves: { stay: { from: ['a'], writes: '' } } })).toThrow(/no move reaches b/);
});

/** A machine as the markdown table docs/architecture.md shows. */
function markdownOf(machine: Machine<string, string>): string {
  const rows = Object.entries(machine.moves).map(([move, m]) => `| \`${move}\` | ${m.from.join(', ')} | ${m.to ?? '(stays)'} | ${m.writes} |`);
  return [`**${machine.name}** — states: ${machine.states.join(', ')} (starts ${machine.initial})`, '', '| move | from | to | writes |', '|---|---|---|---|', ...rows].join('\n');
}

it('docs/architecture.md shows every table exactly as the code has it', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'architecture.md'), 'utf8');
  for (const machine of MACHINES) expect(doc).toContain(markdownOf(machine));
});
