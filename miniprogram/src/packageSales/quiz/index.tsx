import '../../components/training.css';
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { useBusy } from '../../hooks/use-busy';
import { useCloud } from '../../hooks/use-cloud';
import { newIdempotencyKey, trainingApi, type CourseDetail, type QuizResult } from '../../services/api';
import { answersOf, toggleOption, unanswered, type AnswerSheet } from './answer-sheet';

type Question = NonNullable<CourseDetail['quiz']>['questions'][number];

/**
 * The course's quiz: the questions without their answers (the server grades). One answer sheet
 * keeps one attempt key across retries of its submit, so a lost reply never counts twice.
 */
export default function QuizPage() {
  const { params } = useRouter();
  const courseId = params.courseId || '';
  const state = useCloud(() => trainingApi.course(courseId), [courseId]);
  const [picked, setPicked] = useState<AnswerSheet>({});
  const [result, setResult] = useState<QuizResult>();
  const { busy, run } = useBusy();
  const attemptKey = useRef(newIdempotencyKey());

  const toggle = (q: Question, optionId: string) => setPicked((p) => toggleOption(p, q, optionId));

  const submit = async (questions: Question[]) => {
    if (unanswered(picked, questions).length) return Taro.showToast({ title: '还有题目没有作答', icon: 'none' });
    await run(async () => {
      setResult(await trainingApi.submitQuiz(courseId, answersOf(picked, questions), attemptKey.current));
    });
  };
  const retry = () => {
    attemptKey.current = newIdempotencyKey();
    setPicked({});
    setResult(undefined);
  };

  if (result) {
    const a = result.attempt;
    return (
      <Shell>
        <View className="card tr-result" data-testid="quiz-result" data-passed={a.passed ? '1' : '0'} data-score={a.scorePercent}>
          <Text className={a.passed ? 'tr-score' : 'tr-score tr-score-fail'}>{a.scorePercent}分</Text>
          <Text className="tr-course-title">{a.passed ? '恭喜，测验通过！' : `未通过，${result.passPercent}分及格`}</Text>
          <Text className="muted">
            答对 {a.correctCount}/{a.total} 题 · 最好成绩 {result.bestScorePercent ?? 0}分 · 共测 {result.attempts} 次
          </Text>
        </View>
        <View className="tr-actions">
          {a.passed ? null : (
            <Button className="btn-primary grow" onClick={retry} data-testid="quiz-retry">
              再试一次
            </Button>
          )}
          <Button className={a.passed ? 'btn-primary grow' : 'btn-plain'} onClick={() => Taro.navigateBack()} data-testid="quiz-back">
            返回课程
          </Button>
        </View>
      </Shell>
    );
  }

  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={6} />}>
        {(c: CourseDetail) => {
          const questions = c.quiz?.questions ?? [];
          return (
            <View>
              <View className="card">
                <Text className="muted">
                  {c.title} · {questions.length} 题 · {c.quiz?.passPercent}分及格
                </Text>
              </View>
              <View className="card">
                {questions.map((q, i) => (
                  <View key={q.questionId} className="tr-q" data-testid="quiz-question" data-question={q.questionId}>
                    <Text className="tr-q-text">
                      {i + 1}. {q.text}
                      {q.kind === 'multiple' ? '（多选）' : ''}
                    </Text>
                    {q.options.map((o) => {
                      const on = (picked[q.questionId] ?? []).includes(o.optionId);
                      return (
                        <View
                          key={o.optionId}
                          className={on ? 'tr-option tr-option-on' : 'tr-option'}
                          onClick={() => toggle(q, o.optionId)}
                          data-testid={`quiz-option-${q.questionId}-${o.optionId}`}
                          data-on={on ? '1' : '0'}
                        >
                          <Text className={q.kind === 'single' ? 'tr-check tr-check-single' : 'tr-check tr-check-multi'}>{on ? '✓' : ''}</Text>
                          <Text>{o.text}</Text>
                        </View>
                      );
                    })}
                  </View>
                ))}
              </View>
              <View className="tr-actions">
                <Button className="btn-primary grow" onClick={() => submit(questions)} disabled={busy || questions.length === 0} data-testid="quiz-submit">
                  提交答案
                </Button>
              </View>
            </View>
          );
        }}
      </Loadable>
    </Shell>
  );
}
