/**
 * Training (培训在线): courses as ops documents, quiz grading, a salesperson's progress and
 * standing, the shelf gate of required courses, the boss's summaries. Pure: time comes in as `now`.
 */
export {
  COURSE_STATUSES,
  courseGateSchema,
  courseInputSchema,
  courseSchema,
  lessonBlockSchema,
  mediaSrcField,
  quizSchema,
  trainingIdField,
} from './course.schema';
export type { Course, CourseInput, CourseStatus, Lesson, LessonBlock, Quiz, QuizQuestion } from './course.schema';
export { gradeQuiz, isAnswerProblem } from './grade';
export type { QuizAnswer, QuizAnswerProblem, QuizGrade } from './grade';
export { DUE_SOON_MS, KEPT_ATTEMPTS, doneLessonCount, dueState, isAssigned, isCourseComplete, newProgress, progressId, resumeLessonId, standingOf } from './progress';
export type { CourseStanding, CourseState, DueState, QuizAttempt, TrainingProgress } from './progress';
export { decideShelfLive } from './shelf-gate';
export type { GateRow, ShelfLiveness } from './shelf-gate';
export { NO_COUNTS, summarizeCourse, summarizeSales } from './report';
export type { Completion, CourseSummary, ProgressCounts, SalesSummary } from './report';
