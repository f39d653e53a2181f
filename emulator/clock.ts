/**
 * The time every function sees (passed per call as LINKSHELF_NOW in the call context).
 * Flowing by default (npm start); tests freeze it and move it explicitly.
 */
export class Clock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  /** Sets the current time; `frozen` stops it there until the next set/advance. */
  set(at: number, frozen = false): void {
    if (frozen) {
      this.frozenAt = at;
    } else {
      this.frozenAt = undefined;
      this.offsetMs = at - Date.now();
    }
  }

  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = undefined;
  }

  get frozen(): boolean {
    return this.frozenAt !== undefined;
  }
}
