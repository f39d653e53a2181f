import { gradeQuiz, isAnswerProblem, type QuizAnswer } from './grade';
import { quizSchema, type Quiz } from './course.schema';

// q1 single (b), q2 multiple (a, c), q3 single (a), q4 multiple (a, b, c)
const quiz: Quiz = quizSchema.parse({
  passPercent: 75,
  questions: [
    { questionId: 'q1', kind: 'single', text: '1', options: [{ optionId: 'a', text: 'A', correct: false }, { optionId: 'b', text: 'B', correct: true }] },
    { questionId: 'q2', kind: 'multiple', text: '2', options: [{ optionId: 'a', text: 'A', correct: true }, { optionId: 'b', text: 'B', correct: false }, { optionId: 'c', text: 'C', correct: true }] },
    { questionId: 'q3', kind: 'single', text: '3', options: [{ optionId: 'a', text: 'A', correct: true }, { optionId: 'b', text: 'B', correct: false }] },
    { questionId: 'q4', kind: 'multiple', text: '4', options: [{ optionId: 'a', text: 'A', correct: true }, { optionId: 'b', text: 'B', correct: true }, { optionId: 'c', text: 'C', correct: true }] },
  ],
});
const a = (questionId: string, ...optionIds: string[]): QuizAnswer => ({ questionId, optionIds });
const ALL_RIGHT = [a('q1', 'b'), a('q2', 'a', 'c'), a('q3', 'a'), a('q4', 'a', 'b', 'c')];

describe('gradeQuiz: a question is right only with exactly its correct options', () => {
  it.each([
    ['everything right', ALL_RIGHT, 4, 100, true],
    ['order of options does not matter', [a('q1', 'b'), a('q2', 'c', 'a'), a('q3', 'a'), a('q4', 'c', 'a', 'b')], 4, 100, true],
    ['a repeated option counts once', [a('q1', 'b', 'b'), a('q2', 'a', 'c', 'a'), a('q3', 'a'), a('q4', 'a', 'b', 'c')], 4, 100, true],
    ['answer order does not matter', [...ALL_RIGHT].reverse(), 4, 100, true],
    ['3 of 4 reaches a pass mark of 75', [a('q1', 'a'), a('q2', 'a', 'c'), a('q3', 'a'), a('q4', 'a', 'b', 'c')], 3, 75, true],
    ['a multiple-choice answer missing one correct option is wrong', [a('q1', 'b'), a('q2', 'a'), a('q3', 'a'), a('q4', 'a', 'b', 'c')], 3, 75, true],
    ['a multiple-choice answer with an extra option is wrong', [a('q1', 'b'), a('q2', 'a', 'b', 'c'), a('q3', 'a'), a('q4', 'a', 'b', 'c')], 3, 75, true],
    ['two options on a single-choice question are wrong', [a('q1', 'a', 'b'), a('q2', 'a', 'c'), a('q3', 'a', 'b'), a('q4', 'a', 'b', 'c')], 2, 50, false],
    ['an empty choice is wrong', [a('q1'), a('q2'), a('q3', 'a'), a('q4', 'a', 'b', 'c')], 2, 50, false],
    ['unanswered questions are wrong', [a('q3', 'a')], 1, 25, false],
    ['no answers at all score 0', [], 0, 0, false],
  ] as const)('%s', (_title, answers, correctCount, scorePercent, passed) => {
    const g = gradeQuiz(quiz, answers);
    expect(g).toEqual({ correctCount, total: 4, scorePercent, passPercent: 75, passed });
  });

  it.each([
    [2, 3, 66, false, 67],
    [2, 3, 66, true, 66],
    [1, 3, 33, false, 34],
    [1, 3, 33, true, 33],
    [3, 3, 100, true, 100],
  ])('%i of %i scores %i (rounded down): pass mark reached = %s at %i', (correct, total, scorePercent, passed, passPercent) => {
    const q = quizSchema.parse({
      passPercent,
      questions: Array.from({ length: total }, (_, i) => ({
        questionId: `q${i}`,
        kind: 'single',
        text: 't',
        options: [{ optionId: 'y', text: 'y', correct: true }, { optionId: 'n', text: 'n', correct: false }],
      })),
    });
    const answers = Array.from({ length: total }, (_, i) => a(`q${i}`, i < correct ? 'y' : 'n'));
    expect(gradeQuiz(q, answers)).toEqual({ correctCount: correct, total, scorePercent, passPercent, passed });
  });

  it.each([
    ['an unknown question', [a('q9', 'a')], /no question q9/],
    ['an unknown option', [a('q1', 'z')], /q1 has no option z/],
    ['the same question twice', [a('q1', 'b'), a('q1', 'b')], /q1 answered twice/],
  ] as const)('refuses %s (a value, not a throw)', (_title, answers, problem) => {
    const g = gradeQuiz(quiz, answers);
    expect(isAnswerProblem(g)).toBe(true);
    expect(isAnswerProblem(g) && g.problem).toMatch(problem);
  });
});
