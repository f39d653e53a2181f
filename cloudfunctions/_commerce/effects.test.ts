/**
 * The writer's guards come from the tables: for every move of every machine, the condition on the
 * stored status is exactly the move's source states (no database: the conditions are only built).
 */
import { couponMachine, memberMachine, orderMachine, sourcesOf, teamMachine, type EntityChange, type Machine } from '../../shared/lifecycle';
import { guardOf, updateOf } from './effects';

const ENTITIES: Array<[EntityChange['entity'], Machine<string, string>]> = [
  ['order', orderMachine],
  ['team', teamMachine],
  ['member', memberMachine],
  ['coupon', couponMachine],
];

function statusValues(condition: unknown): unknown[] {
  const c = condition as { operator?: string; operands?: unknown[] };
  return c && typeof c === 'object' && c.operator === 'in' ? [...(c.operands ?? [])] : [condition];
}

it.each(ENTITIES)('%s: every move is guarded by its source states from the table', (entity, machine) => {
  for (const move of Object.keys(machine.moves)) {
    const change = { entity, id: 'x1', move, requires: [], set: {}, inc: {} } as unknown as EntityChange;
    const guard = guardOf(change);
    expect([move, guard._id, statusValues(guard.status).sort()]).toEqual([move, 'x1', sourcesOf(machine, move).sort()]);
  }
});

it('requires become conditions and inc becomes _.inc; a bulk guard has no id', () => {
  const change: EntityChange = {
    entity: 'team',
    id: 't1',
    move: 'seat',
    requires: [
      { field: 'seatsTaken', op: 'lt', value: 3 },
      { field: 'dealId', op: 'eq', value: 'duo' },
    ],
    set: { note: 'x' },
    inc: { seatsTaken: 1 },
  };
  const guard = guardOf(change);
  expect(JSON.parse(JSON.stringify(guard))).toEqual({ _id: 't1', status: 'forming', seatsTaken: { $lt: 3 }, dealId: 'duo' });
  expect(guardOf(change, true)._id).toBeUndefined();
  expect(updateOf(change)).toMatchObject({ note: 'x', seatsTaken: { operator: 'inc', operands: [1] } });
});
