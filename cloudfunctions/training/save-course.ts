import { AppError, action, store, type Fields } from '../_platform';
import { training } from '../../shared/contract';
import { courseContentFields, type CourseInput } from '../../shared/training/course.schema';

const CONTENT_KEYS = Object.keys(courseContentFields) as Array<keyof typeof courseContentFields>;

/**
 * training.saveCourse {course} (ops) → creates the course, or replaces its content in place: every
 * content field is set (or removed when absent) by one update, so the course's assignment
 * (`assignAll`) and `createdAt` — which ops do not send — are kept, and a concurrent assign is
 * never lost. Round trips: caller + 1 update (+1 insert for a
 * new course, +1 update again if another save created it meanwhile).
 */
export const saveCourse = action(training.saveCourse)({
  access: ['ops'],
  async run(input, ctx) {
    const { courseId, ...content } = input.course;
    const _ = store.command();
    const replace: Fields = { updatedAt: ctx.now, updatedBy: ctx.openid };
    for (const key of CONTENT_KEYS) replace[key] = content[key] === undefined ? _.remove() : _.set(content[key]);
    const result = { courseId, status: content.status, lessons: content.lessons.length, questions: content.quiz?.questions.length ?? 0 };

    if (await store.guardedUpdate('courses', { _id: courseId }, replace)) return { ...result, created: false };
    if (await store.insertOnce('courses', newCourseDoc(input.course, ctx.now, ctx.openid))) return { ...result, created: true };
    // Created by another save since the update (or the update changed nothing): set it again.
    await store.guardedUpdate('courses', { _id: courseId }, replace);
    if (!(await store.getById('courses', courseId))) throw new AppError('CONFLICT', 'the course changed meanwhile, please retry');
    return { ...result, created: false };
  },
});

function newCourseDoc(input: CourseInput, now: Date, by: string) {
  const { courseId, ...content } = input;
  const doc: Record<string, unknown> = { _id: courseId, createdAt: now, updatedAt: now, updatedBy: by };
  for (const key of CONTENT_KEYS) if (content[key] !== undefined) doc[key] = content[key];
  return doc as { _id: string };
}
