import { runningArm, type Experiment } from './experiments';

/** The group size a caller's arm of a `groupSizeFirst` experiment shows first. */
export interface GroupSizeTreatment {
  experimentKey: string;
  variant: string;
  groupSize: number;
}

/**
 * The caller's group size shown first: the first live `groupSizeFirst` experiment (by `_id`)
 * decides; null when none runs or the caller's arm sets no `groupSize` (the deals keep their order).
 * @example groupSizeTreatment(experiments, 'o_cust_1', now) // { experimentKey:'dealSize', variant:'trio', groupSize:3 }
 */
export function groupSizeTreatment(experiments: readonly Experiment[], openid: string, now: Date): GroupSizeTreatment | null {
  const arm = runningArm(experiments, 'groupSizeFirst', openid, now);
  const groupSize = arm?.value?.groupSize;
  return arm && groupSize !== undefined ? { experimentKey: arm.experimentKey, variant: arm.variant, groupSize } : null;
}

/**
 * Deals in the order a product page shows them: those of `groupSize` first, the others after, each
 * part in its given order (stable; null keeps the order as it is).
 * @example dealsSizeFirst([{ groupSize: 2 }, { groupSize: 3 }], 3) // [{ groupSize: 3 }, { groupSize: 2 }]
 */
export function dealsSizeFirst<T extends { groupSize: number }>(deals: readonly T[], groupSize: number | null): T[] {
  if (groupSize === null) return [...deals];
  return [...deals.filter((d) => d.groupSize === groupSize), ...deals.filter((d) => d.groupSize !== groupSize)];
}
