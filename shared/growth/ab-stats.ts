/**
 * Statistics of an A/B arm comparison: conversion proportions and the difference between two
 * arms with a 95 % confidence interval. The difference uses Newcombe's hybrid score interval
 * (method 10 of Newcombe 1998, built from each arm's Wilson interval): unlike the Wald interval it
 * stays inside [-1, 1] and keeps its coverage with few conversions or rates near 0 or 1, which is
 * where a young experiment lives.
 */

/** z of a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/** A closed interval `[low, high]`. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval of `successes / trials` (null when there are no trials).
 * @example wilsonInterval(81, 263) // { low: 0.2553, high: 0.3662 } (rounded)
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): Interval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const denom = 1 + z2 / trials;
  return { low: Math.max(0, (centre - spread) / denom), high: Math.min(1, (centre + spread) / denom) };
}

/**
 * Newcombe's hybrid score interval of p1 − p2 (null when an arm has no trials).
 * @example differenceInterval(56, 70, 48, 80) // { low: 0.0524, high: 0.3339 } (rounded; Newcombe 1998, table II)
 */
export function differenceInterval(s1: number, n1: number, s2: number, n2: number, z = Z95): Interval | null {
  const w1 = wilsonInterval(s1, n1, z);
  const w2 = wilsonInterval(s2, n2, z);
  if (!w1 || !w2) return null;
  const p1 = s1 / n1;
  const p2 = s2 / n2;
  const d = p1 - p2;
  const below = Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2);
  const above = Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2);
  return { low: d - below, high: d + above };
}

/** One arm's counts as the dashboard reads them. */
export interface ArmCounts {
  variant: string;
  exposures: number;
  conversions: number;
}

/** One arm compared with the control (the first arm). */
export interface ArmResult extends ArmCounts {
  /** conversions / exposures (0 without exposures). */
  rate: number;
  rateInterval: Interval | null;
  /** This arm's rate minus the control's; null for the control itself or without exposures. */
  difference: number | null;
  differenceInterval: Interval | null;
  /** True when the difference's interval excludes 0. */
  significant: boolean;
}

/**
 * Compares every arm with the first one (the control). Conversions above exposures are clamped:
 * a proportion cannot pass 1 (a counter can, when one exposure converts twice).
 * @example compareArms([{variant:'a', exposures:80, conversions:48}, {variant:'b', exposures:70, conversions:56}])[1].significant // true
 */
export function compareArms(arms: readonly ArmCounts[]): ArmResult[] {
  const clamped = arms.map((a) => {
    const exposures = Math.max(0, Math.floor(a.exposures));
    return { variant: a.variant, exposures, conversions: Math.min(exposures, Math.max(0, Math.floor(a.conversions))) };
  });
  const control = clamped[0];
  return clamped.map((a, i) => {
    const rate = a.exposures > 0 ? a.conversions / a.exposures : 0;
    const interval = i === 0 || !control ? null : differenceInterval(a.conversions, a.exposures, control.conversions, control.exposures);
    return {
      ...a,
      rate,
      rateInterval: wilsonInterval(a.conversions, a.exposures),
      difference: interval ? rate - control.conversions / control.exposures : null,
      differenceInterval: interval,
      significant: !!interval && (interval.low > 0 || interval.high < 0),
    };
  });
}
