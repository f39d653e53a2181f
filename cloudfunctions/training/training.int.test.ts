/**
 * training through the real SDK on the local cloud: the seeded course, assigning to all vs some,
 * lessons, progress and resume, quiz attempts (graded on the server, best score kept, retries
 * counted once, concurrency), the required-course gate on shelf.view, saveCourse.
 */
import { ONBOARDING_ANSWERS, TRAINING_IDS } from '../../emulator/seed';
import { FIXED_NOW, useTestCloud, type TestCloud } from '../../emulator/testing';
import type { Reply } from '../../shared/contract';
import type { TrainingProgress } from '../../shared/training';

const t = useTestCloud();
const COURSE = TRAINING_IDS.course;
const [L1, L2, L3] = TRAINING_IDS.lessons;
const DAY = 86_400_000;
const inDays = (n: number) => new Date(FIXED_NOW.getTime() + n * DAY).toISOString();

type Courses = Reply<'training', 'courses'>;
type Course = Reply<'training', 'course'>;
type Standing = Reply<'training', 'progress'>;
type Attempt = Reply<'training', 'submitQuiz'>;

const RIGHT = Object.entries(ONBOARDING_ANSWERS).map(([questionId, optionIds]) => ({ questionId, optionIds: [...optionIds] }));
/** One of three right: 33 %, below the pass mark of 60. */
const WRONG = [{ questionId: 'q_origin', optionIds: ['b'] }, { questionId: 'q_tea', optionIds: ['a'] }, { questionId: 'q_refund', optionIds: ['b'] }];

async function progressDoc(cloud: TestCloud, courseId: string, salesId: string): Promise<TrainingProgress | undefined> {
  const { data } = await cloud.db.collection('training_progress').doc(`${courseId}:${salesId}`).get();
  return (data as TrainingProgress[])[0];
}

/** A published course of two lessons (no quiz unless given), saved by ops through the function. */
async function saveCourse(cloud: TestCloud, courseId: string, extra: Record<string, unknown> = {}) {
  const lesson = (lessonId: string) => ({ lessonId, title: `课 ${lessonId}`, blocks: [{ kind: 'text', text: `正文 ${lessonId}` }] });
  return cloud.ok<Reply<'training', 'saveCourse'>>(
    'training',
    { action: 'saveCourse', course: { courseId, title: `课程 ${courseId}`, status: 'published', requiredBeforeLive: false, lessons: [lesson('a'), lesson('b')], ...extra } },
    'o_ops',
  );
}

const QUIZ = {
  passPercent: 100,
  questions: [{ questionId: 'q', kind: 'single', text: '?', options: [{ optionId: 'y', text: '对', correct: true }, { optionId: 'n', text: '错', correct: false }] }],
};

describe('training.courses', () => {
  it("lists the seeded course for each salesperson with their standing: 李娜 passed, 王强 in progress (resume at lesson 2), 赵敏 not started; every shelf live", async () => {
    const of = async (who: string) => (await t.cloud.ok<Courses>('training', { action: 'courses' }, who));
    const [li, wang, zhao] = await Promise.all([of('o_sales_li'), of('o_sales_wang'), of('o_sales_zhao')]);
    expect(li.courses).toEqual([
      expect.objectContaining({ courseId: COURSE, state: 'completed', passed: true, bestScorePercent: 100, attempts: 2, percent: 100, due: 'done', hasQuiz: true, passPercent: 60, required: false, coverUrl: expect.stringContaining('/_storage/6c6f-local-1300000000/courses/onboarding.svg') }),
    ]);
    expect(wang.courses).toEqual([expect.objectContaining({ state: 'in_progress', doneLessons: 1, totalLessons: 3, percent: 33, resumeLessonId: L2, due: 'open' })]);
    expect(zhao.courses).toEqual([expect.objectContaining({ state: 'not_started', doneLessons: 0, resumeLessonId: L1, attempts: 0, bestScorePercent: null, dueAt: inDays(14) })]);
    for (const r of [li, wang, zhao]) expect(r.shelf).toEqual({ live: true, blocking: [] });
  });

  it('a malformed course is skipped (never breaks the list) and reported by admin.promotionHealth', async () => {
    await t.cloud.db.collection('courses').add({ _id: 'broken', title: 'x', status: 'published', requiredBeforeLive: false, lessons: 'none', assignAll: { dueAt: new Date(inDays(3)) } });
    const r = await t.cloud.ok<Courses>('training', { action: 'courses' }, 'o_sales_zhao');
    expect(r.courses.map((c) => c.courseId)).toEqual([COURSE]);
    const health = await t.cloud.ok<Reply<'admin', 'promotionHealth'>>('admin', { action: 'promotionHealth' }, 'o_ops');
    expect(health.problems).toEqual([expect.objectContaining({ collection: 'courses', id: 'broken', status: 'published', problems: [expect.stringMatching(/^lessons:/)] })]);
  });

  it('costs 2 round trips (the caller, one aggregate)', async () => {
    t.cloud.resetStats();
    await t.cloud.ok('training', { action: 'courses' }, 'o_sales_wang');
    expect(t.cloud.stats().byAction['training.courses'].maxOps).toBe(2);
  });
});

describe('training.assign: to all vs some', () => {
  it('to some: one progress document per salesperson with its due date; non-salespeople skipped; only they see it; again moves the due date and keeps progress', async () => {
    await saveCourse(t.cloud, 'c_some');
    const first = await t.cloud.ok<Reply<'training', 'assign'>>('training', { action: 'assign', courseId: 'c_some', salesIds: ['o_sales_wang', 'o_cust_1', 'o_nobody', 'o_sales_wang'], dueAt: inDays(7) }, 'o_ops');
    expect(first).toEqual({ courseId: 'c_some', audience: 'list', assigned: 1, updated: 0, skipped: ['o_cust_1', 'o_nobody'], dueAt: inDays(7) });
    expect(await progressDoc(t.cloud, 'c_some', 'o_sales_wang')).toMatchObject({ courseId: 'c_some', salesId: 'o_sales_wang', dueAt: new Date(inDays(7)), assignedBy: 'o_ops', doneLessonIds: [], attemptCount: 0 });
    expect(await progressDoc(t.cloud, 'c_some', 'o_cust_1')).toBeUndefined();

    const ids = async (who: string) => (await t.cloud.ok<Courses>('training', { action: 'courses' }, who)).courses.map((c) => c.courseId).sort();
    expect(await ids('o_sales_wang')).toEqual(['c_some', COURSE]);
    expect(await ids('o_sales_zhao')).toEqual([COURSE]);
    expect(await t.cloud.call('training', { action: 'course', courseId: 'c_some' }, 'o_sales_zhao')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await t.cloud.ok('training', { action: 'progress', courseId: 'c_some', lessonId: 'a' }, 'o_sales_wang');
    const again = await t.cloud.ok<Reply<'training', 'assign'>>('training', { action: 'assign', courseId: 'c_some', salesIds: ['o_sales_wang', 'o_sales_zhao'], dueAt: inDays(10) }, 'o_ops');
    expect(again).toMatchObject({ assigned: 1, updated: 1, skipped: [] });
    expect(await progressDoc(t.cloud, 'c_some', 'o_sales_wang')).toMatchObject({ dueAt: new Date(inDays(10)), doneLessonIds: ['a'] });
    expect(await progressDoc(t.cloud, 'c_some', 'o_sales_zhao')).toMatchObject({ dueAt: new Date(inDays(10)), doneLessonIds: [] });
  });

  it('to all: every salesperson, including one who becomes a salesperson later, with the course due date; no progress document until they study', async () => {
    await saveCourse(t.cloud, 'c_all');
    const r = await t.cloud.ok<Reply<'training', 'assign'>>('training', { action: 'assign', courseId: 'c_all', salesIds: 'all', dueAt: inDays(5) }, 'o_ops');
    expect(r).toEqual({ courseId: 'c_all', audience: 'all', assigned: 3, updated: 0, skipped: [], dueAt: inDays(5) });
    const { data } = await t.cloud.db.collection('courses').doc('c_all').get();
    expect(data[0].assignAll).toEqual({ dueAt: new Date(inDays(5)), assignedAt: FIXED_NOW, assignedBy: 'o_ops' });
    expect((await t.cloud.db.collection('training_progress').where({ courseId: 'c_all' }).count()).total).toBe(0);

    await t.cloud.ok('admin', { action: 'setRole', openid: 'o_cust_4', role: 'sales' }, 'o_boss');
    const newcomer = await t.cloud.ok<Courses>('training', { action: 'courses' }, 'o_cust_4');
    expect(newcomer.courses.find((c) => c.courseId === 'c_all')).toMatchObject({ state: 'not_started', dueAt: inDays(5), due: 'open' });
  });

  it.each([
    ['a draft course', { status: 'draft' }, 'all', 5, 'FAILED_PRECONDITION'],
    ['a due date in the past', {}, 'all', -1, 'INVALID_ARGUMENT'],
    ['only non-salespeople', {}, ['o_cust_1'], 5, 'NOT_FOUND'],
  ] as const)('refuses %s, writing nothing', async (_title, patch, salesIds, days, code) => {
    await saveCourse(t.cloud, 'c_refused', patch);
    const before = await t.cloud.db.collection('courses').doc('c_refused').get();
    const r = await t.cloud.call('training', { action: 'assign', courseId: 'c_refused', salesIds, dueAt: inDays(days) }, 'o_ops');
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect((await t.cloud.db.collection('courses').doc('c_refused').get()).data).toEqual(before.data);
    expect((await t.cloud.db.collection('training_progress').where({ courseId: 'c_refused' }).count()).total).toBe(0);
  });
});

describe('training.lesson and training.course', () => {
  it('a lesson: blocks in order, storage media as temporary URLs, its place in the course; the quiz never carries the correct options', async () => {
    const lesson = await t.cloud.ok<Reply<'training', 'lesson'>>('training', { action: 'lesson', courseId: COURSE, lessonId: L2 }, 'o_sales_zhao');
    expect(lesson).toMatchObject({ lessonId: L2, index: 1, count: 3, prevLessonId: L1, nextLessonId: L3, done: false, courseTitle: '新人必修：品牌与产品' });
    expect(lesson.blocks.map((b) => b.kind)).toEqual(['text', 'image', 'image']);
    expect(lesson.blocks[1]).toEqual({ kind: 'image', url: expect.stringContaining('/_storage/6c6f-local-1300000000/products/p01.svg'), caption: '明前龙井' });

    const course = await t.cloud.ok<Course>('training', { action: 'course', courseId: COURSE }, 'o_sales_zhao');
    expect(course.quiz?.questions.map((q) => q.questionId)).toEqual(['q_origin', 'q_tea', 'q_refund']);
    expect(JSON.stringify(course)).not.toMatch(/"correct"/);
    expect(course.lessons).toEqual([
      { lessonId: L1, title: '品牌故事', minutes: 3, done: false },
      { lessonId: L2, title: '主推产品', minutes: 4, done: false },
      { lessonId: L3, title: '售后与退款', minutes: 3, done: false },
    ]);
  });

  it('cloud:// images and videos resolve to temporary URLs (a missing file to "")', async () => {
    const upload = await fetch(`${t.cloud.url}/client/storage/upload?cloudPath=${encodeURIComponent('uploads/o_ops/course/v.png')}`, {
      method: 'POST',
      headers: { 'x-wx-openid': 'o_ops', 'content-type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    const { fileID } = (await upload.json()) as { fileID: string };
    const gone = fileID.replace('v.png', 'gone.png');
    await saveCourse(t.cloud, 'c_media', {
      lessons: [{ lessonId: 'm', title: '媒体', blocks: [{ kind: 'image', src: fileID }, { kind: 'video', src: 'https://example.com/v.mp4', poster: gone, seconds: 60 }] }],
    });
    await t.cloud.ok('training', { action: 'assign', courseId: 'c_media', salesIds: 'all', dueAt: inDays(3) }, 'o_ops');
    const lesson = await t.cloud.ok<Reply<'training', 'lesson'>>('training', { action: 'lesson', courseId: 'c_media', lessonId: 'm' }, 'o_sales_li');
    expect(lesson.blocks[0]).toEqual({ kind: 'image', url: expect.stringContaining('/_storage/'), caption: null });
    expect(lesson.blocks[1]).toEqual({ kind: 'video', url: 'https://example.com/v.mp4', posterUrl: '', seconds: 60 });
  });

  it('unknown lessons and courses are NOT_FOUND; boss and ops may preview any course, customers never', async () => {
    expect(await t.cloud.call('training', { action: 'lesson', courseId: COURSE, lessonId: 'nope' }, 'o_sales_li')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await t.cloud.call('training', { action: 'course', courseId: 'nope' }, 'o_sales_li')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    await saveCourse(t.cloud, 'c_draft', { status: 'draft' });
    expect(await t.cloud.call('training', { action: 'course', courseId: 'c_draft' }, 'o_ops')).toMatchObject({ ok: true });
    expect(await t.cloud.call('training', { action: 'course', courseId: COURSE }, 'o_boss')).toMatchObject({ ok: true });
    expect(await t.cloud.call('training', { action: 'course', courseId: COURSE }, 'o_cust_1')).toMatchObject({ error: { code: 'PERMISSION_DENIED' } });
  });
});

describe('training.progress: lessons done and where to resume', () => {
  it('marks lessons done (a set), resumes after the last one done, and creates the progress of a course assigned to all on the first lesson', async () => {
    expect(await progressDoc(t.cloud, COURSE, 'o_sales_zhao')).toBeUndefined();
    const a = await t.cloud.ok<Standing>('training', { action: 'progress', courseId: COURSE, lessonId: L1 }, 'o_sales_zhao');
    expect(a).toMatchObject({ state: 'in_progress', doneLessons: 1, percent: 33, resumeLessonId: L2 });
    const b = await t.cloud.ok<Standing>('training', { action: 'progress', courseId: COURSE, lessonId: L3 }, 'o_sales_zhao');
    expect(b).toMatchObject({ doneLessons: 2, resumeLessonId: L2 });
    const again = await t.cloud.ok<Standing>('training', { action: 'progress', courseId: COURSE, lessonId: L3 }, 'o_sales_zhao');
    expect(again).toEqual(b);
    expect(await progressDoc(t.cloud, COURSE, 'o_sales_zhao')).toMatchObject({ doneLessonIds: [L1, L3], lastLessonId: L3, lastStudiedAt: FIXED_NOW, attemptCount: 0 });
    const course = await t.cloud.ok<Course>('training', { action: 'course', courseId: COURSE }, 'o_sales_zhao');
    expect(course).toMatchObject({ resumeLessonId: L2, doneLessons: 2 });
    expect(course.lessons.map((l) => l.done)).toEqual([true, false, true]);
    // A quiz course is not completed by its lessons alone.
    const c = await t.cloud.ok<Standing>('training', { action: 'progress', courseId: COURSE, lessonId: L2 }, 'o_sales_zhao');
    expect(c).toMatchObject({ doneLessons: 3, resumeLessonId: null, state: 'in_progress', completedAt: null });
  });

  it('all lessons at once on a fresh progress document: one document, every lesson recorded (no lost update)', async () => {
    const replies = await Promise.all([L1, L2, L3, L1, L2, L3].map((lessonId) => t.cloud.call('training', { action: 'progress', courseId: COURSE, lessonId }, 'o_sales_zhao')));
    expect(replies.filter((r) => r.ok)).toHaveLength(6);
    expect((await t.cloud.db.collection('training_progress').where({ courseId: COURSE, salesId: 'o_sales_zhao' }).count()).total).toBe(1);
    expect((await progressDoc(t.cloud, COURSE, 'o_sales_zhao'))!.doneLessonIds.sort()).toEqual([...TRAINING_IDS.lessons].sort());
  });

  it('a course without a quiz completes when its last lesson is done, once', async () => {
    await saveCourse(t.cloud, 'c_noquiz');
    await t.cloud.ok('training', { action: 'assign', courseId: 'c_noquiz', salesIds: ['o_sales_li'], dueAt: inDays(2) }, 'o_ops');
    expect(await t.cloud.ok<Standing>('training', { action: 'progress', courseId: 'c_noquiz', lessonId: 'a' }, 'o_sales_li')).toMatchObject({ state: 'in_progress', completedAt: null, due: 'soon' });
    expect(await t.cloud.ok<Standing>('training', { action: 'progress', courseId: 'c_noquiz', lessonId: 'b' }, 'o_sales_li')).toMatchObject({ state: 'completed', completedAt: FIXED_NOW.toISOString(), due: 'done' });
    t.cloud.advanceClock(3_600_000);
    await t.cloud.ok('training', { action: 'progress', courseId: 'c_noquiz', lessonId: 'a' }, 'o_sales_li');
    expect(await progressDoc(t.cloud, 'c_noquiz', 'o_sales_li')).toMatchObject({ completedAt: FIXED_NOW });
  });

  it('refuses a lesson of a course not assigned to the caller (NOT_FOUND), writing nothing', async () => {
    await saveCourse(t.cloud, 'c_other');
    await t.cloud.ok('training', { action: 'assign', courseId: 'c_other', salesIds: ['o_sales_li'], dueAt: inDays(2) }, 'o_ops');
    expect(await t.cloud.call('training', { action: 'progress', courseId: 'c_other', lessonId: 'a' }, 'o_sales_wang')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await progressDoc(t.cloud, 'c_other', 'o_sales_wang')).toBeUndefined();
  });
});

describe('training.submitQuiz', () => {
  const submit = (answers: unknown, attemptKey: string, who = 'o_sales_zhao') => t.cloud.call<Attempt>('training', { action: 'submitQuiz', courseId: COURSE, answers, attemptKey }, who);

  it('fails once, passes the second time: attempts recorded, best score kept, passing completes the course; a worse attempt later keeps the best and the first pass', async () => {
    const fail = await submit(WRONG, 'attempt-key-0001');
    expect(fail).toMatchObject({ ok: true, data: { attempt: { scorePercent: 33, correctCount: 1, total: 3, passed: false }, passPercent: 60, passed: false, state: 'in_progress', attempts: 1, bestScorePercent: 33, replayed: false } });
    const pass = await submit(RIGHT, 'attempt-key-0002');
    expect(pass).toMatchObject({ ok: true, data: { attempt: { scorePercent: 100, passed: true }, passed: true, state: 'completed', attempts: 2, bestScorePercent: 100, completedAt: FIXED_NOW.toISOString() } });
    t.cloud.advanceClock(60_000);
    await submit(WRONG, 'attempt-key-0003');
    const doc = await progressDoc(t.cloud, COURSE, 'o_sales_zhao');
    expect(doc).toMatchObject({ attemptCount: 3, bestScorePercent: 100, passedAt: FIXED_NOW, completedAt: FIXED_NOW });
    expect(doc!.attempts.map((a) => [a.key, a.scorePercent, a.passed])).toEqual([
      ['attempt-key-0001', 33, false],
      ['attempt-key-0002', 100, true],
      ['attempt-key-0003', 33, false],
    ]);
  });

  it('the same attemptKey again (a lost reply, retried) is answered from the recorded attempt and counted once, even 10 at once', async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, () => submit(RIGHT, 'attempt-key-same')));
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(replies.filter((r) => r.ok && !r.data.replayed)).toHaveLength(1);
    expect(replies.filter((r) => r.ok && r.data.replayed)).toHaveLength(9);
    expect(await progressDoc(t.cloud, COURSE, 'o_sales_zhao')).toMatchObject({ attemptCount: 1, attempts: [expect.objectContaining({ key: 'attempt-key-same' })] });
    // Later, a retry with an answer sheet that differs still gets the recorded attempt.
    expect(await submit(WRONG, 'attempt-key-same')).toMatchObject({ ok: true, data: { replayed: true, attempt: { scorePercent: 100 }, attempts: 1 } });
  });

  it('20 different attempts at once: every one counted, none lost, the best of them kept', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(i === 7 ? RIGHT : WRONG, `attempt-key-${String(i).padStart(4, '0')}`, 'o_sales_wang')));
    expect(replies.filter((r) => r.ok)).toHaveLength(20);
    const doc = await progressDoc(t.cloud, COURSE, 'o_sales_wang');
    expect(doc).toMatchObject({ attemptCount: 20, bestScorePercent: 100, completedAt: FIXED_NOW });
    expect(doc!.attempts).toHaveLength(20);
    expect(new Set(doc!.attempts.map((a) => a.key)).size).toBe(20);
  });

  it('keeps the last 20 attempts, counting all', async () => {
    for (let i = 0; i < 22; i++) await submit(WRONG, `attempt-key-${String(i).padStart(4, '0')}`);
    const doc = await progressDoc(t.cloud, COURSE, 'o_sales_zhao');
    expect(doc!.attemptCount).toBe(22);
    expect(doc!.attempts.map((a) => a.key)).toEqual(Array.from({ length: 20 }, (_, i) => `attempt-key-${String(i + 2).padStart(4, '0')}`));
  });

  it.each([
    ['an unknown question', [{ questionId: 'q_nope', optionIds: ['a'] }], 'INVALID_ARGUMENT'],
    ['an unknown option', [{ questionId: 'q_origin', optionIds: ['z'] }], 'INVALID_ARGUMENT'],
    ['a question answered twice', [{ questionId: 'q_origin', optionIds: ['b'] }, { questionId: 'q_origin', optionIds: ['a'] }], 'INVALID_ARGUMENT'],
  ])('refuses %s, recording nothing', async (_title, answers, code) => {
    expect(await submit(answers, 'attempt-key-bad1')).toMatchObject({ ok: false, error: { code } });
    expect(await progressDoc(t.cloud, COURSE, 'o_sales_zhao')).toBeUndefined();
  });

  it('a course without a quiz has nothing to submit (FAILED_PRECONDITION)', async () => {
    await saveCourse(t.cloud, 'c_plain');
    await t.cloud.ok('training', { action: 'assign', courseId: 'c_plain', salesIds: 'all', dueAt: inDays(2) }, 'o_ops');
    expect(await t.cloud.call('training', { action: 'submitQuiz', courseId: 'c_plain', answers: [], attemptKey: 'attempt-key-plain' }, 'o_sales_li')).toMatchObject({ error: { code: 'FAILED_PRECONDITION' } });
  });

  it('costs 3 round trips (caller, read, one write)', async () => {
    t.cloud.resetStats();
    await submit(WRONG, 'attempt-key-rt01', 'o_sales_wang');
    expect(t.cloud.stats().byAction['training.submitQuiz'].maxOps).toBe(3);
  });
});

describe('required before the shelf goes live', () => {
  const view = (who: string) => t.cloud.call('shelf', { action: 'view', salesId: 'o_sales_zhao' }, who);

  it("a required course assigned to all keeps each salesperson's shelf from customers until they complete it; they, the boss and ops still see it", async () => {
    await saveCourse(t.cloud, 'c_required', { requiredBeforeLive: true, quiz: QUIZ });
    await t.cloud.ok('training', { action: 'assign', courseId: 'c_required', salesIds: 'all', dueAt: inDays(7) }, 'o_ops');

    expect(await view('o_cust_1')).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(await t.cloud.call('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1')).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    for (const who of ['o_sales_zhao', 'o_boss', 'o_ops']) expect(await view(who)).toMatchObject({ ok: true });
    const mine = await t.cloud.ok<Courses>('training', { action: 'courses' }, 'o_sales_zhao');
    expect(mine.shelf).toEqual({ live: false, blocking: [{ courseId: 'c_required', title: '课程 c_required' }] });
    expect(mine.courses[0]).toMatchObject({ courseId: 'c_required', required: true });

    // Studying is not enough: the quiz must be passed.
    await t.cloud.ok('training', { action: 'progress', courseId: 'c_required', lessonId: 'a' }, 'o_sales_zhao');
    await t.cloud.ok('training', { action: 'progress', courseId: 'c_required', lessonId: 'b' }, 'o_sales_zhao');
    expect(await view('o_cust_1')).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    await t.cloud.ok('training', { action: 'submitQuiz', courseId: 'c_required', answers: [{ questionId: 'q', optionIds: ['y'] }], attemptKey: 'attempt-key-req1' }, 'o_sales_zhao');
    expect(await view('o_cust_1')).toMatchObject({ ok: true, data: { sales: { openid: 'o_sales_zhao' } } });
    expect((await t.cloud.ok<Courses>('training', { action: 'courses' }, 'o_sales_zhao')).shelf).toEqual({ live: true, blocking: [] });
    // 李娜 has not passed it yet.
    expect(await t.cloud.call('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1')).toMatchObject({ ok: false });
  });

  it('assigned to some: only they are gated; unpublishing the course (console edit) opens their shelf at once', async () => {
    await saveCourse(t.cloud, 'c_required', { requiredBeforeLive: true });
    await t.cloud.ok('training', { action: 'assign', courseId: 'c_required', salesIds: ['o_sales_zhao'], dueAt: inDays(7) }, 'o_ops');
    expect(await view('o_cust_2')).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(await t.cloud.call('shelf', { action: 'view', salesId: 'o_sales_wang' }, 'o_cust_2')).toMatchObject({ ok: true });
    await t.cloud.db.collection('courses').doc('c_required').update({ status: 'archived' });
    expect(await view('o_cust_2')).toMatchObject({ ok: true });
  });

  it('shelf.view stays at 2 round trips with required courses to check', async () => {
    await saveCourse(t.cloud, 'c_required', { requiredBeforeLive: true });
    await t.cloud.ok('training', { action: 'assign', courseId: 'c_required', salesIds: 'all', dueAt: inDays(7) }, 'o_ops');
    t.cloud.resetStats();
    await view('o_sales_zhao');
    expect(t.cloud.stats().byAction['shelf.view'].maxOps).toBe(2);
  });
});

describe('training.saveCourse', () => {
  it('creates, then replaces the content in place: the assignment and creation time are kept, a removed quiz is gone', async () => {
    expect(await saveCourse(t.cloud, 'c_edit', { quiz: QUIZ })).toEqual({ courseId: 'c_edit', created: true, status: 'published', lessons: 2, questions: 1 });
    await t.cloud.ok('training', { action: 'assign', courseId: 'c_edit', salesIds: 'all', dueAt: inDays(3) }, 'o_ops');
    t.cloud.advanceClock(60_000);
    expect(await saveCourse(t.cloud, 'c_edit', { title: '改过的标题' })).toMatchObject({ created: false, questions: 0 });
    const { data } = await t.cloud.db.collection('courses').doc('c_edit').get();
    expect(data[0]).toMatchObject({ title: '改过的标题', createdAt: FIXED_NOW, updatedAt: new Date(FIXED_NOW.getTime() + 60_000), updatedBy: 'o_ops', assignAll: { dueAt: new Date(inDays(3)) } });
    expect(data[0].quiz).toBeUndefined();
  });

  it.each([
    ['a single-choice question with two right options', { quiz: { passPercent: 50, questions: [{ questionId: 'q', kind: 'single', text: '?', options: [{ optionId: 'a', text: 'a', correct: true }, { optionId: 'b', text: 'b', correct: true }] }] } }],
    ['two lessons with one id', { lessons: [{ lessonId: 'x', title: 'x', blocks: [{ kind: 'text', text: 'x' }] }, { lessonId: 'x', title: 'y', blocks: [{ kind: 'text', text: 'y' }] }] }],
  ])('refuses %s (INVALID_ARGUMENT), writing nothing', async (_title, patch) => {
    const r = await t.cloud.call('training', { action: 'saveCourse', course: { courseId: 'c_bad', title: 't', status: 'draft', requiredBeforeLive: false, lessons: [{ lessonId: 'a', title: 'a', blocks: [{ kind: 'text', text: 'a' }] }], ...patch } }, 'o_ops');
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect((await t.cloud.db.collection('courses').doc('c_bad').get()).data).toEqual([]);
  });
});
