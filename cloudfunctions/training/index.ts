/**
 * training (培训在线): salespeople study the courses assigned to them and take quizzes graded on
 * the server; ops publish and assign courses; the boss and ops see completion and scores.
 *   courses                              sales: my assigned courses, and whether my shelf is live
 *   course {courseId}                    the outline, my standing, the quiz without its answers
 *   lesson {courseId, lessonId}          one lesson's content
 *   progress {courseId, lessonId}        sales: mark a lesson done (idempotent), where to resume
 *   submitQuiz {courseId, answers, attemptKey}  sales: grade, record, keep the best score
 *   saveCourse {course}                  ops: create or replace a course's content
 *   assign {courseId, salesIds|'all', dueAt}    ops
 *   report {courseId?, cursor?, limit?}  boss/ops: per course and per salesperson
 * Courses are ops documents (`courses`, shared/training/course.schema.ts), also edited in the console.
 */
import { defineFunction } from '../_platform';
import { assign } from './assign';
import { course } from './course';
import { courses } from './courses';
import { lesson } from './lesson';
import { markLessonDone } from './mark-lesson-done';
import { report } from './report';
import { saveCourse } from './save-course';
import { submitQuiz } from './submit-quiz';

export const main = defineFunction('training', { courses, course, lesson, progress: markLessonDone, submitQuiz, saveCourse, assign, report });
