import { AppError, store, type ActionContext } from '../_platform';
import { courseSchema, isAssigned, progressId, type Course, type TrainingProgress } from '../../shared/training';
import { describeIssues } from '../../shared/zod-issues';

/** At most this many published courses are read at once (a salesperson's list, the boss's report). */
export const MAX_COURSES = 200;

/** A stored course with the caller's progress in it. `course` is undefined when the document is invalid. */
export interface CourseRow {
  raw: Record<string, unknown>;
  course?: Course;
  progress?: TrainingProgress;
}

/** Validates a stored course; an invalid one is logged and skipped by the caller (admin.promotionHealth reports it). */
export function parseCourse(raw: unknown): Course | undefined {
  const parsed = courseSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn(`[training] courses/${String((raw as { _id?: unknown })?._id)} is invalid: ${describeIssues(parsed.error.issues, '(document)').join('; ')}`);
  return undefined;
}

function toRow(raw: Record<string, unknown> & { progress?: TrainingProgress[] }): CourseRow {
  const { progress, ...doc } = raw;
  return { raw: doc, course: parseCourse(doc), progress: progress?.[0] };
}

/**
 * Every published course with `salesId`'s progress in it, in ONE read (an aggregate whose join
 * builds each progress id from the course id).
 */
export async function readPublishedCourses(salesId: string): Promise<CourseRow[]> {
  const _ = store.command();
  const $ = _.aggregate;
  const res = await store
    .aggregate('courses')
    .match({ status: 'published' })
    .sort({ _id: 1 })
    .limit(MAX_COURSES)
    .lookup({
      from: 'training_progress',
      let: { cid: '$_id' },
      pipeline: $.pipeline()
        .match(_.expr($.eq(['$_id', $.concat(['$$cid', `:${salesId}`])])))
        .limit(1)
        .done(),
      as: 'progress',
    })
    .end();
  return store.aggregateRows<Record<string, unknown> & { progress?: TrainingProgress[] }>(res).map(toRow);
}

/** One course with `salesId`'s progress in it, in ONE read; undefined when there is no such course. */
export async function readCourse(courseId: string, salesId: string): Promise<CourseRow | undefined> {
  const res = await store
    .aggregate('courses')
    .match({ _id: courseId })
    .limit(1)
    .lookup({ from: 'training_progress', pipeline: store.command().aggregate.pipeline().match({ _id: progressId(courseId, salesId) }).limit(1).done(), as: 'progress' })
    .end();
  const doc = store.aggregateRows<Record<string, unknown> & { progress?: TrainingProgress[] }>(res)[0];
  return doc ? toRow(doc) : undefined;
}

/**
 * The course a salesperson studies: it exists, is valid and published, and is assigned to them
 * (boss and ops may preview any valid course). NOT_FOUND otherwise — an unassigned course is not
 * disclosed to a salesperson.
 */
export async function readStudyCourse(courseId: string, ctx: ActionContext): Promise<{ course: Course; progress?: TrainingProgress }> {
  const row = await readCourse(courseId, ctx.openid);
  const course = row?.course;
  if (!row || !course) throw new AppError('NOT_FOUND', `no course ${courseId}`);
  if (ctx.user.role === 'sales' && (course.status !== 'published' || !isAssigned(course, row.progress))) {
    throw new AppError('NOT_FOUND', `course ${courseId} is not assigned to you`);
  }
  return { course, progress: row.progress };
}
