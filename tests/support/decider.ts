/**
 * Given/when/then for pure deciders (Emmett's DeciderSpecification): given a state, when a
 * command arrives at a time, then the decision matches — or the command is refused with a code.
 *   decider(decideOrder).given(order).when({ type: 'cancel' }, now).then({ next: 'cancelled' });
 */
import { isAppError, type ErrorCode } from '../../shared/errors';

export function decider<S, C, D>(decide: (state: S, command: C, now: Date) => D) {
  return {
    given: (state: S) => ({
      when: (command: C, now: Date) => ({
        /** The decision matches `expected` (a subset, as toMatchObject). */
        then(expected: unknown): D {
          const decision = decide(state, command, now);
          expect(decision).toMatchObject(expected as object);
          return decision;
        },
        /** The command is refused with `code`. */
        thenRefused(code: ErrorCode): void {
          let caught: unknown;
          try {
            decide(state, command, now);
          } catch (err) {
            caught = err;
          }
          expect(isAppError(caught) ? caught.code : caught).toBe(code);
        },
      }),
    }),
  };
}
