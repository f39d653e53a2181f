/**
 * Multi-document work as steps, each with its undo (Medusa's compensating steps): when a later
 * step fails, the undos of the steps already done run in reverse order, then the error is rethrown.
 */
export class Steps {
  private undos: Array<{ name: string; undo: () => Promise<unknown> }> = [];

  /** Runs `invoke`; when it succeeds, remembers `undo` for a later failure. */
  async run<T>(name: string, invoke: () => Promise<T>, undo?: (result: T) => Promise<unknown>): Promise<T> {
    const result = await invoke();
    if (undo) this.undos.push({ name, undo: () => undo(result) });
    return result;
  }

  /** Undoes every completed step, newest first. Each undo is tried up to 3 times; a lost one is logged, not thrown. */
  async compensate(requestId: string): Promise<void> {
    for (const { name, undo } of this.undos.reverse()) await undoWithRetry(name, requestId, undo);
    this.undos = [];
  }
}

/**
 * Runs an undo, again when it fails (up to `times` tries): a lost undo leaks stock, a seat or a
 * claim slot, while a write that failed was not applied (the service answers an error only for a
 * write it did not make; a timeout stays ambiguous either way). Never throws; false when lost.
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
 * A write that must happen once its guard has been won (side effects after a winning transition):
 * tried up to `times` times, then the last error is thrown. Only for writes that are guarded or
 * whose failure means "not applied".
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
