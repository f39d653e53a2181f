import { aTrainingProgress } from '../../tests/support/fixtures';
import { courseSchema } from './course.schema';
import { dueState, isCourseComplete, resumeLessonId, standingOf, type TrainingProgress } from './progress';

const NOW = new Date('2026-06-01T02:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

describe('resumeLessonId: where a salesperson picks up', () => {
  const L = ['l1', 'l2', 'l3', 'l4'];
  it.each([
    ['nothing done: the first lesson', [], undefined, 'l1'],
    ['after l1: l2', ['l1'], 'l1', 'l2'],
    ['l3 done out of order after l1: l2', ['l1', 'l3'], 'l3', 'l4'],
    ['the last lesson done, an earlier one not: wraps to it', ['l1', 'l3', 'l4'], 'l4', 'l2'],
    ['skipping a done lesson after the last one', ['l1', 'l2', 'l3'], 'l1', 'l4'],
    ['a last lesson that no longer exists: the first not done', ['l1'], 'gone', 'l2'],
    ['everything done: none (the quiz is next)', L, 'l2', null],
  ] as const)('%s', (_title, done, last, expected) => {
    expect(resumeLessonId(L, done, last)).toBe(expected);
  });
});

describe('dueState', () => {
  it.each([
    ['completed is done, even overdue', at(-1), at(-2), 'done'],
    ['no due date', null, null, 'none'],
    ['due in 10 days', at(10), null, 'open'],
    ['due in exactly 3 days is soon', at(3), null, 'soon'],
    ['due in a minute is soon', new Date(NOW.getTime() + 60_000), null, 'soon'],
    ['due now is overdue', NOW, null, 'overdue'],
    ['due yesterday is overdue', at(-1), null, 'overdue'],
  ] as const)('%s', (_title, dueAt, completedAt, state) => {
    expect(dueState(dueAt, completedAt, NOW)).toBe(state);
  });
});

const lessons = ['l1', 'l2', 'l3'].map((lessonId) => ({ lessonId, title: lessonId, blocks: [{ kind: 'text', text: 'x' }] }));
const quiz = { passPercent: 60, questions: [{ questionId: 'q1', kind: 'single', text: '?', options: [{ optionId: 'a', text: 'a', correct: true }, { optionId: 'b', text: 'b', correct: false }] }] };
const withQuiz = courseSchema.parse({ _id: 'c1', title: 'C', status: 'published', requiredBeforeLive: false, lessons, quiz, assignAll: { dueAt: at(5) } });
const noQuiz = courseSchema.parse({ _id: 'c2', title: 'C', status: 'published', requiredBeforeLive: false, lessons });
const progress = (p: Partial<TrainingProgress>): TrainingProgress => aTrainingProgress('c1', at(-1), p);

describe('isCourseComplete', () => {
  it.each([
    ['a quiz course: passing the quiz completes it, lessons or not', withQuiz, [], true, true],
    ['a quiz course: every lesson done without passing does not', withQuiz, ['l1', 'l2', 'l3'], false, false],
    ['no quiz: every lesson done completes it', noQuiz, ['l3', 'l1', 'l2'], false, true],
    ['no quiz: lessons that no longer exist do not count', noQuiz, ['l1', 'l2', 'gone'], false, false],
  ] as const)('%s', (_title, course, done, passed, complete) => {
    expect(isCourseComplete(course, done, passed)).toBe(complete);
  });
});

describe('standingOf', () => {
  it('not started: nothing done, due from the course (assigned to all)', () => {
    expect(standingOf(withQuiz, undefined, NOW)).toEqual({
      state: 'not_started',
      doneLessons: 0,
      totalLessons: 3,
      percent: 0,
      resumeLessonId: 'l1',
      attempts: 0,
      bestScorePercent: null,
      passed: false,
      completedAt: null,
      dueAt: at(5),
      due: 'open',
    });
  });

  it("in progress: lessons counted against the course as it is now, the assignment's own due date first", () => {
    const s = standingOf(withQuiz, progress({ doneLessonIds: ['l1', 'gone'], lastLessonId: 'l1', dueAt: at(-1) }), NOW);
    expect(s).toMatchObject({ state: 'in_progress', doneLessons: 1, percent: 33, resumeLessonId: 'l2', dueAt: at(-1), due: 'overdue' });
  });

  it('completed: passed, best score, no longer due', () => {
    const s = standingOf(withQuiz, progress({ doneLessonIds: ['l1', 'l2', 'l3'], attemptCount: 2, bestScorePercent: 100, passedAt: NOW, completedAt: NOW }), NOW);
    expect(s).toMatchObject({ state: 'completed', percent: 100, resumeLessonId: null, attempts: 2, bestScorePercent: 100, passed: true, due: 'done' });
  });

  it('a failed attempt alone counts as started', () => {
    expect(standingOf(withQuiz, progress({ attemptCount: 1, bestScorePercent: 0 }), NOW).state).toBe('in_progress');
  });
});
