import { AppError } from '../errors';

/**
 * A state machine as a table of named moves. Each move lists the states it may start from and
 * the state it leads to (no `to`: the entity stays where it is, e.g. a team taking a seat). The
 * table is the only source of allowed moves: deciders ask it, and every guarded write takes its
 * condition on the stored status from {@link sourcesOf}.
 */
export interface Move<S extends string> {
  readonly from: readonly S[];
  readonly to?: S;
  /** What the move writes besides the state, in a few words (shown in docs/architecture.md). */
  readonly writes: string;
}

/** A named machine: its states, the state an entity starts in, and its moves. */
export interface Machine<S extends string, M extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly initial: S;
  readonly moves: { readonly [K in M]: Move<S> };
}

/** The states of a machine. */
export type StateOf<T> = T extends Machine<infer S, string> ? S : never;
/** The move names of a machine. */
export type MoveOf<T> = T extends Machine<string, infer M> ? M : never;

/** A machine as declared: its states keep their literal tuple (for zod enums and exhaustive types). */
export type DeclaredMachine<T extends readonly string[], M extends string> = Machine<T[number], M> & { readonly states: T };

/**
 * Checks a machine at start-up: every state a move names is listed, and every state can be
 * reached from the initial one.
 * @throws Error naming the bad entry.
 * @example defineMachine({ name: 'team', states: ['forming', 'failed'], initial: 'forming', moves: { fail: { from: ['forming'], to: 'failed', writes: 'failedAt' } } })
 */
export function defineMachine<const T extends readonly string[], M extends string>(machine: DeclaredMachine<T, M>): DeclaredMachine<T, M> {
  const states = new Set<string>(machine.states);
  if (!states.has(machine.initial)) throw new Error(`${machine.name}: initial state ${machine.initial} is not listed`);
  for (const [name, m] of Object.entries(machine.moves) as Array<[string, Move<T[number]>]>) {
    if (m.from.length === 0) throw new Error(`${machine.name}.${name} starts from no state`);
    for (const s of [...m.from, ...(m.to ? [m.to] : [])]) {
      if (!states.has(s)) throw new Error(`${machine.name}.${name} names an unknown state ${s}`);
    }
  }
  const reachable = reachableFrom(machine, machine.initial);
  const unreachable = machine.states.filter((s) => !reachable.has(s));
  if (unreachable.length > 0) throw new Error(`${machine.name}: no move reaches ${unreachable.join(', ')}`);
  return machine;
}

/** The states that may take `move` (for guarded writes: `status ∈ sourcesOf(...)`). */
export function sourcesOf<S extends string, M extends string>(machine: Machine<S, M>, move: M): S[] {
  return [...machine.moves[move].from];
}

/** True when an entity in `from` may take `move`. @example canMove(couponMachine, 'lock', 'unused') // true */
export function canMove<S extends string, M extends string>(machine: Machine<S, M>, move: M, from: S): boolean {
  return Object.prototype.hasOwnProperty.call(machine.moves, move) && machine.moves[move].from.includes(from);
}

/** Where `move` leads from `from` (its `to`, or `from` itself for a move that stays). */
export function targetOf<S extends string, M extends string>(machine: Machine<S, M>, move: M, from: S): S {
  return machine.moves[move].to ?? from;
}

/**
 * The state after `move`, or `FAILED_PRECONDITION` when the table does not allow it.
 * @example nextState(orderMachine, 'pay', 'pending_pay') // 'paid'
 */
export function nextState<S extends string, M extends string>(machine: Machine<S, M>, move: M, from: S): S {
  if (!canMove(machine, move, from)) throw new AppError('FAILED_PRECONDITION', `${machine.name} cannot ${move} from ${from}`);
  return targetOf(machine, move, from);
}

/** The transition table derived from the moves: each state and the states it may move to. */
export function transitionsOf<S extends string, M extends string>(machine: Machine<S, M>): Record<S, S[]> {
  const out = Object.fromEntries(machine.states.map((s) => [s, [] as S[]])) as Record<S, S[]>;
  for (const m of Object.values(machine.moves) as Array<Move<S>>) {
    for (const from of m.from) {
      const to = m.to ?? from;
      if (!out[from].includes(to)) out[from].push(to);
    }
  }
  return out;
}

/** Every state some sequence of moves reaches from `start` (including `start`). */
export function reachableFrom<S extends string, M extends string>(machine: Machine<S, M>, start: S): Set<S> {
  const table = transitionsOf(machine);
  const seen = new Set<S>([start]);
  const queue: S[] = [start];
  while (queue.length > 0) {
    const s = queue.shift() as S;
    for (const t of table[s] ?? []) {
      if (!seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return seen;
}
