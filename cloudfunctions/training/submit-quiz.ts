import { AppError, action, store } from '../_platform';
import { training } from '../../shared/contract';
import { gradeQuiz, isAnswerProblem, KEPT_ATTEMPTS, standingOf, type QuizAttempt, type TrainingProgress } from '../../shared/training';
import { writeProgress } from './progress-store';
import { presentAttempt } from './present';
import { readStudyCourse } from './read';

/**
 * training.submitQuiz {courseId, answers, attemptKey} → grades on the server (the correct options
 * never leave it) and records the attempt in ONE guarded write: the attempt pushed (the last 20
 * kept), the count incremented, the best score kept with `$max`, and on a pass `passedAt` and
 * `completedAt` set with `$min` (the first pass stays). The guard "no attempt with this key yet"
 * makes a retried submission (a lost reply) count once: it is answered from the recorded attempt.
 * Round trips: caller + read + 1 write (+1 read when the key was recorded meanwhile).
 */
export const submitQuiz = action(training.submitQuiz)({
  access: ['sales'],
  async run(input, ctx) {
    const { course, progress } = await readStudyCourse(input.courseId, ctx);
    const quiz = course.quiz;
    if (!quiz) throw new AppError('FAILED_PRECONDITION', `course ${course._id} has no quiz`);
    const reply = (attempt: QuizAttempt, doc: TrainingProgress | undefined, replayed: boolean) => ({
      courseId: course._id,
      passPercent: quiz.passPercent,
      attempt: presentAttempt(attempt),
      replayed,
      ...standingOf(course, doc, ctx.now),
    });
    const seen = progress?.attempts.find((a) => a.key === input.attemptKey);
    if (seen) return reply(seen, progress, true);

    const grade = gradeQuiz(quiz, input.answers);
    if (isAnswerProblem(grade)) throw new AppError('INVALID_ARGUMENT', grade.problem);
    const now = ctx.now;
    const attempt: QuizAttempt = { key: input.attemptKey, at: now, scorePercent: grade.scorePercent, correctCount: grade.correctCount, total: grade.total, passed: grade.passed };
    const _ = store.command();
    const { doc, applied } = await writeProgress(
      { courseId: course._id, salesId: ctx.openid, now, exists: !!progress },
      {
        guard: { 'attempts.key': _.neq(input.attemptKey) },
        set: {
          attempts: _.push({ each: [attempt], slice: -KEPT_ATTEMPTS }),
          attemptCount: _.inc(1),
          bestScorePercent: _.max(attempt.scorePercent),
          lastAttemptAt: now,
          updatedAt: now,
          ...(attempt.passed ? { passedAt: _.min(now), completedAt: _.min(now) } : {}),
        },
        initial: (base) => ({
          ...base,
          attempts: [attempt],
          attemptCount: 1,
          bestScorePercent: attempt.scorePercent,
          lastAttemptAt: now,
          ...(attempt.passed ? { passedAt: now, completedAt: now } : {}),
        }),
      },
    );
    if (applied) return reply(attempt, doc, false);
    const recorded = doc?.attempts.find((a) => a.key === input.attemptKey);
    if (!recorded) throw new AppError('CONFLICT', 'the attempt could not be recorded, please retry');
    return reply(recorded, doc, true);
  },
});

