/**
 * Runs the project's functions in-process, the way CloudBase runs them: `main(event, context)`
 * with a per-call context whose `environment` carries the caller's WX_OPENID (never
 * process-wide env: calls run concurrently). Each call is a stats scope (see call-tracing).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { callScope } from './call-tracing';
import type { Clock } from './clock';
import type { Stats } from './stats';

type Main = (event: unknown, context: unknown) => Promise<unknown>;

export const LOCAL_APPID = 'wx0000000000000000';

/** The action a call is counted under in stats: `event.action`, `run` for timer events. */
function actionLabel(event: unknown): string {
  if (!event || typeof event !== 'object') return '-';
  const e = event as { action?: unknown; Type?: unknown };
  if (typeof e.action === 'string') return e.action;
  return e.Type === 'Timer' ? 'run' : '-';
}

export class FunctionHost {
  private loaded = new Map<string, Main>();

  constructor(
    readonly root: string,
    private clock: Clock,
    private stats: Stats,
  ) {}

  /**
   * Deployed functions: every folder with an index.ts (sources) or index.js (the bundles in
   * dist/cloudfunctions) whose name does not start with `_`.
   */
  names(): string[] {
    return readdirSync(this.root)
      .filter((n) => !n.startsWith('_') && !n.startsWith('.'))
      .filter((n) => statSync(join(this.root, n)).isDirectory() && this.entry(n) !== undefined)
      .sort();
  }

  private entry(name: string): string | undefined {
    for (const file of ['index.ts', 'index.js']) if (existsSync(join(this.root, name, file))) return join(this.root, name, file);
    return undefined;
  }

  has(name: string): boolean {
    return /^[A-Za-z][A-Za-z0-9_-]*$/.test(name) && this.names().includes(name);
  }

  private load(name: string): Main {
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

  /**
   * Invokes a function as `openid` ('' for server-side callers: timers, other functions, payment
   * callbacks). `source` becomes the context's TCB_SOURCE (getWXContext().SOURCE), e.g.
   * `wx_paycallback` for WeChat Pay's callbacks.
   */
  async invoke(name: string, event: unknown, openid: string, source?: string): Promise<unknown> {
    const main = this.load(name);
    const callId = randomBytes(8).toString('hex');
    const action = actionLabel(event);
    const context = {
      request_id: callId,
      function_name: name,
      memory_limit_in_mb: 256,
      time_limit_in_ms: 20000,
      environment: JSON.stringify({
        WX_OPENID: openid,
        WX_APPID: openid ? LOCAL_APPID : '',
        WX_UNIONID: '',
        TCB_ENV: 'local',
        LINKSHELF_NOW: String(this.clock.now()),
        ...(source ? { TCB_SOURCE: source } : {}),
      }),
    };
    this.stats.begin(callId, name, action);
    let result: unknown;
    try {
      result = await callScope.run({ callId }, () => main(event, context));
    } finally {
      const env = result as { ok?: boolean; error?: { code?: string } } | undefined;
      this.stats.end(callId, env?.ok === true, env?.error?.code);
    }
    return result;
  }
}
