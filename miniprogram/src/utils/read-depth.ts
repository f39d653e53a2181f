/**
 * How far a reader got, 0–100: the share of the content above the bottom of the screen.
 * @example readDepth(0, 800, 600) // 100 (it all fits); readDepth(800, 800, 2000) // 80
 */
export function readDepth(scrollTop: number, viewportHeight: number, contentHeight: number): number {
  if (!(contentHeight > 0) || contentHeight <= viewportHeight) return 100;
  return Math.max(0, Math.min(100, Math.round(((scrollTop + viewportHeight) / contentHeight) * 100)));
}
