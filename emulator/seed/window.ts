/** A seeded document: any fields, a fixed id. */
export type SeedDoc = { _id: string; [k: string]: unknown };

export const DAY = 24 * 3600 * 1000;

/** The window of a seeded promotion: live since yesterday, for `days` more days. */
export function liveWindow(now: Date, days: number): { startAt: Date; endAt: Date } {
  return { startAt: new Date(now.getTime() - DAY), endAt: new Date(now.getTime() + days * DAY) };
}
