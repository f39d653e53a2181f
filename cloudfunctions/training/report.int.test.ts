/**
 * training.report: the boss's numbers, exact, over a known scenario (the seed plus one course
 * assigned to two salespeople, past its due date), paging by cursor, and who counts (current
 * salespeople only).
 */
import { TRAINING_IDS } from '../../emulator/seed';
import { FIXED_NOW, useTestCloud } from '../../emulator/testing';
import type { Reply } from '../../shared/contract';

const t = useTestCloud();
const DAY = 86_400_000;
const inDays = (n: number) => new Date(FIXED_NOW.getTime() + n * DAY).toISOString();
type Report = Reply<'training', 'report'>;
const report = (fields: Record<string, unknown> = {}, who = 'o_boss') => t.cloud.ok<Report>('training', { action: 'report', ...fields }, who);

/**
 * The seed (course_onboarding assigned to all: 李娜 passed with 2 attempts, best 100; 王强 one
 * lesson; 赵敏 nothing) plus c_some assigned to 王强 and 赵敏, due in 2 days: 王强 fails its quiz
 * once (0 %), 赵敏 does one lesson. Then 3 days pass: c_some is overdue for both.
 */
async function arrange() {
  const lesson = (lessonId: string) => ({ lessonId, title: lessonId, blocks: [{ kind: 'text', text: lessonId }] });
  const quiz = { passPercent: 100, questions: [{ questionId: 'q', kind: 'single', text: '?', options: [{ optionId: 'y', text: 'y', correct: true }, { optionId: 'n', text: 'n', correct: false }] }] };
  await t.cloud.ok('training', { action: 'saveCourse', course: { courseId: 'c_some', title: '进阶', status: 'published', requiredBeforeLive: true, lessons: [lesson('a'), lesson('b')], quiz } }, 'o_ops');
  await t.cloud.ok('training', { action: 'assign', courseId: 'c_some', salesIds: ['o_sales_wang', 'o_sales_zhao'], dueAt: inDays(2) }, 'o_ops');
  await t.cloud.ok('training', { action: 'submitQuiz', courseId: 'c_some', answers: [{ questionId: 'q', optionIds: ['n'] }], attemptKey: 'report-key-0001' }, 'o_sales_wang');
  await t.cloud.ok('training', { action: 'progress', courseId: 'c_some', lessonId: 'a' }, 'o_sales_zhao');
  // A draft course counts nowhere.
  await t.cloud.ok('training', { action: 'saveCourse', course: { courseId: 'c_draft', title: '草稿', status: 'draft', requiredBeforeLive: false, lessons: [lesson('a')] } }, 'o_ops');
  t.cloud.advanceClock(3 * DAY);
}

const some = {
  courseId: 'c_some',
  title: '进阶',
  required: true,
  audience: 'list',
  lessons: 2,
  hasQuiz: true,
  passPercent: 100,
  dueAt: null,
  assigned: 2,
  notStarted: 0,
  inProgress: 2,
  completed: 0,
  overdue: 2,
  passed: 0,
  attempts: 1,
  averageBestScorePercent: 0,
};
const onboarding = {
  courseId: TRAINING_IDS.course,
  title: '新人必修：品牌与产品',
  required: false,
  audience: 'all',
  lessons: 3,
  hasQuiz: true,
  passPercent: 60,
  dueAt: inDays(14),
  assigned: 3,
  notStarted: 1,
  inProgress: 1,
  completed: 1,
  overdue: 0,
  passed: 1,
  attempts: 2,
  averageBestScorePercent: 100,
};

it('per course and per salesperson, exact; paged by salesperson id with a cursor', async () => {
  await arrange();
  const first = await report({ limit: 2 });
  expect(first.courses).toEqual([some, onboarding]);
  expect(first.people).toBeNull();
  expect(first.sales).toEqual({
    rows: [
      { salesId: 'o_sales_li', name: '李娜', assigned: 1, notStarted: 0, inProgress: 0, completed: 1, overdue: 0, passed: 1, averageBestScorePercent: 100, shelfLive: true },
      // c_some is required and not passed: 王强's and 赵敏's shelves are not live.
      { salesId: 'o_sales_wang', name: '王强', assigned: 2, notStarted: 0, inProgress: 2, completed: 0, overdue: 1, passed: 0, averageBestScorePercent: 0, shelfLive: false },
    ],
    nextCursor: 'o_sales_wang',
  });
  const second = await report({ limit: 2, cursor: 'o_sales_wang' });
  expect(second.sales).toEqual({
    rows: [{ salesId: 'o_sales_zhao', name: '赵敏', assigned: 2, notStarted: 1, inProgress: 1, completed: 0, overdue: 1, passed: 0, averageBestScorePercent: null, shelfLive: false }],
    nextCursor: null,
  });
  expect(await report({}, 'o_ops')).toEqual({ ...first, sales: { rows: [...first.sales!.rows, ...second.sales!.rows], nextCursor: null } });
});

it('one course: its summary and a page of the salespeople it is assigned to, with their standing', async () => {
  await arrange();
  const r = await report({ courseId: 'c_some' });
  expect(r.courses).toEqual([some]);
  expect(r.sales).toBeNull();
  expect(r.people).toEqual({
    courseId: 'c_some',
    rows: [
      expect.objectContaining({ salesId: 'o_sales_wang', name: '王强', state: 'in_progress', doneLessons: 0, attempts: 1, bestScorePercent: 0, passed: false, due: 'overdue', dueAt: inDays(2) }),
      expect.objectContaining({ salesId: 'o_sales_zhao', name: '赵敏', state: 'in_progress', doneLessons: 1, percent: 50, attempts: 0, bestScorePercent: null, due: 'overdue' }),
    ],
    nextCursor: null,
  });
  const all = await report({ courseId: TRAINING_IDS.course, limit: 1 });
  expect(all.people).toEqual({ courseId: TRAINING_IDS.course, rows: [expect.objectContaining({ salesId: 'o_sales_li', state: 'completed', passed: true, attempts: 2, bestScorePercent: 100, due: 'done' })], nextCursor: 'o_sales_li' });
  const next = await report({ courseId: TRAINING_IDS.course, cursor: 'o_sales_li' });
  expect(next.people!.rows.map((p) => [p.salesId, p.state])).toEqual([
    ['o_sales_wang', 'in_progress'],
    ['o_sales_zhao', 'not_started'],
  ]);
});

it('counts current salespeople only: a salesperson who left drops out of every number; the overdue of a course for all follows its own due date', async () => {
  await arrange();
  await t.cloud.ok('admin', { action: 'setRole', openid: 'o_sales_li', role: 'customer' }, 'o_boss');
  t.cloud.advanceClock(12 * DAY); // past course_onboarding's due date (14 days after the seed)
  const r = await report();
  expect(r.courses.find((c) => c.courseId === TRAINING_IDS.course)).toMatchObject({ assigned: 2, notStarted: 1, inProgress: 1, completed: 0, overdue: 2, passed: 0, attempts: 0, averageBestScorePercent: null });
  expect(r.sales!.rows.map((s) => s.salesId)).toEqual(['o_sales_wang', 'o_sales_zhao']);
  expect(r.sales!.rows.map((s) => s.overdue)).toEqual([2, 2]);
});

it('an unknown or draft course is NOT_FOUND; 5 round trips (the caller, then 4 reads at once)', async () => {
  await arrange();
  expect(await t.cloud.call('training', { action: 'report', courseId: 'c_draft' }, 'o_boss')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  t.cloud.resetStats();
  await report({ courseId: 'c_some' });
  await report();
  expect(t.cloud.stats().byAction['training.report'].maxOps).toBe(5);
});
