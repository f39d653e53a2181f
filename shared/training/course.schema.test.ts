import { courseInputSchema, courseSchema, quizQuestionSchema } from './course.schema';

const lesson = { lessonId: 'l1', title: '第一课', blocks: [{ kind: 'text', text: '你好' }] };
const course = { _id: 'c1', title: '新人必修', status: 'published', requiredBeforeLive: false, lessons: [lesson] };
const problems = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('a course document', () => {
  it('is valid with lessons only (no quiz), images and videos from storage, URLs or /assets', () => {
    const blocks = [
      { kind: 'image', src: 'cloud://env.bucket/courses/a.png', caption: '图' },
      { kind: 'video', src: 'https://example.com/v.mp4', poster: '/assets/courses/p.svg', seconds: 90 },
      { kind: 'text', text: '正文' },
    ];
    expect(problems(courseSchema.safeParse({ ...course, cover: '/assets/courses/c.svg', lessons: [{ ...lesson, blocks }] }))).toEqual([]);
  });

  it.each([
    ['a duplicate lesson id', { lessons: [lesson, lesson] }, /lessons: lessonId l1 appears twice/],
    ['no lessons', { lessons: [] }, /lessons/],
    ['an unknown field', { surprise: 1 }, /surprise/],
    ['a ":" in the id (it joins progress ids)', { _id: 'c:1' }, /_id/],
    ['a javascript: image', { lessons: [{ ...lesson, blocks: [{ kind: 'image', src: 'javascript:alert(1)' }] }] }, /lessons.0.blocks.0.src/],
    ['an unknown status', { status: 'live' }, /status/],
    ['a missing required flag', { requiredBeforeLive: undefined }, /requiredBeforeLive/],
  ])('refuses %s', (_title, patch, problem) => {
    expect(problems(courseSchema.safeParse({ ...course, ...patch })).join('\n')).toMatch(problem);
  });

  it.each([
    ['a single-choice question with two correct options', { kind: 'single', options: [{ optionId: 'a', text: 'A', correct: true }, { optionId: 'b', text: 'B', correct: true }] }, /exactly one correct/],
    ['a multiple-choice question with none correct', { kind: 'multiple', options: [{ optionId: 'a', text: 'A', correct: false }, { optionId: 'b', text: 'B', correct: false }] }, /at least one correct/],
    ['a duplicate option id', { kind: 'multiple', options: [{ optionId: 'a', text: 'A', correct: true }, { optionId: 'a', text: 'B', correct: false }] }, /optionId a appears twice/],
    ['one option only', { kind: 'single', options: [{ optionId: 'a', text: 'A', correct: true }] }, /options/],
  ])('refuses %s', (_title, patch, problem) => {
    expect(problems(quizQuestionSchema.safeParse({ questionId: 'q1', text: '?', ...patch })).join('\n')).toMatch(problem);
  });

  it('saveCourse input: the content with a courseId, no assignment or bookkeeping fields', () => {
    const { _id, ...content } = course;
    expect(problems(courseInputSchema.safeParse({ courseId: _id, ...content }))).toEqual([]);
    expect(problems(courseInputSchema.safeParse({ courseId: _id, ...content, assignAll: { dueAt: new Date() } })).join()).toMatch(/assignAll/);
  });
});
