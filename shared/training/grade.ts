import type { Quiz } from './course.schema';

/** One answered question: the options the salesperson chose. */
export interface QuizAnswer {
  questionId: string;
  optionIds: readonly string[];
}

/** A graded attempt. `scorePercent` is rounded down, so `passed` ⇔ the exact score reaches the pass mark. */
export interface QuizGrade {
  correctCount: number;
  total: number;
  scorePercent: number;
  passPercent: number;
  passed: boolean;
}

/** Grading refused: an answer names a question or option the quiz does not have, or a question twice. */
export interface QuizAnswerProblem {
  problem: string;
}

/**
 * Grades answers against a quiz. A question counts as correct when the chosen options are
 * exactly its correct options (all of them and no other; order and repeats do not matter); an
 * unanswered question is wrong. `scorePercent = floor(100 × correctCount / total)`; passed when
 * `scorePercent ≥ passPercent` (the pass mark is an integer, so rounding down never passes a
 * score below it).
 * @example gradeQuiz({ passPercent: 60, questions: [q1, q2] }, [{ questionId: 'q1', optionIds: ['a'] }]) // { correctCount: 1, total: 2, scorePercent: 50, passPercent: 60, passed: false }
 */
export function gradeQuiz(quiz: Quiz, answers: readonly QuizAnswer[]): QuizGrade | QuizAnswerProblem {
  const questions = new Map(quiz.questions.map((q) => [q.questionId, q]));
  const chosen = new Map<string, Set<string>>();
  for (const a of answers) {
    const q = questions.get(a.questionId);
    if (!q) return { problem: `answers: no question ${a.questionId} in this quiz` };
    if (chosen.has(a.questionId)) return { problem: `answers: question ${a.questionId} answered twice` };
    const known = new Set(q.options.map((o) => o.optionId));
    const unknown = a.optionIds.find((id) => !known.has(id));
    if (unknown !== undefined) return { problem: `answers: question ${a.questionId} has no option ${unknown}` };
    chosen.set(a.questionId, new Set(a.optionIds));
  }
  let correctCount = 0;
  for (const q of quiz.questions) {
    const picked = chosen.get(q.questionId);
    const right = q.options.filter((o) => o.correct).map((o) => o.optionId);
    if (picked && picked.size === right.length && right.every((id) => picked.has(id))) correctCount++;
  }
  const total = quiz.questions.length;
  const scorePercent = Math.floor((correctCount * 100) / total);
  return { correctCount, total, scorePercent, passPercent: quiz.passPercent, passed: scorePercent >= quiz.passPercent };
}

/** True when {@link gradeQuiz} refused the answers. */
export function isAnswerProblem(g: QuizGrade | QuizAnswerProblem): g is QuizAnswerProblem {
  return 'problem' in g;
}
