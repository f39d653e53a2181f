import { AppError } from '../errors';

/** A state machine as a table: each state lists the states it may move to. */
export type Transitions<S extends string> = { readonly [K in S]: readonly S[] };

/**
 * Checks a transition table at start-up: every target must be a listed state.
 * @throws Error naming the bad entry.
 */
export function validateTransitions<S extends string>(name: string, table: Transitions<S>): Transitions<S> {
  const states = new Set(Object.keys(table));
  for (const [from, tos] of Object.entries(table) as Array<[string, readonly string[]]>) {
    for (const to of tos) {
      if (!states.has(to)) throw new Error(`${name}: ${from} → ${to} targets an unknown state`);
    }
  }
  return table;
}

/** True when `from → to` is listed. @example canTransition(teamTransitions, 'forming', 'failed') // true */
export function canTransition<S extends string>(table: Transitions<S>, from: S, to: S): boolean {
  return Object.prototype.hasOwnProperty.call(table, from) && table[from].includes(to);
}

/**
 * Refuses an unlisted transition with `FAILED_PRECONDITION`.
 * @example assertTransition(orderTransitions, 'order', order.status, 'paid')
 */
export function assertTransition<S extends string>(table: Transitions<S>, what: string, from: S, to: S): void {
  if (!canTransition(table, from, to)) {
    throw new AppError('FAILED_PRECONDITION', `${what} cannot go from ${from} to ${to}`);
  }
}

/** The states that may move to `to` (for conditional updates: `status: _.in(sourcesOf(...))`). */
export function sourcesOf<S extends string>(table: Transitions<S>, to: S): S[] {
  return (Object.keys(table) as S[]).filter((from) => table[from].includes(to));
}
