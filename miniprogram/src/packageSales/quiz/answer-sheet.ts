/** The options chosen so far, by question id. */
export type AnswerSheet = Readonly<Record<string, readonly string[]>>;

/** What the sheet needs to know of a question. */
export interface SheetQuestion {
  questionId: string;
  kind: 'single' | 'multiple';
}

/**
 * The sheet after tapping an option: a single-choice question keeps only the tapped option; a
 * multiple-choice one adds it, or removes it when it was chosen.
 * @example toggleOption({ q: ['a'] }, { questionId: 'q', kind: 'multiple' }, 'b') // { q: ['a', 'b'] }
 */
export function toggleOption(sheet: AnswerSheet, q: SheetQuestion, optionId: string): AnswerSheet {
  const now = sheet[q.questionId] ?? [];
  if (q.kind === 'single') return { ...sheet, [q.questionId]: [optionId] };
  return { ...sheet, [q.questionId]: now.includes(optionId) ? now.filter((x) => x !== optionId) : [...now, optionId] };
}

/** The questions with no option chosen (the page asks for them before submitting). */
export function unanswered<Q extends SheetQuestion>(sheet: AnswerSheet, questions: readonly Q[]): Q[] {
  return questions.filter((q) => !(sheet[q.questionId] ?? []).length);
}

/** The answers `training.submitQuiz` takes, in the quiz's order. */
export function answersOf(sheet: AnswerSheet, questions: readonly SheetQuestion[]): Array<{ questionId: string; optionIds: string[] }> {
  return questions.map((q) => ({ questionId: q.questionId, optionIds: [...(sheet[q.questionId] ?? [])] }));
}
