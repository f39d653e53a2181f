/**
 * One move of one stored entity as data: the guarded write that makes it. The writer's condition
 * on the stored status is always the move's source states from the table (`sourcesOf`), plus the
 * change's `requires`; the same changes drive the functions' writes and the in-memory model.
 */
import { sourcesOf, type Machine, type MoveOf } from './machine';
import { afterSaleMachine, bargainMachine, couponMachine, memberMachine, orderMachine, payoutMachine, refundMachine, teamMachine } from './tables';

/**
 * A condition a guarded write re-checks atomically, e.g. `{ field: 'seatsTaken', op: 'lt', value: 3 }`.
 * `has` / `lacks`: the list field contains / does not contain `value` — the marker a write that may
 * be applied twice checks (a retry after a lost reply, a re-delivered event), so it applies once.
 * `in`: the field is one of the listed values (the orders a ladder team counted).
 */
export interface Condition {
  field: string;
  op: 'eq' | 'lt' | 'lte' | 'gt' | 'gte' | 'has' | 'lacks' | 'in';
  /** A list of values for `in` (the field is one of them). */
  value: string | number | boolean | Date | null | readonly string[];
}

interface ChangeOf<E extends string, M extends string> {
  entity: E;
  id: string;
  move: M;
  /** Conditions besides `status ∈ sourcesOf(move)`. */
  requires: Condition[];
  /** Fields the write sets (the new `status` included when the move changes it). */
  set: Record<string, unknown>;
  /** Fields the write increments. */
  inc: Record<string, number>;
  /** List fields the write adds one value to (the marker its `lacks` condition checks). */
  push?: Record<string, string>;
  /** List fields the write removes one value from (the marker its `has` condition checks). */
  pull?: Record<string, string>;
}

/** One move of one stored entity, as the guarded write that makes it. */
export type EntityChange =
  | ChangeOf<'order', MoveOf<typeof orderMachine>>
  | ChangeOf<'team', MoveOf<typeof teamMachine>>
  | (ChangeOf<'member', MoveOf<typeof memberMachine>> & { remove?: true })
  | ChangeOf<'coupon', MoveOf<typeof couponMachine>>
  | ChangeOf<'aftersale', MoveOf<typeof afterSaleMachine>>
  | ChangeOf<'refund', MoveOf<typeof refundMachine>>
  | ChangeOf<'payout', MoveOf<typeof payoutMachine>>
  | ChangeOf<'bargain', MoveOf<typeof bargainMachine>>;

/** Each entity's machine. */
export const ENTITY_MACHINES: { [E in EntityChange['entity']]: Machine<string, Extract<EntityChange, { entity: E }>['move']> } = {
  order: orderMachine,
  team: teamMachine,
  member: memberMachine,
  coupon: couponMachine,
  aftersale: afterSaleMachine,
  refund: refundMachine,
  payout: payoutMachine,
  bargain: bargainMachine,
};

/** The states a change's move starts from: the condition on the stored status of its write. */
export function sourceStatesOf(change: EntityChange): string[] {
  // ENTITY_MACHINES pairs each entity with its own machine, so the change's move is one of its moves.
  return sourcesOf(ENTITY_MACHINES[change.entity] as Machine<string, string>, change.move);
}
