/**
 * Caller kinds × access kinds: who a call comes from is read from the platform's call context
 * (SOURCE / TCB_SOURCE, TRIGGER_SRC, WX_OPENID, TCB_UUID), in the shapes CloudBase sends, and a
 * `system` action runs only for the platform's own callers — never because an openid is missing.
 */
import { z } from 'zod';
import { refusalOf, type Access } from './access';
import { callerKindOf, readCallerContext, type CallerKind } from './context';
import { action, defineFunction } from './handler';

/** A call context as the platform hands it to `main(event, context)`. */
function contextOf(environment: Record<string, string>): unknown {
  return { request_id: 'req-1', function_name: 'f', environment: JSON.stringify({ TCB_ENV: 'env-1', ...environment }) };
}

const CONTEXTS: Array<[string, Record<string, string>, CallerKind, string]> = [
  ['mini-program user', { TCB_SOURCE: 'wx_client', WX_OPENID: 'o_1', WX_APPID: 'wx1' }, 'client', 'o_1'],
  ['DevTools user', { TCB_SOURCE: 'wx_devtools', WX_OPENID: 'o_1' }, 'client', 'o_1'],
  ['mini-program call with an empty openid', { TCB_SOURCE: 'wx_client', WX_OPENID: '' }, 'client', ''],
  ['function called by a function the mini-program called', { TCB_SOURCE: 'wx_client,scf', WX_OPENID: '' }, 'function', ''],
  ['function called from a function (openid passed along)', { TCB_SOURCE: 'wx_client,scf', WX_OPENID: 'o_1' }, 'function', 'o_1'],
  ['function called by a timer-triggered function', { TCB_SOURCE: 'wx_trigger,scf' }, 'function', ''],
  ['timer trigger (SOURCE)', { TCB_SOURCE: 'wx_trigger' }, 'timer', ''],
  ['timer trigger (TRIGGER_SRC only)', { TRIGGER_SRC: 'timer' }, 'timer', ''],
  ['WeChat Pay callback', { TCB_SOURCE: 'wx_paycallback' }, 'payCallback', ''],
  ['WeChat Pay callback carrying the payer', { TCB_SOURCE: 'wx_paycallback', WX_OPENID: 'o_payer' }, 'payCallback', 'o_payer'],
  ['web user signed in', { TCB_UUID: 'uid-1', TCB_ISANONYMOUS_USER: 'false' }, 'web', ''],
  ['anonymous web user', { TCB_UUID: 'uid-2', TCB_ISANONYMOUS_USER: 'true' }, 'anonymous', ''],
  ['an openid with no SOURCE', { WX_OPENID: 'o_1' }, 'unknown', 'o_1'],
  ['a source LinkShelf does not serve', { TCB_SOURCE: 'tcb_console' }, 'unknown', ''],
];

describe('the caller kind comes from the call context', () => {
  it.each(CONTEXTS)('%s', (_what, environment, kind, openid) => {
    expect(readCallerContext(contextOf(environment))).toMatchObject({ kind, openid, source: environment.TCB_SOURCE ?? '' });
  });

  it('no context at all is an unknown caller', () => {
    expect(readCallerContext(undefined)).toMatchObject({ kind: 'unknown', openid: '' });
  });

  it('only the last hop of the SOURCE chain names the caller', () => {
    expect(callerKindOf({ TCB_SOURCE: 'wx_paycallback,scf' })).toBe('function');
    expect(callerKindOf({ TCB_SOURCE: 'wx_client,scf,scf' })).toBe('function');
  });
});

// The whole table: every kind of caller against every kind of access (null = may go on; roles are
// checked once the user is loaded).
const TABLE: Array<[string, { kind: CallerKind; openid: string }, Record<'anyone' | 'roles' | 'system' | 'wechatpay', string | null>]> = [
  ['mini-program user', { kind: 'client', openid: 'o_1' }, { anyone: null, roles: null, system: 'PERMISSION_DENIED', wechatpay: 'PERMISSION_DENIED' }],
  ['mini-program call without an openid', { kind: 'client', openid: '' }, { anyone: 'UNAUTHENTICATED', roles: 'UNAUTHENTICATED', system: 'UNAUTHENTICATED', wechatpay: 'UNAUTHENTICATED' }],
  ['another function', { kind: 'function', openid: '' }, { anyone: 'UNAUTHENTICATED', roles: 'UNAUTHENTICATED', system: null, wechatpay: 'PERMISSION_DENIED' }],
  ['another function passing an openid on', { kind: 'function', openid: 'o_1' }, { anyone: 'UNAUTHENTICATED', roles: 'UNAUTHENTICATED', system: null, wechatpay: 'PERMISSION_DENIED' }],
  ['timer', { kind: 'timer', openid: '' }, { anyone: 'UNAUTHENTICATED', roles: 'UNAUTHENTICATED', system: null, wechatpay: 'PERMISSION_DENIED' }],
  ['WeChat Pay callback', { kind: 'payCallback', openid: '' }, { anyone: 'UNAUTHENTICATED', roles: 'UNAUTHENTICATED', system: 'PERMISSION_DENIED', wechatpay: null }],
  ['WeChat Pay callback with the payer openid', { kind: 'payCallback', openid: 'o_payer' }, { anyone: 'UNAUTHENTICATED', roles: 'UNAUTHENTICATED', system: 'PERMISSION_DENIED', wechatpay: null }],
  ['web user', { kind: 'web', openid: '' }, { anyone: 'UNAUTHENTICATED', roles: 'UNAUTHENTICATED', system: 'PERMISSION_DENIED', wechatpay: 'PERMISSION_DENIED' }],
  ['anonymous web user', { kind: 'anonymous', openid: '' }, { anyone: 'UNAUTHENTICATED', roles: 'UNAUTHENTICATED', system: 'UNAUTHENTICATED', wechatpay: 'UNAUTHENTICATED' }],
  ['unknown source with an openid', { kind: 'unknown', openid: 'o_1' }, { anyone: 'UNAUTHENTICATED', roles: 'UNAUTHENTICATED', system: 'UNAUTHENTICATED', wechatpay: 'UNAUTHENTICATED' }],
];
const ACCESS: Record<'anyone' | 'roles' | 'system' | 'wechatpay', Access> = { anyone: 'anyone', roles: ['boss'], system: 'system', wechatpay: 'wechatpay' };

describe('caller kinds × access kinds', () => {
  const rows = TABLE.flatMap(([who, caller, expected]) =>
    (Object.keys(ACCESS) as Array<keyof typeof ACCESS>).map((a): [string, string, string, typeof caller] => [who, a, expected[a] ?? 'may go on', caller]),
  );
  it.each(rows)('%s on a %s action → %s', (_who, access, expected, caller) => {
    expect(refusalOf(ACCESS[access as keyof typeof ACCESS], caller) ?? 'may go on').toBe(expected);
  });
});

describe('defineFunction applies it before the use case runs', () => {
  const ran: string[] = [];
  const main = defineFunction('probe', {
    server: action({ input: {}, reply: z.object({ kind: z.string() }) })({
      access: 'system',
      run: async (_input, ctx) => {
        ran.push(ctx.kind);
        return { kind: ctx.kind };
      },
    }),
    open: action({ input: {}, reply: z.object({ openid: z.string() }) })({
      loadCaller: false,
      run: async (_input, ctx) => ({ openid: ctx.openid }),
    }),
  });

  it.each([
    ['a function', { TCB_SOURCE: 'wx_client,scf' }, { ok: true, data: { kind: 'function' } }],
    ['a timer', { TCB_SOURCE: 'wx_trigger' }, { ok: true, data: { kind: 'timer' } }],
    ['WeChat Pay (its callbacks reach `wechatpay` actions only)', { TCB_SOURCE: 'wx_paycallback', WX_OPENID: 'o_payer' }, { ok: false, error: { code: 'PERMISSION_DENIED' } }],
    ['a mini-program user', { TCB_SOURCE: 'wx_client', WX_OPENID: 'o_1' }, { ok: false, error: { code: 'PERMISSION_DENIED' } }],
    ['a mini-program call without an openid', { TCB_SOURCE: 'wx_client', WX_OPENID: '' }, { ok: false, error: { code: 'UNAUTHENTICATED' } }],
    ['an anonymous web user', { TCB_UUID: 'u', TCB_ISANONYMOUS_USER: 'true' }, { ok: false, error: { code: 'UNAUTHENTICATED' } }],
  ])('a system action called by %s', async (_who, environment, expected) => {
    expect(await main({ action: 'server' }, contextOf(environment))).toMatchObject(expected);
  });

  it('an empty openid from the mini-program is UNAUTHENTICATED, a present one reaches the use case', async () => {
    expect(await main({ action: 'open' }, contextOf({ TCB_SOURCE: 'wx_client', WX_OPENID: '' }))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await main({ action: 'open' }, contextOf({ TCB_SOURCE: 'wx_client', WX_OPENID: 'o_1' }))).toEqual({ ok: true, data: { openid: 'o_1' } });
  });

  it('an event claiming to be a timer does not make a mini-program call one', async () => {
    const before = ran.length;
    const reply = await main({ Type: 'Timer', TriggerName: 'probe-timer', action: 'server' }, contextOf({ TCB_SOURCE: 'wx_client', WX_OPENID: 'o_1' }));
    expect(reply).toMatchObject({ ok: false });
    expect(ran.length).toBe(before);
  });
});
