/**
 * Read progress of a visit (a material, product or card page): the page reports the seconds it was
 * on screen and how far it was scrolled, at most every {@link PROGRESS_RULES.reportEveryS} s. The
 * stored time never exceeds the real time elapsed since the visit opened (server clock); the depth
 * is a maximum (0–100). Both only grow, so a late or repeated report changes nothing.
 */

/** The numbers behind progress reports. */
export const PROGRESS_RULES = {
  /** The page reports at most this often. */
  reportEveryS: 5,
  /** A report claiming more is refused outright (no page stays open that long). */
  maxSeconds: 4 * 3600,
} as const;

/** Whole seconds from `openedAt` to `now` (0 if the clock is behind). @example elapsedSeconds(t, new Date(t.getTime() + 40_999)) // 40 */
export function elapsedSeconds(openedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(openedAt).getTime()) / 1000));
}

/**
 * What a report may store: its seconds, capped at the time elapsed since the visit opened.
 * @example boundProgress({ seconds: 90, depth: 80 }, openedAt, fortySecondsLater) // { seconds: 40, depth: 80 }
 */
export function boundProgress(report: { seconds: number; depth: number }, openedAt: Date, now: Date): { seconds: number; depth: number } {
  return { seconds: Math.min(report.seconds, elapsedSeconds(openedAt, now)), depth: report.depth };
}

/**
 * The latest instant a visit may have opened at for a report of `seconds` to be within the
 * elapsed time (the guard of the one-write path: `openedAt ≤ now − seconds`).
 */
export function openedNoLaterThan(seconds: number, now: Date): Date {
  return new Date(now.getTime() - seconds * 1000);
}
