/**
 * A training course (培训课程) as ops author it: a document of `courses`, edited in the console or
 * saved with `training.saveCourse`. Functions validate every course on read; an invalid one is
 * skipped (never shown to a salesperson) and reported by `admin.promotionHealth`.
 */
import { z } from 'zod';
import { dateField } from '../promotions/fields';

/** Where a course stands: salespeople see only `published` courses. */
export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
/** One of {@link COURSE_STATUSES}. */
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** Ids ops type for courses, lessons, questions and options: letters, digits, `_` and `-` (never `:`, which joins progress ids). */
export const trainingIdField = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - only (1–40)');

/**
 * A picture or video: a cloud storage file id (`cloud://…`, turned into a temporary URL when
 * read), an `https://` URL, or a file the app serves (`/assets/…`).
 * @example 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/courses/intro.mp4'
 */
export const mediaSrcField = z
  .string()
  .max(1000)
  .regex(/^(cloud:\/\/\S+|https:\/\/\S+|\/assets\/\S+)$/, 'a cloud:// file id, an https:// URL or an /assets/ path');

/** One block of a lesson, in reading order. */
export const lessonBlockSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: z.string().min(1).max(5000) }),
  z.strictObject({ kind: z.literal('image'), src: mediaSrcField, caption: z.string().max(60).optional() }),
  z.strictObject({ kind: z.literal('video'), src: mediaSrcField, poster: mediaSrcField.optional(), seconds: z.number().int().positive().max(36_000).optional() }),
]);

/** A lesson: text, images and videos, studied in the course's order. */
export const lessonSchema = z.strictObject({
  lessonId: trainingIdField,
  title: z.string().min(1).max(60),
  minutes: z.number().int().positive().max(600).optional(),
  blocks: z.array(lessonBlockSchema).min(1).max(50),
});

/** A quiz option; `correct` marks the right ones (never sent to the app). */
export const quizOptionSchema = z.strictObject({ optionId: trainingIdField, text: z.string().min(1).max(100), correct: z.boolean() });

/** A question: `single` has exactly one correct option, `multiple` one or more (all of them must be chosen). */
export const quizQuestionSchema = z
  .strictObject({
    questionId: trainingIdField,
    kind: z.enum(['single', 'multiple']),
    text: z.string().min(1).max(200),
    options: z.array(quizOptionSchema).min(2).max(8),
  })
  .superRefine((q, ctx) => {
    const right = q.options.filter((o) => o.correct).length;
    if (q.kind === 'single' && right !== 1) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a single-choice question has exactly one correct option' });
    if (q.kind === 'multiple' && right < 1) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a multiple-choice question has at least one correct option' });
    duplicates(q.options.map((o) => o.optionId)).forEach((id) => ctx.addIssue({ code: 'custom', path: ['options'], message: `optionId ${id} appears twice` }));
  });

/** The quiz at the end of a course: passed when the score (percent, rounded down) reaches `passPercent`. */
export const quizSchema = z
  .strictObject({ passPercent: z.number().int().min(1).max(100), questions: z.array(quizQuestionSchema).min(1).max(50) })
  .superRefine((quiz, ctx) => {
    duplicates(quiz.questions.map((q) => q.questionId)).forEach((id) => ctx.addIssue({ code: 'custom', path: ['questions'], message: `questionId ${id} appears twice` }));
  });

/** What ops write (the same in the console document and in `training.saveCourse`). */
export const courseContentFields = {
  title: z.string().min(1).max(60),
  summary: z.string().max(200).optional(),
  cover: mediaSrcField.optional(),
  lessons: z.array(lessonSchema).min(1).max(50),
  quiz: quizSchema.optional(),
  status: z.enum(COURSE_STATUSES),
  /** True: while a salesperson it is assigned to has not completed it, their shelf is not live (shared/training/shelf-gate.ts). */
  requiredBeforeLive: z.boolean(),
};

function checkLessonIds(lessons: Array<{ lessonId: string }>, ctx: z.RefinementCtx): void {
  duplicates(lessons.map((l) => l.lessonId)).forEach((id) => ctx.addIssue({ code: 'custom', path: ['lessons'], message: `lessonId ${id} appears twice` }));
}

/**
 * A `courses` document. `assignAll` (set by `training.assign {salesIds:'all'}`, or by ops in the
 * console) assigns the course to every salesperson, present and future, due at `dueAt`.
 * @example { _id: 'course_onboarding', title: '新人必修', status: 'published', requiredBeforeLive: false, lessons: [...], quiz: {...} }
 */
export const courseSchema = z
  .strictObject({
    _id: trainingIdField,
    ...courseContentFields,
    assignAll: z.strictObject({ dueAt: dateField, assignedAt: dateField.optional(), assignedBy: z.string().optional() }).optional(),
    createdAt: dateField.optional(),
    updatedAt: dateField.optional(),
    updatedBy: z.string().optional(),
  })
  .superRefine((c, ctx) => checkLessonIds(c.lessons, ctx));

/** The course `training.saveCourse` receives: its id and content (assignment and bookkeeping are the functions'). */
export const courseInputSchema = z
  .strictObject({ courseId: trainingIdField, ...courseContentFields })
  .superRefine((c, ctx) => checkLessonIds(c.lessons, ctx));

/** The fields the shelf gate reads of a course (shelf.view projects only these; see shelf-gate.ts). */
export const courseGateSchema = z.object({
  _id: trainingIdField,
  title: z.string().min(1).max(60),
  status: z.enum(COURSE_STATUSES),
  requiredBeforeLive: z.boolean(),
});

/** A valid course document. */
export type Course = z.output<typeof courseSchema>;
/** A lesson of a course. */
export type Lesson = z.output<typeof lessonSchema>;
/** A block of a lesson. */
export type LessonBlock = z.output<typeof lessonBlockSchema>;
/** A course's quiz, with the correct options. */
export type Quiz = z.output<typeof quizSchema>;
/** A quiz question, with the correct options. */
export type QuizQuestion = z.output<typeof quizQuestionSchema>;
/** What `training.saveCourse` receives. */
export type CourseInput = z.output<typeof courseInputSchema>;

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}
