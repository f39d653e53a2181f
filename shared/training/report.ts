import type { Course } from './course.schema';
import { standingOf, type TrainingProgress } from './progress';
import { decideShelfLive } from './shelf-gate';

/**
 * Counts over one course's progress documents of current salespeople (one `$group` row of
 * `training.report`'s aggregate). `overdueWithDue`: not completed, own due date passed;
 * `openWithoutDue`: not completed, no own due date (the course's `assignAll.dueAt` applies).
 */
export interface ProgressCounts {
  docs: number;
  completed: number;
  inProgress: number;
  passed: number;
  attempts: number;
  attempted: number;
  bestSum: number;
  overdueWithDue: number;
  openWithoutDue: number;
}

/** No progress documents yet. */
export const NO_COUNTS: ProgressCounts = { docs: 0, completed: 0, inProgress: 0, passed: 0, attempts: 0, attempted: 0, bestSum: 0, overdueWithDue: 0, openWithoutDue: 0 };

/** Completion counts over a set of assignments (a course's salespeople, or a salesperson's courses). */
export interface Completion {
  assigned: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  overdue: number;
  passed: number;
  /** Mean of the best scores of the quizzes taken (rounded), null when none was. */
  averageBestScorePercent: number | null;
}

/** Completion of one course over the salespeople it is assigned to, with its quiz attempts. */
export interface CourseSummary extends Completion {
  attempts: number;
}

/**
 * One course's summary. A course assigned to all counts every current salesperson
 * (`salesCount`): those without a progress document have not started, and are overdue once the
 * course's due date has passed.
 * @example summarizeCourse(course, { ...NO_COUNTS, docs: 1, completed: 1, passed: 1, attempts: 2, attempted: 1, bestSum: 100 }, 3, now) // assigned 3, completed 1, notStarted 2
 */
export function summarizeCourse(course: Pick<Course, 'assignAll'>, counts: ProgressCounts, salesCount: number, now: Date): CourseSummary {
  const missing = course.assignAll ? Math.max(0, salesCount - counts.docs) : 0;
  const allDuePassed = !!course.assignAll && course.assignAll.dueAt.getTime() <= now.getTime();
  return {
    assigned: counts.docs + missing,
    notStarted: counts.docs - counts.completed - counts.inProgress + missing,
    inProgress: counts.inProgress,
    completed: counts.completed,
    overdue: counts.overdueWithDue + (allDuePassed ? counts.openWithoutDue + missing : 0),
    passed: counts.passed,
    attempts: counts.attempts,
    averageBestScorePercent: counts.attempted > 0 ? Math.round(counts.bestSum / counts.attempted) : null,
  };
}

/** One salesperson's training over every published course assigned to them. */
export interface SalesSummary extends Completion {
  shelfLive: boolean;
}

/**
 * A salesperson's summary from the published courses and their progress documents.
 * @example summarizeSales([course], [], now) // { assigned: 1, notStarted: 1, ... } when the course is assigned to all
 */
export function summarizeSales(courses: readonly Course[], progress: readonly TrainingProgress[], now: Date): SalesSummary {
  const byCourse = new Map(progress.map((p) => [p.courseId, p]));
  const out: SalesSummary = { assigned: 0, notStarted: 0, inProgress: 0, completed: 0, overdue: 0, passed: 0, averageBestScorePercent: null, shelfLive: true };
  const bests: number[] = [];
  for (const course of courses) {
    if (course.status !== 'published') continue;
    const p = byCourse.get(course._id);
    if (!course.assignAll && !p) continue;
    const s = standingOf(course, p, now);
    out.assigned++;
    if (s.state === 'completed') out.completed++;
    else if (s.state === 'in_progress') out.inProgress++;
    else out.notStarted++;
    if (s.due === 'overdue') out.overdue++;
    if (s.passed) out.passed++;
    if (s.bestScorePercent !== null) bests.push(s.bestScorePercent);
  }
  if (bests.length) out.averageBestScorePercent = Math.round(bests.reduce((a, b) => a + b, 0) / bests.length);
  out.shelfLive = decideShelfLive(courses.filter((c) => c.status === 'published' && c.requiredBeforeLive).map((c) => ({ course: c, progress: byCourse.get(c._id) }))).live;
  return out;
}
