/**
 * Runs the project's functions in-process, the way CloudBase runs them: `main(event, context)`
 * with a per-call context whose `environment` says who calls — the mini-program user's WX_OPENID,
 * the SOURCE of the call (`wx_client`, `<chain>,scf`, `wx_trigger`, `wx_paycallback`), a web
 * user's TCB_UUID — never process-wide env (calls run concurrently), under the function's time
 * limit from cloudbaserc.json. Each call is a scope of its own (see call-tracing): its database operations
 * are counted, and a call that outlives its limit is ended — the caller gets the platform's
 * timeout error and the call's requests are aborted and refused from then on.
 */
import pLimit from 'p-limit';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nextRequestId } from './request-ids';
import { callScope, endCall, newCallScope } from './call-tracing';
import type { Clock } from './clock';
import { FunctionConfig } from './function-config';
import { LOCAL_ENV_ID } from './runtime-env';
import type { Stats } from './stats';

type Main = (event: unknown, context: unknown) => Promise<unknown>;

export const LOCAL_APPID = 'wx0000000000000000';

/** Calls the local cloud runs at once by default (see FunctionHost). */
export const DEFAULT_INSTANCES = 16;

/**
 * A call ended by its time limit. `code`/`message` are what CloudBase answers an SDK
 * `callFunction` with (error code FUNCTIONS_TIME_LIMIT_EXCEEDED, "云函数执行超时", and SCF's
 * message); `wxErrCode` is what `wx.cloud.callFunction` fails with in the mini-program.
 */
export class FunctionTimeoutError extends Error {
  readonly code = 'FUNCTIONS_TIME_LIMIT_EXCEEDED';
  readonly wxErrCode = -504003;

  constructor(
    readonly functionName: string,
    readonly seconds: number,
  ) {
    super(`Invoking task timed out after ${seconds} seconds`);
  }

  /** The mini-program's rejection of `wx.cloud.callFunction`: `{errCode, errMsg}`. */
  wxError(): { errCode: number; errMsg: string } {
    return { errCode: this.wxErrCode, errMsg: `cloud.callFunction:fail Error: errCode: ${this.wxErrCode}  | errMsg: ${this.message}` };
  }
}

/** The action a call is counted under in stats: `event.action`, `run` for timer events. */
function actionLabel(event: unknown): string {
  if (!event || typeof event !== 'object') return '-';
  const e = event as { action?: unknown; Type?: unknown };
  if (typeof e.action === 'string') return e.action;
  return e.Type === 'Timer' ? 'run' : '-';
}

/**
 * Who a call comes from: the local cloud builds the context CloudBase gives each kind of caller
 * (see `_platform/context.ts` for how a function reads it).
 */
export type Invoker =
  /** The mini-program (`wx.cloud.callFunction`; the h5 build's POST /functions/<name>): SOURCE `wx_client`, WX_OPENID. */
  | { kind: 'client'; openid: string }
  /**
   * A function's `callFunction`: SOURCE is the caller's chain plus `scf` (e.g. `wx_client,scf`);
   * `callerCallId` names the running call of this cloud that makes it.
   */
  | { kind: 'function'; source: string; callerCallId?: string }
  /** A timer trigger: SOURCE `wx_trigger`, TRIGGER_SRC `timer`. */
  | { kind: 'timer' }
  /** WeChat Pay's callback through cloudPay: SOURCE `wx_paycallback`. */
  | { kind: 'payCallback' }
  /** A web client signed in with CloudBase auth (no openid): TCB_UUID, TCB_ISANONYMOUS_USER. */
  | { kind: 'web'; uid: string; anonymous: boolean };

/** The context `environment` of one call from `invoker` (besides the env id and the clock). */
function callerEnv(invoker: Invoker): Record<string, string> {
  const none = { WX_OPENID: '', WX_APPID: '', WX_UNIONID: '' };
  switch (invoker.kind) {
    case 'client':
      return { WX_OPENID: invoker.openid, WX_APPID: invoker.openid ? LOCAL_APPID : '', WX_UNIONID: '', TCB_SOURCE: 'wx_client' };
    case 'function':
      return { ...none, TCB_SOURCE: invoker.source };
    case 'timer':
      return { ...none, TCB_SOURCE: 'wx_trigger', TRIGGER_SRC: 'timer' };
    case 'payCallback':
      return { ...none, TCB_SOURCE: 'wx_paycallback' };
    case 'web':
      return { ...none, TCB_UUID: invoker.uid, TCB_ISANONYMOUS_USER: String(invoker.anonymous) };
  }
}

/** How a call is counted besides its event and caller. */
export interface InvokeOptions {
  /** The action the call is counted under in stats when its event names none (e.g. `pay` for a pay callback). */
  label?: string;
}

export class FunctionHost {
  private loaded = new Map<string, Main>();
  private deployed: string[] | undefined;
  /** Calls ended by their time limit whose code is still running: callId → why. */
  private ended = new Map<string, string>();
  /** SOURCE of each running call, so a call it makes can carry the chain on. */
  private sources = new Map<string, string>();
  readonly config: FunctionConfig;

  private instances: pLimit.Limit;

  /**
   * `instances`: how many calls from clients and timers run at once; the others wait for a free
   * one, first come first served (CloudBase runs each call in an instance of its own, with a CPU
   * of its own; one local process shares one, so a burst of N calls at once would stretch each
   * call N-fold and time it out). A call's time limit counts from its start, as SCF counts
   * execution time apart from waiting for an instance.
   */
  readonly root: string;

  constructor(
    root: string,
    private clock: Clock,
    private stats: Stats,
    instances = DEFAULT_INSTANCES,
  ) {
    this.root = resolve(root);
    this.config = FunctionConfig.forFunctionsDir(root);
    this.instances = pLimit(instances);
  }

  /**
   * Deployed functions: every folder with an index.ts (sources) or index.js (the bundles in
   * dist/cloudfunctions) whose name does not start with `_`. Listed once (a function added while
   * the cloud runs is served after a restart, as a deploy would need).
   */
  names(): string[] {
    this.deployed ??= readdirSync(this.root)
      .filter((n) => !n.startsWith('_') && !n.startsWith('.'))
      .filter((n) => statSync(join(this.root, n)).isDirectory() && this.entry(n) !== undefined)
      .sort();
    return this.deployed;
  }

  private entry(name: string): string | undefined {
    for (const file of ['index.ts', 'index.js']) if (existsSync(join(this.root, name, file))) return join(this.root, name, file);
    return undefined;
  }

  has(name: string): boolean {
    return /^[A-Za-z][A-Za-z0-9_-]*$/.test(name) && this.names().includes(name);
  }

  private loadMain(name: string): Main {
    let main = this.loaded.get(name);
    if (!main) {
      const file = this.entry(name);
      if (!file) throw new Error(`no function ${name} under ${this.root}`);
      // Functions are CommonJS modules loaded by path at run time, as CloudBase loads them.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(file) as { main?: Main };
      if (typeof mod.main !== 'function') throw new Error(`${file} does not export main`);
      main = mod.main;
      this.loaded.set(name, main);
    }
    return main;
  }

  /** Why a request made by call `callId` is refused (the call was ended), or undefined. */
  refusal(callId: string | undefined): string | undefined {
    return callId ? this.ended.get(callId) : undefined;
  }

  /** The SOURCE of running call `callId` (undefined when it is not one of this cloud's calls). */
  sourceOf(callId: string | undefined): string | undefined {
    return callId ? this.sources.get(callId) : undefined;
  }

  /**
   * Invokes a function as `invoker` says (the context CloudBase gives that kind of caller).
   * Rejects with FunctionTimeoutError when the call outlives its time limit.
   */
  async invoke(name: string, event: unknown, invoker: Invoker, options: InvokeOptions = {}): Promise<unknown> {
    // A call made by a running call starts at once: were it to wait for an instance, callers
    // holding every instance while waiting on their callees would wait forever.
    if (invoker.kind === 'function' && invoker.callerCallId) return this.execute(name, event, invoker, options);
    return this.instances(() => this.execute(name, event, invoker, options));
  }

  /** Calls from clients and timers running in an instance, and waiting for one. */
  occupancy(): { running: number; waiting: number } {
    return { running: this.instances.activeCount, waiting: this.instances.pendingCount };
  }

  private async execute(name: string, event: unknown, invoker: Invoker, { label }: InvokeOptions): Promise<unknown> {
    const main = this.loadMain(name);
    const callId = nextRequestId();
    const limitS = this.config.timeoutSeconds(name);
    const env: Record<string, string> = { ...callerEnv(invoker), TCB_ENV: LOCAL_ENV_ID, LINKSHELF_NOW: String(this.clock.now()) };
    const context = {
      request_id: callId,
      function_name: name,
      memory_limit_in_mb: 256,
      time_limit_in_ms: limitS * 1000,
      environment: JSON.stringify(env),
    };
    this.sources.set(callId, env.TCB_SOURCE ?? '');
    const scope = newCallScope(callId);
    this.stats.begin(callId, name, label ?? actionLabel(event));
    const running = callScope.run(scope, async () => main(event, context));
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new FunctionTimeoutError(name, limitS)), limitS * 1000);
    });
    let result: unknown;
    let code: string | undefined;
    try {
      result = await Promise.race([running, expired]);
    } catch (err) {
      if (err instanceof FunctionTimeoutError) {
        code = err.code;
        // One line per ended call, as CloudBase's function log reports a timeout.
        console.warn(`[local cloud] ${name} call ${callId} ended: ${err.message}`);
        endCall(scope, `${name}: ${err.message}; the call was ended`);
        this.ended.set(callId, err.message);
        // The code keeps running until it settles; what it answers then goes nowhere.
        running.then(
          () => this.ended.delete(callId),
          () => this.ended.delete(callId),
        );
      }
      throw err;
    } finally {
      clearTimeout(timer);
      this.sources.delete(callId);
      const reply = result as { ok?: boolean; error?: { code?: string } } | undefined;
      this.stats.end(callId, reply?.ok === true, code ?? reply?.error?.code);
    }
    return result;
  }
}
