import { isAppError } from '../../shared/errors';

/**
 * Multi-document work as steps, each with its undo (Medusa's compensating steps): when a later
 * step fails, the undos of the steps already done run in reverse order, then the error is rethrown.
 * Undos are guarded writes that apply once (effects.ts), so an undo of a step that never happened
 * changes nothing.
 */
export class Steps {
  private undos: Array<{ name: string; undo: () => Promise<unknown> }> = [];

  /**
   * Runs `invoke`; when it succeeds, remembers `undo` for a later failure. When it fails without a
   * refusal (an error, not an AppError) the write may have been applied with its reply lost: its
   * undo is remembered too.
   */
  async run<T>(name: string, invoke: () => Promise<T>, undo?: () => Promise<unknown>): Promise<T> {
    try {
      const result = await invoke();
      if (undo) this.undos.push({ name, undo });
      return result;
    } catch (err) {
      if (undo && !isAppError(err)) this.undos.push({ name, undo });
      throw err;
    }
  }

  /** Undoes every completed step, newest first. Each undo is tried up to 3 times; a lost one is logged, not thrown. */
  async compensate(requestId: string): Promise<void> {
    for (const { name, undo } of this.undos.reverse()) await undoWithRetry(name, requestId, undo);
    this.undos = [];
  }
}

/**
 * Runs an undo, again when it fails (up to `times` tries): a lost undo leaks stock, a seat or a
 * claim slot. An undo that failed may have been applied all the same (its reply lost), so undos
 * are guarded writes that apply once. Never throws; false when lost.
 */
export async function undoWithRetry(name: string, requestId: string, undo: () => Promise<unknown>, times = 3): Promise<boolean> {
  for (let attempt = 1; attempt <= times; attempt++) {
    try {
      await undo();
      return true;
    } catch (err) {
      if (attempt === times) console.error(`[commerce] request ${requestId}: undo of ${name} failed ${times} times`, err);
    }
  }
  return false;
}

/**
 * A write that must happen (the follow-ups of a move): tried up to `times` times, then the last
 * error is thrown. A failed try may have been applied with its reply lost, so only for writes
 * that apply once however often they are sent (guarded on a state their first application
 * changes); the result of a retry then reads "nothing to do".
 */
export async function mustWrite<T>(write: () => Promise<T>, times = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (attempt >= times) throw err;
    }
  }
}
