import { action } from '../_platform';
import { training } from '../../shared/contract';
import { mediaOf, mediaResolver, presentAttempt, presentCard } from './present';
import { readStudyCourse } from './read';

/**
 * training.course {courseId} → the outline with lessons done, the caller's standing and the quiz
 * WITHOUT its correct options (they never leave the server). Round trips: caller + 1 aggregate.
 */
export const course = action(training.course)({
  access: ['sales', 'boss', 'ops'],
  async run(input, ctx) {
    const { course: c, progress } = await readStudyCourse(input.courseId, ctx);
    const done = new Set(progress?.doneLessonIds ?? []);
    const url = await mediaResolver(mediaOf(c));
    const last = progress?.attempts[progress.attempts.length - 1];
    return {
      ...presentCard(c, progress, ctx.now, url),
      lessons: c.lessons.map((l) => ({ lessonId: l.lessonId, title: l.title, minutes: l.minutes ?? null, done: done.has(l.lessonId) })),
      quiz: c.quiz
        ? {
            passPercent: c.quiz.passPercent,
            questions: c.quiz.questions.map((q) => ({
              questionId: q.questionId,
              kind: q.kind,
              text: q.text,
              options: q.options.map((o) => ({ optionId: o.optionId, text: o.text })),
            })),
          }
        : null,
      lastAttempt: last ? presentAttempt(last) : null,
    };
  },
});
