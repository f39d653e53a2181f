import type { z } from 'zod';

/**
 * One action of the contract: the event's fields besides `action` (a zod raw shape; the platform
 * parses `{action, ...input}` `.strict()`) and the schema of `data` in its `{ok:true, data}` reply.
 */
export interface ActionContract<S extends z.ZodRawShape = z.ZodRawShape, R extends z.ZodType = z.ZodType> {
  input: S;
  reply: R;
}

/** The actions of one function, by name. */
export type FunctionContract = Record<string, ActionContract>;

/**
 * Declares a function's actions (keeps every input shape and reply schema precisely typed).
 * @example defineContract({ get: { input: { teamId: idField }, reply: teamReply } })
 */
export function defineContract<const C extends FunctionContract>(actions: C): C {
  return actions;
}

/** The event fields of an action as a caller writes them. */
export type EventOf<A extends ActionContract> = z.input<z.ZodObject<A['input']>>;

/** An action's reply `data` as it arrives on the wire (instants are ISO strings). */
export type WireReplyOf<A extends ActionContract> = z.input<A['reply']>;

/** An action's reply `data` as its function returns it (instants are `Date`s). */
export type ResultOf<A extends ActionContract> = z.output<A['reply']>;
