/**
 * Who may run an action, decided on the caller the platform names (context.ts) — the one rule
 * `defineFunction` applies before any use case runs.
 */
import type { ErrorCode } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import { SYSTEM_CALLERS, type CallerKind } from './context';

/**
 * Who may call an action: any identified mini-program user, users of some roles, the platform
 * itself (`system`: another function, a timer), or WeChat Pay's callback alone (`wechatpay`).
 */
export type Access = 'anyone' | 'system' | 'wechatpay' | readonly Role[];

/**
 * The refusal for a caller before its user document is read, or null when the caller may go on
 * (a role list is checked once the user is loaded):
 * - `system`: only the platform's own callers (another function, a timer); WeChat Pay's callback
 *   and an identified caller (a mini-program user, a signed-in web user) are PERMISSION_DENIED,
 *   anyone without an identity UNAUTHENTICATED;
 * - `wechatpay`: only WeChat Pay's callback (SOURCE `wx_paycallback`); another platform caller or
 *   an identified caller is PERMISSION_DENIED, anyone without an identity UNAUTHENTICATED;
 * - everything else: a mini-program user with an openid; a platform caller has no user and a client
 *   without an openid, a web or anonymous caller, or an unknown source is UNAUTHENTICATED.
 * @example refusalOf('system', { kind: 'client', openid: 'o1' }) // 'PERMISSION_DENIED'
 */
export function refusalOf(access: Access, caller: { kind: CallerKind; openid: string }): ErrorCode | null {
  if (access === 'system' || access === 'wechatpay') {
    const allowed: CallerKind[] = access === 'system' ? ['function', 'timer'] : ['payCallback'];
    if (allowed.includes(caller.kind)) return null;
    const identified = (caller.kind === 'client' && caller.openid !== '') || caller.kind === 'web' || SYSTEM_CALLERS.includes(caller.kind);
    return identified ? 'PERMISSION_DENIED' : 'UNAUTHENTICATED';
  }
  return caller.kind === 'client' && caller.openid ? null : 'UNAUTHENTICATED';
}
