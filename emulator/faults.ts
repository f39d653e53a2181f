/**
 * Seeded fault injection for the local cloud (POST /_emulator/faults): fail or conflict a
 * fraction of transaction commits and single write operations, apply a fraction of writes and
 * lose their reply, delay replies, or crash one function's calls after their first N writes. The
 * same seed gives the same sequence of faults for the same sequence of requests.
 */
import { seededRandom } from './seeded-random';

/**
 * A write that was applied, whose reply is lost on the way back (fault mode "applied, reply
 * lost"): the server answers HTTP 504 (the gateway stopped waiting) instead of the reply, so the
 * SDK fails the call although the write happened — what a timeout can do in production.
 */
export class ReplyLost extends Error {
  constructor() {
    super('injected: the write was applied and its reply lost');
  }
}

export interface FaultConfig {
  seed: number;
  /** Fraction of commits answered DATABASE_TRANSACTION_CONFLICT (retryable; the SDK retries). */
  commitConflictRate: number;
  /** Fraction of commits that fail with a non-retryable error (nothing is written). */
  commitFailRate: number;
  /** Fraction of single (non-transaction) write operations that fail before writing. */
  writeFailRate: number;
  /**
   * Fraction of writes (single writes and commits) that are APPLIED and then answered with a
   * gateway timeout instead of their reply: the caller sees an error for a write that happened.
   */
  replyLostRate: number;
  /** Extra delay before each reply, uniformly 0..delayMs milliseconds. */
  delayMs: number;
  /**
   * A process dying mid-call: every write (single write or commit) that calls of `call`
   * ("function.action") make after their first `writes` writes fails — as if the function's
   * process died right there and nothing after that point happened. Counted from `configure()`.
   */
  crashAfter: { call: string; writes: number } | null;
}

export const NO_FAULTS: FaultConfig = { seed: 1, commitConflictRate: 0, commitFailRate: 0, writeFailRate: 0, replyLostRate: 0, delayMs: 0, crashAfter: null };

export class Faults {
  private config: FaultConfig = NO_FAULTS;
  private next: () => number = seededRandom(1);
  /** How many faults of each kind were injected since the last configure(). */
  injected = { commitConflict: 0, commitFail: 0, writeFail: 0, replyLost: 0, crashed: 0 };
  /** Writes seen of the `crashAfter` call since the last configure(). */
  private crashWrites = 0;

  configure(partial: Partial<FaultConfig>): FaultConfig {
    this.config = { ...NO_FAULTS, ...partial };
    this.next = seededRandom(this.config.seed);
    this.injected = { commitConflict: 0, commitFail: 0, writeFail: 0, replyLost: 0, crashed: 0 };
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

  /** Asked after a write (single write or commit) was applied: true when its reply is to be lost. */
  loseReply(): boolean {
    if (this.config.replyLostRate === 0) return false;
    const lost = this.next() < this.config.replyLostRate;
    if (lost) this.injected.replyLost++;
    return lost;
  }

  delay(): number {
    return this.config.delayMs > 0 ? Math.floor(this.next() * this.config.delayMs) : 0;
  }
}
