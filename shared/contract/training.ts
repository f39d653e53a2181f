/**
 * `training` (培训在线): salespeople study assigned courses and take quizzes; ops publish and
 * assign courses; the boss (and ops) see progress and scores. No reply carries a quiz's correct
 * options (tests/contract/training-answers.test.ts walks every reply schema).
 */
import { z } from 'zod';
import { count, idempotencyKeyField, instant } from './fields';
import { defineContract } from './define';
import { COURSE_STATUSES, courseInputSchema, trainingIdField } from '../training/course.schema';

/** A due date in an event: an ISO-8601 instant with its offset. @example '2026-06-15T23:59:00+08:00' */
const dueAtInput = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

const DUE_STATES = ['done', 'none', 'open', 'soon', 'overdue'] as const;

/** A salesperson's standing in a course (shared/training `standingOf`). */
const standingFields = {
  state: z.enum(['not_started', 'in_progress', 'completed']),
  doneLessons: count,
  totalLessons: count,
  /** Lessons done, percent (rounded down). */
  percent: count,
  /** Where to pick up; null when every lesson is done (the quiz is next). */
  resumeLessonId: z.string().nullable(),
  attempts: count,
  bestScorePercent: count.nullable(),
  passed: z.boolean(),
  completedAt: instant.nullable(),
  dueAt: instant.nullable(),
  due: z.enum(DUE_STATES),
};

/** A course as the salesperson's list shows it. */
const courseCardFields = {
  courseId: z.string(),
  title: z.string(),
  summary: z.string(),
  /** The cover, ready to show (a temporary URL for a storage file). */
  coverUrl: z.string().nullable(),
  required: z.boolean(),
  hasQuiz: z.boolean(),
  passPercent: count.nullable(),
  ...standingFields,
};

/** Why the caller's shelf is or is not live (shared/training `decideShelfLive`). */
const shelfLiveSchema = z.strictObject({ live: z.boolean(), blocking: z.array(z.strictObject({ courseId: z.string(), title: z.string() })) });

/** A lesson block, media resolved to URLs the app can show. */
const lessonBlockReply = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: z.string() }),
  z.strictObject({ kind: z.literal('image'), url: z.string(), caption: z.string().nullable() }),
  z.strictObject({ kind: z.literal('video'), url: z.string(), posterUrl: z.string().nullable(), seconds: count.nullable() }),
]);

/** A quiz question as the app receives it: never which options are correct. */
const questionReply = z.strictObject({
  questionId: z.string(),
  kind: z.enum(['single', 'multiple']),
  text: z.string(),
  options: z.array(z.strictObject({ optionId: z.string(), text: z.string() })),
});

/** A graded quiz attempt. */
const attemptReply = z.strictObject({ at: instant, scorePercent: count, correctCount: count, total: count, passed: z.boolean() });

/** Completion counts over a set of assignments (shared/training `Completion`). */
const completionFields = {
  assigned: count,
  notStarted: count,
  inProgress: count,
  completed: count,
  overdue: count,
  passed: count,
  averageBestScorePercent: count.nullable(),
};

/** Completion counts of one course over its salespeople (shared/training `summarizeCourse`). */
const courseSummaryFields = { ...completionFields, attempts: count };

const pagingInput = {
  /** The `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(80).optional(),
  limit: z.number().int().positive().max(100).optional(),
};

/** The actions of `training`. */
export const training = defineContract({
  /** Sales: the published courses assigned to the caller with their standing, and whether their shelf is live. */
  courses: {
    input: {},
    reply: z.strictObject({ shelf: shelfLiveSchema, courses: z.array(z.strictObject(courseCardFields)) }),
  },
  /** One course's outline, the caller's standing, and its quiz without the answers (boss/ops: a preview). */
  course: {
    input: { courseId: trainingIdField },
    reply: z.strictObject({
      ...courseCardFields,
      lessons: z.array(z.strictObject({ lessonId: z.string(), title: z.string(), minutes: count.nullable(), done: z.boolean() })),
      quiz: z.strictObject({ passPercent: count, questions: z.array(questionReply) }).nullable(),
      lastAttempt: attemptReply.nullable(),
    }),
  },
  /** One lesson's content (reading it records nothing; `progress` marks it done). */
  lesson: {
    input: { courseId: trainingIdField, lessonId: trainingIdField },
    reply: z.strictObject({
      courseId: z.string(),
      courseTitle: z.string(),
      lessonId: z.string(),
      title: z.string(),
      minutes: count.nullable(),
      /** 0-based position in the course, of `count` lessons. */
      index: count,
      count: count,
      blocks: z.array(lessonBlockReply),
      done: z.boolean(),
      prevLessonId: z.string().nullable(),
      nextLessonId: z.string().nullable(),
    }),
  },
  /** Sales: marks a lesson done (idempotent); answers the new standing, with where to resume. */
  progress: {
    input: { courseId: trainingIdField, lessonId: trainingIdField },
    reply: z.strictObject({ courseId: z.string(), lessonId: z.string(), ...standingFields }),
  },
  /**
   * Sales: grades the answers on the server and records the attempt; the best score is kept, and
   * passing completes the course. The same `attemptKey` again is answered from the recorded attempt.
   */
  submitQuiz: {
    input: {
      courseId: trainingIdField,
      answers: z.array(z.strictObject({ questionId: trainingIdField, optionIds: z.array(trainingIdField).max(8) })).max(50),
      attemptKey: idempotencyKeyField,
    },
    reply: z.strictObject({
      courseId: z.string(),
      passPercent: count,
      /** This attempt (`passed`: this attempt reached the pass mark; the standing's `passed`: any attempt did). */
      attempt: attemptReply,
      /** True when this attemptKey had been recorded already: nothing new was counted. */
      replayed: z.boolean(),
      ...standingFields,
    }),
  },
  /** Ops: creates or replaces a course's content (its assignment and creation time are kept). */
  saveCourse: {
    input: { course: courseInputSchema },
    reply: z.strictObject({ courseId: z.string(), created: z.boolean(), status: z.enum(COURSE_STATUSES), lessons: count, questions: count }),
  },
  /**
   * Ops: assigns a published course to some salespeople (their own due date), or to all —
   * every salesperson, including those who join later — due at `dueAt`.
   */
  assign: {
    input: {
      courseId: trainingIdField,
      salesIds: z.union([z.literal('all'), z.array(z.string().min(1).max(64)).min(1).max(200)]),
      dueAt: dueAtInput,
    },
    reply: z.strictObject({
      courseId: z.string(),
      audience: z.enum(['all', 'list']),
      /** Salespeople newly assigned (all: every current salesperson). */
      assigned: count,
      /** Already assigned: their due date is updated, their progress kept. */
      updated: count,
      /** Ids that are not salespeople (nothing assigned to them). */
      skipped: z.array(z.string()),
      dueAt: instant,
    }),
  },
  /**
   * Boss/ops: completion and scores per published course; without `courseId` a page of
   * salespeople with their totals, with one a page of its salespeople with their standing
   * (pages in salesperson id order; pass `nextCursor` back as `cursor`).
   */
  report: {
    input: { courseId: trainingIdField.optional(), ...pagingInput },
    reply: z.strictObject({
      courses: z.array(
        z.strictObject({
          courseId: z.string(),
          title: z.string(),
          required: z.boolean(),
          audience: z.enum(['all', 'list']),
          lessons: count,
          hasQuiz: z.boolean(),
          passPercent: count.nullable(),
          dueAt: instant.nullable(),
          ...courseSummaryFields,
        }),
      ),
      sales: z
        .strictObject({
          rows: z.array(
            z.strictObject({
              salesId: z.string(),
              name: z.string(),
              ...completionFields,
              shelfLive: z.boolean(),
            }),
          ),
          nextCursor: z.string().nullable(),
        })
        .nullable(),
      people: z
        .strictObject({
          courseId: z.string(),
          rows: z.array(z.strictObject({ salesId: z.string(), name: z.string(), ...standingFields })),
          nextCursor: z.string().nullable(),
        })
        .nullable(),
    }),
  },
});
