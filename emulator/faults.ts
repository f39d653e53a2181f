/**
 * Seeded fault injection for the local cloud (POST /_emulator/faults): fail or conflict a
 * fraction of transaction commits and single write operations, delay replies, or crash one
 * function's calls after their first N writes. The same seed gives the same sequence of faults
 * for the same sequence of requests.
 */
export interface FaultConfig {
  seed: number;
  /** Fraction of commits answered DATABASE_TRANSACTION_CONFLICT (retryable; the SDK retries). */
  commitConflictRate: number;
  /** Fraction of commits that fail with a non-retryable error (nothing is written). */
  commitFailRate: number;
  /** Fraction of single (non-transaction) write operations that fail before writing. */
  writeFailRate: number;
  /** Extra delay before each reply, uniformly 0..delayMs milliseconds. */
  delayMs: number;
  /**
   * A process dying mid-call: every write (single write or commit) that calls of `call`
   * ("function.action") make after their first `writes` writes fails — as if the function's
   * process died right there and nothing after that point happened. Counted from `configure()`.
   */
  crashAfter: { call: string; writes: number } | null;
}

export const NO_FAULTS: FaultConfig = { seed: 1, commitConflictRate: 0, commitFailRate: 0, writeFailRate: 0, delayMs: 0, crashAfter: null };

export class Faults {
  private config: FaultConfig = NO_FAULTS;
  private state = 1;
  /** How many faults of each kind were injected since the last configure(). */
  injected = { commitConflict: 0, commitFail: 0, writeFail: 0, crashed: 0 };
  /** Writes seen of the `crashAfter` call since the last configure(). */
  private crashWrites = 0;

  configure(partial: Partial<FaultConfig>): FaultConfig {
    this.config = { ...NO_FAULTS, ...partial };
    this.state = (this.config.seed >>> 0) || 1;
    this.injected = { commitConflict: 0, commitFail: 0, writeFail: 0, crashed: 0 };
    this.crashWrites = 0;
    return this.config;
  }

  /** True when `caller` ("fn.action") is the crashed call and has made its allowed writes. */
  private crashes(caller: string | undefined): boolean {
    const crash = this.config.crashAfter;
    if (!crash || caller !== crash.call) return false;
    this.crashWrites++;
    if (this.crashWrites <= crash.writes) return false;
    this.injected.crashed++;
    return true;
  }

  get current(): FaultConfig {
    return this.config;
  }

  /** mulberry32: tiny, seedable, good enough to pick which requests fail. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  onCommit(caller?: string): 'ok' | 'conflict' | 'fail' {
    if (this.crashes(caller)) return 'fail';
    const { commitConflictRate, commitFailRate } = this.config;
    if (commitConflictRate === 0 && commitFailRate === 0) return 'ok';
    const r = this.next();
    if (r < commitConflictRate) {
      this.injected.commitConflict++;
      return 'conflict';
    }
    if (r < commitConflictRate + commitFailRate) {
      this.injected.commitFail++;
      return 'fail';
    }
    return 'ok';
  }

  onWrite(caller?: string): boolean {
    if (this.crashes(caller)) return true;
    if (this.config.writeFailRate === 0) return false;
    const fail = this.next() < this.config.writeFailRate;
    if (fail) this.injected.writeFail++;
    return fail;
  }

  delay(): number {
    return this.config.delayMs > 0 ? Math.floor(this.next() * this.config.delayMs) : 0;
  }
}
