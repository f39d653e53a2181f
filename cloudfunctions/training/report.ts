import { AppError, action, store } from '../_platform';
import { training } from '../../shared/contract';
import { NO_COUNTS, standingOf, summarizeCourse, summarizeSales, type Course, type ProgressCounts, type TrainingProgress } from '../../shared/training';
import { MAX_COURSES, parseCourse } from './read';

const PAGE = 20;

interface SalesRow {
  _id: string;
  name?: string;
  progress: TrainingProgress[];
}

/**
 * training.report {courseId?, cursor?, limit?} (boss, ops) → per published course: assigned,
 * not started, in progress, completed, overdue, passed, attempts and the mean best score, over the
 * current salespeople; plus one page (in salesperson id order) of salespeople with their totals,
 * or — with `courseId` — with their standing in that course. Round trips: caller + 4 reads at
 * once (the courses, one `$group` over progress joined to its salesperson, the number of
 * salespeople, the page).
 */
export const report = action(training.report)({
  access: ['boss', 'ops'],
  async run(input, ctx) {
    const limit = input.limit ?? PAGE;
    const [raw, counts, salesCount, page] = await Promise.all([
      store.find<Record<string, unknown>>('courses', input.courseId ? { _id: input.courseId } : { status: 'published' }, { limit: MAX_COURSES, orderBy: [['_id', 'asc']] }),
      countProgress(input.courseId, ctx.now),
      store.count('users', { role: 'sales' }),
      readSalesPage(input.cursor, limit, input.courseId),
    ]);
    const courses = raw.flatMap((d) => {
      const c = parseCourse(d);
      return c && c.status === 'published' ? [c] : [];
    });
    if (input.courseId && courses.length === 0) throw new AppError('NOT_FOUND', `no published course ${input.courseId}`);
    const nextCursor = page.length === limit ? page[page.length - 1]._id : null;
    const name = (r: SalesRow) => r.name ?? r._id;

    const course = input.courseId ? courses[0] : undefined;
    return {
      courses: courses.map((c) => ({
        courseId: c._id,
        title: c.title,
        required: c.requiredBeforeLive,
        audience: c.assignAll ? ('all' as const) : ('list' as const),
        lessons: c.lessons.length,
        hasQuiz: !!c.quiz,
        passPercent: c.quiz?.passPercent ?? null,
        dueAt: c.assignAll?.dueAt ?? null,
        ...summarizeCourse(c, counts.get(c._id) ?? NO_COUNTS, salesCount, ctx.now),
      })),
      sales: course ? null : { rows: page.map((r) => ({ salesId: r._id, name: name(r), ...summarizeSales(courses, r.progress, ctx.now) })), nextCursor },
      people: course
        ? {
            courseId: course._id,
            rows: peopleOf(course, page).map((r) => ({ salesId: r._id, name: name(r), ...standingOf(course, r.progress[0], ctx.now) })),
            nextCursor,
          }
        : null,
    };
  },
});

/** A course's page keeps the salespeople it is assigned to (all of them for a course assigned to all). */
function peopleOf(course: Course, page: SalesRow[]): SalesRow[] {
  return course.assignAll ? page : page.filter((r) => r.progress.length > 0);
}

/**
 * One page of current salespeople after `cursor`, each with their progress documents (one course's
 * only, when `courseId` is given). One aggregate.
 */
async function readSalesPage(cursor: string | undefined, limit: number, courseId?: string): Promise<SalesRow[]> {
  const _ = store.command();
  const $ = _.aggregate;
  const base = store
    .aggregate('users')
    .match(cursor ? { role: 'sales', _id: _.gt(cursor) } : { role: 'sales' })
    .sort({ _id: 1 })
    .limit(limit)
    .project({ name: 1 });
  const joined = courseId
    ? base.lookup({
        from: 'training_progress',
        let: { sid: '$_id' },
        pipeline: $.pipeline()
          .match(_.expr($.eq(['$_id', $.concat([`${courseId}:`, '$$sid'])])))
          .limit(1)
          .done(),
        as: 'progress',
      })
    : base.lookup({ from: 'training_progress', localField: '_id', foreignField: 'salesId', as: 'progress' });
  return store.aggregateRows<SalesRow>(await joined.end());
}

/**
 * Counts per course over the progress documents of current salespeople (a `$group`; see
 * shared/training `ProgressCounts`). One aggregate.
 */
async function countProgress(courseId: string | undefined, now: Date): Promise<Map<string, ProgressCounts>> {
  const _ = store.command();
  const $ = _.aggregate;
  const completed = $.ifNull(['$completedAt', false]);
  const open = $.not([completed]);
  const hasDue = $.ifNull(['$dueAt', false]);
  const started = $.or([$.gt([$.size($.ifNull(['$doneLessonIds', []])), 0]), $.gt([$.ifNull(['$attemptCount', 0]), 0])]);
  const one = (cond: unknown) => $.sum($.cond([cond, 1, 0]));
  const res = await store
    .aggregate('training_progress')
    .match(courseId ? { courseId } : {})
    .lookup({ from: 'users', let: { sid: '$salesId' }, pipeline: $.pipeline().match(_.expr($.eq(['$_id', '$$sid']))).project({ role: 1 }).done(), as: 'user' })
    .match({ 'user.role': 'sales' })
    .group({
      _id: '$courseId',
      docs: $.sum(1),
      completed: one(completed),
      inProgress: one($.and([started, open])),
      passed: one($.ifNull(['$passedAt', false])),
      attempts: $.sum($.ifNull(['$attemptCount', 0])),
      attempted: one($.gt([$.ifNull(['$attemptCount', 0]), 0])),
      bestSum: $.sum($.ifNull(['$bestScorePercent', 0])),
      overdueWithDue: one($.and([open, hasDue, $.lte(['$dueAt', now])])),
      openWithoutDue: one($.and([open, $.not([hasDue])])),
    })
    .limit(MAX_COURSES)
    .end();
  return new Map(store.aggregateRows<ProgressCounts & { _id: string }>(res).map(({ _id, ...c }) => [_id, c]));
}
