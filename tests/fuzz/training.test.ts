import { defineFuzzSuite } from './harness';

// Real course, lesson, question and option ids (the seed's) so valid events reach the use cases;
// due dates around the test clock (2026-06-01), some in the past.
const ids = (pools: Record<string, readonly unknown[]>) => ({
  ...pools,
  courseId: ['course_onboarding', 'course_onboarding', 'c_missing'],
  lessonId: ['l_brand', 'l_products', 'l_service', 'l_missing'],
  questionId: ['q_origin', 'q_tea', 'q_refund', 'q_missing'],
  optionIds: ['a', 'b', 'c', 'z'],
  attemptKey: ['fuzz-attempt-0001', 'fuzz-attempt-0002', 'fuzz-attempt-0003'],
  dueAt: ['2026-07-01T00:00:00+08:00', '2026-06-02T10:00:00Z', '2026-05-01T00:00:00Z'],
  salesIds: ['o_sales_li', 'o_sales_wang', 'o_cust_1', 'o_nobody'],
  cursor: ['o_sales_li', 'o_sales_wang', 'zzz'],
});

defineFuzzSuite(['training', 'me'], {
  'training.courses': ids,
  'training.course': ids,
  'training.lesson': ids,
  'training.progress': ids,
  'training.submitQuiz': ids,
  // New courses: generated lesson, question and option ids (seed ids would repeat within a course).
  'training.saveCourse': (pools) => ({ ...pools, courseId: ['course_onboarding', 'c_fuzz_1', 'c_fuzz_2'] }),
  'training.assign': ids,
  'training.report': ids,
});
