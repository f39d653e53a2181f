import { action } from '../_platform';
import { training } from '../../shared/contract';
import { decideShelfLive, isAssigned } from '../../shared/training';
import { mediaOf, mediaResolver, presentCard } from './present';
import { readPublishedCourses } from './read';

/**
 * training.courses → the published courses assigned to the caller (to everyone, or to them), most
 * urgent first, and whether their shelf is live. Round trips: the caller (platform) + 1 aggregate.
 */
export const courses = action(training.courses)({
  access: ['sales'],
  async run(_input, ctx) {
    const rows = await readPublishedCourses(ctx.openid);
    // The gate reads the same fields shelf.view reads (an invalid course can still gate).
    const shelf = decideShelfLive(rows.filter((r) => r.raw.requiredBeforeLive === true).map((r) => ({ course: r.raw, progress: r.progress })));
    const mine = rows.flatMap((r) => (r.course && isAssigned(r.course, r.progress) ? [{ course: r.course, progress: r.progress }] : []));
    const url = await mediaResolver(mine.flatMap((m) => mediaOf(m.course)));
    const cards = mine.map((m) => presentCard(m.course, m.progress, ctx.now, url));
    return { shelf, courses: cards.sort(byUrgency) };
  },
});

const RANK = { overdue: 0, soon: 1, open: 2, none: 3, done: 4 } as const;

/** Not completed before completed; within those, required first, then the earliest due date, then id. */
function byUrgency(a: { due: keyof typeof RANK; required: boolean; dueAt: Date | null; courseId: string }, b: typeof a): number {
  return (
    Number(a.due === 'done') - Number(b.due === 'done') ||
    Number(b.required) - Number(a.required) ||
    RANK[a.due] - RANK[b.due] ||
    (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) ||
    a.courseId.localeCompare(b.courseId)
  );
}
