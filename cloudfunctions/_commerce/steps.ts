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

  /** Undoes every completed step, newest first. Undo failures are logged, not thrown. */
  async compensate(requestId: string): Promise<void> {
    for (const { name, undo } of this.undos.reverse()) {
      try {
        await undo();
      } catch (err) {
        console.error(`[commerce] request ${requestId}: undo of ${name} failed`, err);
      }
    }
    this.undos = [];
  }
}
