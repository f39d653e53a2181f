import type { Course } from './course.schema';

/** One quiz attempt as stored (the last 20 are kept on the progress document). */
export interface QuizAttempt {
  /** The client's key for this submission: a retried submission is answered from here, never counted twice. */
  key: string;
  at: Date;
  scorePercent: number;
  correctCount: number;
  total: number;
  passed: boolean;
}

/**
 * `training_progress/{courseId}:{salesId}`: one salesperson in one course. Created by an explicit
 * assignment (with its own `dueAt`), or on the first study write of a course assigned to all.
 */
export interface TrainingProgress {
  _id: string;
  courseId: string;
  salesId: string;
  assignedAt: Date;
  assignedBy?: string;
  /** Due date of an explicit assignment; without it the course's `assignAll.dueAt` applies. */
  dueAt?: Date;
  doneLessonIds: string[];
  lastLessonId?: string;
  lastStudiedAt?: Date;
  attemptCount: number;
  attempts: QuizAttempt[];
  bestScorePercent?: number;
  lastAttemptAt?: Date;
  /** First time the quiz was passed. */
  passedAt?: Date;
  /** First time the course was completed: quiz passed, or (no quiz) every lesson done. */
  completedAt?: Date;
  updatedAt: Date;
}

/**
 * A salesperson's progress before anything happened: assigned `now` (by `assignedBy` and due at
 * `dueAt` for an explicit assignment; neither for a course assigned to all).
 * @example newProgress('c1', 'o_sales_li', now).doneLessonIds // []
 */
export function newProgress(courseId: string, salesId: string, now: Date, assignment: { assignedBy?: string; dueAt?: Date } = {}): TrainingProgress {
  return {
    _id: progressId(courseId, salesId),
    courseId,
    salesId,
    assignedAt: now,
    ...(assignment.assignedBy ? { assignedBy: assignment.assignedBy } : {}),
    ...(assignment.dueAt ? { dueAt: assignment.dueAt } : {}),
    doneLessonIds: [],
    attemptCount: 0,
    attempts: [],
    updatedAt: now,
  };
}

/** Attempts kept on a progress document (the count keeps counting). */
export const KEPT_ATTEMPTS = 20;

/** A course is due soon within this long of its due date. */
export const DUE_SOON_MS = 3 * 24 * 3600 * 1000;

/**
 * The id of a salesperson's progress in a course. Course ids never contain `:`, so the id is
 * unambiguous and can be built inside a database pipeline (`$concat`).
 * @example progressId('course_onboarding', 'o_sales_li') // 'course_onboarding:o_sales_li'
 */
export function progressId(courseId: string, salesId: string): string {
  return `${courseId}:${salesId}`;
}

/**
 * Where to resume: the first lesson not done after the last one marked done, else the first not
 * done from the start; null when every lesson is done (next: the quiz).
 * @example resumeLessonId(['l1', 'l2', 'l3'], ['l1', 'l3'], 'l3') // 'l2'
 */
export function resumeLessonId(lessonIds: readonly string[], doneIds: readonly string[], lastLessonId?: string): string | null {
  const done = new Set(doneIds);
  const at = lastLessonId ? lessonIds.indexOf(lastLessonId) : -1;
  const order = at >= 0 ? [...lessonIds.slice(at + 1), ...lessonIds.slice(0, at + 1)] : lessonIds;
  return order.find((id) => !done.has(id)) ?? null;
}

/** Lessons of the course (as it is now) that are done. */
export function doneLessonCount(course: Pick<Course, 'lessons'>, doneIds: readonly string[]): number {
  const done = new Set(doneIds);
  return course.lessons.filter((l) => done.has(l.lessonId)).length;
}

/** True when a course is completed by this much: its quiz passed, or without a quiz every lesson done. */
export function isCourseComplete(course: Pick<Course, 'lessons' | 'quiz'>, doneIds: readonly string[], passed: boolean): boolean {
  return course.quiz ? passed : doneLessonCount(course, doneIds) === course.lessons.length;
}

/** Due state of an assignment: `done` once completed; `none` without a due date. */
export type DueState = 'done' | 'none' | 'open' | 'soon' | 'overdue';

/**
 * @example dueState(new Date('2026-06-02'), null, new Date('2026-06-01')) // 'soon'
 */
export function dueState(dueAt: Date | null, completedAt: Date | null, now: Date): DueState {
  if (completedAt) return 'done';
  if (!dueAt) return 'none';
  const left = dueAt.getTime() - now.getTime();
  if (left <= 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'soon' : 'open';
}

/** Where a salesperson stands in a course. */
export type CourseState = 'not_started' | 'in_progress' | 'completed';

/** True when a course is assigned to the salesperson: to everyone, or to them (their progress exists). */
export function isAssigned(course: Pick<Course, 'assignAll'>, progress: TrainingProgress | undefined): boolean {
  return !!course.assignAll || !!progress;
}

/** A salesperson's standing in one course, as the app and the boss's report show it. */
export interface CourseStanding {
  state: CourseState;
  doneLessons: number;
  totalLessons: number;
  /** Lessons done, percent of the course's lessons (rounded down). */
  percent: number;
  resumeLessonId: string | null;
  attempts: number;
  bestScorePercent: number | null;
  passed: boolean;
  completedAt: Date | null;
  dueAt: Date | null;
  due: DueState;
}

/**
 * A salesperson's standing in a course from their progress (undefined: not started).
 * @example standingOf(course, undefined, now).state // 'not_started'
 */
export function standingOf(course: Course, progress: TrainingProgress | undefined, now: Date): CourseStanding {
  const doneIds = progress?.doneLessonIds ?? [];
  const doneLessons = doneLessonCount(course, doneIds);
  const totalLessons = course.lessons.length;
  const attempts = progress?.attemptCount ?? 0;
  const completedAt = progress?.completedAt ?? null;
  const dueAt = progress?.dueAt ?? course.assignAll?.dueAt ?? null;
  return {
    // Any lesson ever marked done counts as started, even one ops removed since (as the report's counts do).
    state: completedAt ? 'completed' : doneIds.length > 0 || attempts > 0 ? 'in_progress' : 'not_started',
    doneLessons,
    totalLessons,
    percent: Math.floor((doneLessons * 100) / totalLessons),
    resumeLessonId: resumeLessonId(
      course.lessons.map((l) => l.lessonId),
      doneIds,
      progress?.lastLessonId,
    ),
    attempts,
    bestScorePercent: progress?.bestScorePercent ?? null,
    passed: !!progress?.passedAt,
    completedAt,
    dueAt,
    due: dueState(dueAt, completedAt, now),
  };
}
