/**
 * The deploy settings the local cloud honours, read from the project's `cloudbaserc.json` (the
 * CloudBase CLI's file): each function's timeout, and which functions have a timer trigger.
 * The file is the nearest one at or above the functions folder, so `cloudfunctions/`,
 * `dist/cloudfunctions/` and a test fixture project each find theirs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** CloudBase's timeout for a function that sets none (platform.md: "timeout default 3 s"). */
export const DEFAULT_TIMEOUT_S = 3;

interface RcFunction {
  name: string;
  timeout?: number;
  triggers?: Array<{ type: string }>;
}

export class FunctionConfig {
  private constructor(
    /** The cloudbaserc.json read, or undefined when there is none. */
    readonly file: string | undefined,
    private functions: RcFunction[],
  ) {}

  /** Reads the nearest cloudbaserc.json at or above `functionsDir`. */
  static forFunctionsDir(functionsDir: string): FunctionConfig {
    for (let dir = resolve(functionsDir); ; dir = dirname(dir)) {
      const file = join(dir, 'cloudbaserc.json');
      if (existsSync(file)) {
        const rc = JSON.parse(readFileSync(file, 'utf8')) as { functions?: RcFunction[] };
        return new FunctionConfig(file, rc.functions ?? []);
      }
      if (dirname(dir) === dir) return new FunctionConfig(undefined, []);
    }
  }

  /** The function's time limit in seconds (cloudbaserc `timeout`, else CloudBase's default). */
  timeoutSeconds(name: string): number {
    const t = this.functions.find((f) => f.name === name)?.timeout;
    return typeof t === 'number' && t > 0 ? t : DEFAULT_TIMEOUT_S;
  }
}
