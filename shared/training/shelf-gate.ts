import { courseGateSchema } from './course.schema';

/**
 * What the shelf gate reads for one published, required course: the course's gate fields (as
 * stored; validated here) and the salesperson's progress in it, if any.
 */
export interface GateRow {
  course: unknown;
  progress?: { completedAt?: unknown } | null;
}

/** A salesperson's shelf is live, or not yet, because of these required courses. */
export interface ShelfLiveness {
  live: boolean;
  blocking: Array<{ courseId: string; title: string }>;
}

/**
 * The rule "a course can be marked required before a salesperson's shelf goes live": the shelf
 * is live unless some course that is published, `requiredBeforeLive` and assigned to the
 * salesperson (to everyone by `assignAll`, or to them: their progress exists) is not completed
 * by them. A course whose gate fields do not validate is skipped (reported by promotionHealth).
 * Customers opening a shelf that is not live get FAILED_PRECONDITION (shelf.view).
 * @example decideShelfLive([{ course: { _id: 'c1', title: '必修', status: 'published', requiredBeforeLive: true, assignAll: {} } }]) // { live: false, blocking: [{ courseId: 'c1', title: '必修' }] }
 */
export function decideShelfLive(rows: readonly GateRow[]): ShelfLiveness {
  const blocking: ShelfLiveness['blocking'] = [];
  for (const row of rows) {
    const parsed = courseGateSchema.safeParse(row.course);
    if (!parsed.success) continue;
    const course = parsed.data;
    const assigned = !!(row.course as { assignAll?: unknown }).assignAll || !!row.progress;
    const completed = !!row.progress?.completedAt;
    if (course.status === 'published' && course.requiredBeforeLive && assigned && !completed) blocking.push({ courseId: course._id, title: course.title });
  }
  blocking.sort((a, b) => a.courseId.localeCompare(b.courseId));
  return { live: blocking.length === 0, blocking };
}
