import { aTrainingProgress } from '../../tests/support/fixtures';
import { courseSchema, type Course } from './course.schema';
import type { TrainingProgress } from './progress';
import { NO_COUNTS, summarizeCourse, summarizeSales } from './report';

const NOW = new Date('2026-06-01T02:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const lessons = ['l1', 'l2'].map((lessonId) => ({ lessonId, title: lessonId, blocks: [{ kind: 'text', text: 'x' }] }));
const quiz = { passPercent: 60, questions: [{ questionId: 'q1', kind: 'single', text: '?', options: [{ optionId: 'a', text: 'a', correct: true }, { optionId: 'b', text: 'b', correct: false }] }] };
const course = (id: string, extra: Record<string, unknown> = {}): Course =>
  courseSchema.parse({ _id: id, title: id, status: 'published', requiredBeforeLive: false, lessons, quiz, ...extra });
const progress = (courseId: string, p: Partial<TrainingProgress>): TrainingProgress => aTrainingProgress(courseId, at(-3), { updatedAt: at(-1), ...p });

describe('summarizeCourse', () => {
  it('a course assigned to all counts every current salesperson; those without progress have not started', () => {
    const counts = { ...NO_COUNTS, docs: 2, completed: 1, inProgress: 1, passed: 1, attempts: 3, attempted: 2, bestSum: 140, openWithoutDue: 1 };
    expect(summarizeCourse(course('c', { assignAll: { dueAt: at(5) } }), counts, 5, NOW)).toEqual({
      assigned: 5,
      notStarted: 3,
      inProgress: 1,
      completed: 1,
      overdue: 0,
      passed: 1,
      attempts: 3,
      averageBestScorePercent: 70,
    });
  });

  it('past the due date of an "all" course, everyone not completed is overdue, with or without progress', () => {
    const counts = { ...NO_COUNTS, docs: 3, completed: 1, inProgress: 1, overdueWithDue: 1, openWithoutDue: 1 };
    expect(summarizeCourse(course('c', { assignAll: { dueAt: at(-1) } }), counts, 4, NOW)).toMatchObject({ assigned: 4, notStarted: 2, overdue: 1 + 1 + 1 });
  });

  it('a course assigned to some: only its progress documents count', () => {
    const counts = { ...NO_COUNTS, docs: 2, inProgress: 1, overdueWithDue: 2 };
    expect(summarizeCourse(course('c'), counts, 9, NOW)).toEqual({
      assigned: 2,
      notStarted: 1,
      inProgress: 1,
      completed: 0,
      overdue: 2,
      passed: 0,
      attempts: 0,
      averageBestScorePercent: null,
    });
  });
});

describe('summarizeSales', () => {
  it('counts the published courses assigned to the salesperson, their states, overdue ones and the shelf gate', () => {
    const courses = [
      course('all_done', { assignAll: { dueAt: at(5) } }),
      course('mine_overdue', { requiredBeforeLive: true }),
      course('all_untouched', { assignAll: { dueAt: at(-1) } }),
      course('not_mine'),
      course('draft_all', { status: 'draft', assignAll: { dueAt: at(5) } }),
    ];
    const docs = [
      progress('all_done', { doneLessonIds: ['l1', 'l2'], attemptCount: 2, bestScorePercent: 100, passedAt: at(-1), completedAt: at(-1) }),
      progress('mine_overdue', { dueAt: at(-1), doneLessonIds: ['l1'], attemptCount: 1, bestScorePercent: 0 }),
    ];
    expect(summarizeSales(courses, docs, NOW)).toEqual({
      assigned: 3,
      notStarted: 1,
      inProgress: 1,
      completed: 1,
      overdue: 2,
      passed: 1,
      averageBestScorePercent: 50,
      shelfLive: false,
    });
  });

  it('no courses: nothing assigned, shelf live', () => {
    expect(summarizeSales([], [], NOW)).toEqual({ assigned: 0, notStarted: 0, inProgress: 0, completed: 0, overdue: 0, passed: 0, averageBestScorePercent: null, shelfLive: true });
  });
});
