import { AppError, action, store } from '../_platform';
import { training } from '../../shared/contract';
import { isCourseComplete, standingOf, type Course, type TrainingProgress } from '../../shared/training';
import { markCompleted, writeProgress } from './progress-store';
import { readStudyCourse } from './read';

/**
 * training.progress {courseId, lessonId} → marks the lesson done (a set: repeating it changes
 * nothing) and answers the standing with where to resume. A course without a quiz completes when
 * its last lesson is done. Round trips: caller + read + 1 write (the update, or the insert the first
 * time a course assigned to all is studied), +1 when it completes.
 */
export const markLessonDone = action(training.progress)({
  access: ['sales'],
  async run(input, ctx) {
    const { course, progress } = await readStudyCourse(input.courseId, ctx);
    if (!course.lessons.some((l) => l.lessonId === input.lessonId)) throw new AppError('NOT_FOUND', `no lesson ${input.lessonId} in course ${input.courseId}`);
    const doc = await recordLesson(course, progress, input.lessonId, ctx.openid, ctx.now);
    return { courseId: course._id, lessonId: input.lessonId, ...standingOf(course, doc, ctx.now) };
  },
});

async function recordLesson(course: Course, progress: TrainingProgress | undefined, lessonId: string, salesId: string, now: Date): Promise<TrainingProgress> {
  const _ = store.command();
  const { doc } = await writeProgress(
    { courseId: course._id, salesId, now, exists: !!progress },
    {
      set: { doneLessonIds: _.addToSet(lessonId), lastLessonId: lessonId, lastStudiedAt: now, updatedAt: now },
      initial: (base) => ({ ...base, doneLessonIds: [lessonId], lastLessonId: lessonId, lastStudiedAt: now }),
    },
  );
  if (!doc) throw new AppError('CONFLICT', 'progress changed meanwhile, please retry');
  return isCourseComplete(course, doc.doneLessonIds, !!doc.passedAt) ? markCompleted(doc, now) : doc;
}
