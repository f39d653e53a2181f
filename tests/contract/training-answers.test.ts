/**
 * Anti-cheat: a quiz's correct options never leave the server before (or after) submission. No
 * reply schema of any action has a field that could carry them, and replies are strict objects,
 * so a use case that leaked one would answer INTERNAL instead (the platform checks every reply).
 */
import { z } from 'zod';
import { contract } from '../../shared/contract';
import { courseSchema } from '../../shared/training';

/** Every property name anywhere in a schema (through objects, arrays, unions, nullables). */
function propertyNames(schema: z.ZodType): string[] {
  const names: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') names.push(...Object.keys(o.properties));
    Object.values(o).forEach(walk);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
  return names;
}

const ANSWER_FIELDS = /^(correct|answers?|right|solution|isCorrect|correctOptionIds?)$/i;

it('the walker finds the correct options where they are stored (the course document)', () => {
  expect(propertyNames(courseSchema).filter((n) => ANSWER_FIELDS.test(n))).toEqual(['correct']);
});

it.each(Object.entries(contract).flatMap(([fn, actions]) => Object.keys(actions).map((a) => [fn, a] as const)))(
  '%s.%s: no reply field can carry a correct option',
  (fn, action) => {
    const reply = (contract[fn as keyof typeof contract] as Record<string, { reply: z.ZodType }>)[action].reply;
    expect(propertyNames(reply).filter((n) => ANSWER_FIELDS.test(n))).toEqual([]);
  },
);

it('training.course: a question that carried its correct options would not pass the reply check', () => {
  const question = { questionId: 'q', kind: 'single', text: '?', options: [{ optionId: 'a', text: 'A' }] };
  const reply = contract.training.course.reply;
  const base = {
    courseId: 'c', title: 't', summary: '', coverUrl: null, required: false, hasQuiz: true, passPercent: 60,
    state: 'not_started', doneLessons: 0, totalLessons: 1, percent: 0, resumeLessonId: 'l', attempts: 0, bestScorePercent: null, passed: false, completedAt: null, dueAt: null, due: 'none',
    lessons: [], lastAttempt: null,
  };
  expect(reply.safeEncode({ ...base, quiz: { passPercent: 60, questions: [question] } } as never).success).toBe(true);
  const leaking = { ...question, options: [{ optionId: 'a', text: 'A', correct: true }] };
  expect(reply.safeEncode({ ...base, quiz: { passPercent: 60, questions: [leaking] } } as never).success).toBe(false);
});
