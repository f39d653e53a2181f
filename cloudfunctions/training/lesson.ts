import { AppError, action } from '../_platform';
import { training } from '../../shared/contract';
import { mediaOf, mediaResolver, presentBlock } from './present';
import { readStudyCourse } from './read';

/**
 * training.lesson {courseId, lessonId} → the lesson's blocks (storage media as temporary URLs),
 * its place in the course and whether it is done. Reading records nothing: where to resume follows
 * from the lessons marked done (`progress`). Round trips: caller + 1 aggregate.
 */
export const lesson = action(training.lesson)({
  access: ['sales', 'boss', 'ops'],
  async run(input, ctx) {
    const { course, progress } = await readStudyCourse(input.courseId, ctx);
    const index = course.lessons.findIndex((l) => l.lessonId === input.lessonId);
    if (index < 0) throw new AppError('NOT_FOUND', `no lesson ${input.lessonId} in course ${input.courseId}`);
    const l = course.lessons[index];
    const url = await mediaResolver(mediaOf({ ...course, cover: undefined }, l.blocks));
    return {
      courseId: course._id,
      courseTitle: course.title,
      lessonId: l.lessonId,
      title: l.title,
      minutes: l.minutes ?? null,
      index,
      count: course.lessons.length,
      blocks: l.blocks.map((b) => presentBlock(b, url)),
      done: !!progress?.doneLessonIds.includes(l.lessonId),
      prevLessonId: course.lessons[index - 1]?.lessonId ?? null,
      nextLessonId: course.lessons[index + 1]?.lessonId ?? null,
    };
  },
});
