import { z } from 'zod';
import { AppError, type Envelope, isAppError } from '../../shared/errors';
import { describeIssues } from '../../shared/zod-issues';
import type { ActionContract } from '../../shared/contract/define';
import { refusalOf, type Access } from './access';
import { readCallerContext, type CallerContext } from './context';
import { randomId } from './ids';
import { errorCode } from './errors';
import { loadUsers, type UserDoc } from './users';

export type { Access } from './access';

/** Everything an action gets besides its parsed input. */
export interface ActionContext extends CallerContext {
  /** The caller; `{ _id: '', role: 'customer' }` for 'system' and 'wechatpay' actions (the platform calls them). */
  user: UserDoc;
  /** Users loaded together with the caller (see ActionSpec.users). */
  users: Map<string, UserDoc>;
  functionName: string;
  actionName: string;
  /** A fresh random id (base58). Ids that must be unique per fact use stableId instead. */
  newId(length?: number): string;
}

/** How an action runs: who may call it, extra users to load, the use case. */
export interface ActionImpl<S extends z.ZodRawShape, R extends z.ZodType> {
  /** Default 'anyone' (any caller with an openid). */
  access?: Access;
  /** Extra user ids to load in the same read as the caller (e.g. the salesperson of a shelf). */
  users?: (input: z.infer<z.ZodObject<S>>) => Array<string | undefined>;
  /**
   * Default true: the platform reads the caller's document (registering an unknown caller) before
   * `run`. False, for an action open to `anyone` that reads or writes the caller's document in
   * its own round trips anyway: the platform does neither, `ctx.user` is only
   * `{ _id: openid, role: 'customer' }` and `ctx.users` is empty.
   */
  loadCaller?: boolean;
  run(input: z.infer<z.ZodObject<S>>, ctx: ActionContext): Promise<z.output<R>>;
}

/**
 * An action: its contract (shared/contract) and its implementation. The event `{action, ...input}`
 * is parsed `.strict()` (unknown fields refused); every reply is checked against `reply` before it
 * leaves: one that does not match is a bug, logged and answered `INTERNAL`.
 */
export interface ActionSpec<S extends z.ZodRawShape, R extends z.ZodType> extends ActionImpl<S, R>, ActionContract<S, R> {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySpec = ActionSpec<any, any>;

/**
 * Implements an action of the contract; the contract's input and reply types flow into `run`
 * (curried so that `run`'s result is checked against the reply type exactly, literals included).
 * @example action(contract.order.get)({ run: async (input, ctx) => orderView(...) })
 */
export function action<S extends z.ZodRawShape, R extends z.ZodType>(contract: ActionContract<S, R>): (impl: ActionImpl<S, R>) => ActionSpec<S, R> {
  return (impl) => ({ ...impl, input: contract.input, reply: contract.reply });
}

/** A function's entry point, plus a description of its actions (for the fuzz and access tests). */
export type CloudMain = ((event: unknown, context?: unknown) => Promise<Envelope<unknown>>) & {
  functionName: string;
  actions: Record<string, DescribedAction>;
};

/** What tools (fuzz, access, contract tests) see of an action: who may call it, its event and reply schemas. */
export interface DescribedAction {
  access: Access;
  /** The whole event `{action, ...input}`, `.strict()`. */
  schema: z.ZodTypeAny;
  /** The reply's `data`. */
  reply: z.ZodTypeAny;
}

/**
 * Builds a function's `main(event, context)`: routes `event.action`, parses with zod `.strict()`,
 * checks access, runs the use case and always answers the envelope — never throws.
 */
export function defineFunction(functionName: string, actions: Record<string, AnySpec>): CloudMain {
  const names = Object.keys(actions);
  const missing = names.filter((n) => !(actions[n].reply instanceof z.ZodType));
  if (missing.length) throw new Error(`${functionName}: no reply schema for ${missing.join(', ')} (declare it in shared/contract)`);
  for (const name of names) {
    const spec = actions[name];
    if (spec.loadCaller === false && (spec.access ?? 'anyone') !== 'anyone') throw new Error(`${functionName}.${name}: loadCaller false needs access 'anyone'`);
  }
  const schemas = new Map<string, z.ZodTypeAny>(
    names.map((name) => [name, z.object({ action: z.literal(name), ...actions[name].input }).strict()]),
  );

  const main = async function main(event: unknown, context?: unknown): Promise<Envelope<unknown>> {
    const caller = readCallerContext(context);
    const requestId = caller.requestId || randomId(12);
    let actionName = '?';
    try {
      if (!event || typeof event !== 'object' || Array.isArray(event)) {
        throw new AppError('INVALID_ARGUMENT', 'event must be an object with an "action" field');
      }
      const raw = timerToAction(event as Record<string, unknown>);
      // CloudBase adds userInfo to events from the mini-program; it is not one of the caller's fields.
      const { userInfo: _ignored, ...fields } = raw;
      actionName = typeof fields.action === 'string' ? fields.action : '?';
      const spec = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
      const schema = spec && schemas.get(actionName);
      if (!spec || !schema) {
        throw new AppError(
          'INVALID_ARGUMENT',
          `action: unknown action ${JSON.stringify(fields.action)} for ${functionName} (expected one of ${names.join(', ')})`,
        );
      }
      const parsed = schema.safeParse(fields);
      if (!parsed.success) throw new AppError('INVALID_ARGUMENT', describeZodError(parsed.error));
      const input = parsed.data as Record<string, unknown>;
      const access: Access = spec.access ?? 'anyone';

      let users = new Map<string, UserDoc>();
      let user: UserDoc | undefined;
      // Who calls is what the platform's context says (a function, a timer, WeChat Pay, a user).
      const refusal = refusalOf(access, caller);
      if (refusal === 'PERMISSION_DENIED') {
        throw new AppError(refusal, access === 'wechatpay' ? `${functionName}.${actionName} accepts only WeChat Pay's callbacks` : `${functionName}.${actionName} is server-only`);
      }
      if (refusal) throw new AppError(refusal, `no caller identity (${caller.kind} call)`);
      if (access !== 'system' && access !== 'wechatpay') {
        const extra = (spec.users?.(input) ?? []).filter((x): x is string => typeof x === 'string' && x.length > 0);
        if (spec.loadCaller === false) {
          user = { _id: caller.openid, role: 'customer' };
        } else {
          users = await loadUsers(caller.openid, extra, caller.now);
          user = users.get(caller.openid);
        }
        if (access !== 'anyone' && (!user || !access.includes(user.role))) {
          throw new AppError('PERMISSION_DENIED', `${functionName}.${actionName} needs role ${access.join('|')}`);
        }
      }
      const ctx: ActionContext = {
        ...caller,
        requestId,
        user: user ?? { _id: '', role: 'customer' },
        users,
        functionName,
        actionName,
        newId: (length?: number) => randomId(length),
      };
      const data = await spec.run(input, ctx);
      const checked = spec.reply.safeEncode(data);
      if (!checked.success) throw new Error(`the reply does not match shared/contract (${functionName}.${actionName}): ${describeZodError(checked.error)}`);
      return { ok: true, data };
    } catch (err) {
      if (isAppError(err)) return { ok: false, error: { code: err.code, message: err.message } };
      if (errorCode(err) === 'DATABASE_TRANSACTION_CONFLICT') {
        return { ok: false, error: { code: 'CONFLICT', message: 'busy, please retry' } };
      }
      console.error(`[${functionName}.${actionName}] request ${requestId} failed:`, err);
      return { ok: false, error: { code: 'INTERNAL', message: `internal error (request ${requestId})` } };
    }
  };
  const described = Object.fromEntries(
    names.map((n): [string, DescribedAction] => [n, { access: actions[n].access ?? 'anyone', schema: schemas.get(n)!, reply: actions[n].reply }]),
  );
  return Object.assign(main, { functionName, actions: described });
}

/**
 * A CloudBase timer trigger delivers `{Type:'Timer', TriggerName, Time, Message}`; it runs the
 * function's `run` action (a 'system' action: timers carry no caller).
 */
function timerToAction(event: Record<string, unknown>): Record<string, unknown> {
  if (event.Type === 'Timer' && typeof event.TriggerName === 'string' && event.action === undefined) return { action: 'run' };
  return event;
}

/** "field.path: what is wrong" for each problem, so the client can name the field. */
export function describeZodError(error: z.ZodError): string {
  return describeIssues(error.issues, '(event)').join('; ');
}
