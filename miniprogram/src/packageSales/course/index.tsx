import '../../components/training.css';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text, Button, Image } from '@tarojs/components';
import { ProgressBar } from '../../components/progress-bar';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { useCloud } from '../../hooks/use-cloud';
import { trainingApi, type CourseDetail } from '../../services/api';
import { COURSE_STATE_TEXT, dueText, scoreText } from '../../utils/training-text';

/** One course: lessons done, "continue" at the resume lesson, the quiz with my best score. */
export default function CoursePage() {
  const { params } = useRouter();
  const courseId = params.id || '';
  const state = useCloud(() => trainingApi.course(courseId), [courseId]);
  // Coming back from a lesson or the quiz: show what changed.
  useDidShow(() => {
    if (state.data) state.reload();
  });
  const lesson = (lessonId: string) => Taro.navigateTo({ url: `/packageSales/lesson/index?courseId=${encodeURIComponent(courseId)}&lessonId=${encodeURIComponent(lessonId)}` });
  const quiz = () => Taro.navigateTo({ url: `/packageSales/quiz/index?courseId=${encodeURIComponent(courseId)}` });

  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={5} />}>
        {(c: CourseDetail) => (
          <View>
            <View className="card">
              {c.coverUrl ? <Image className="tr-img" src={c.coverUrl} mode="widthFix" /> : null}
              <Text className="tr-course-title">{c.title}</Text>
              {c.summary ? <Text className="muted">{c.summary}</Text> : null}
              <View className="tr-line" style={{ marginTop: '12px' }}>
                <Text className={c.state === 'completed' ? 'tr-tag' : 'tr-tag-grey'} data-testid="course-state">
                  {COURSE_STATE_TEXT[c.state]}
                </Text>
                {c.required ? <Text className="tr-tag-warn">上线必修</Text> : null}
                {dueText(c.due, c.dueAt) ? <Text className={c.due === 'overdue' ? 'tr-tag-warn' : 'tr-tag-soon'}>{dueText(c.due, c.dueAt)}</Text> : null}
              </View>
              <ProgressBar percent={c.percent} />
              <Text className="muted">
                已学 {c.doneLessons}/{c.totalLessons} 课
              </Text>
            </View>
            {c.resumeLessonId ? (
              <View className="tr-actions">
                <Button className="btn-primary grow" onClick={() => lesson(c.resumeLessonId!)} data-testid="course-resume" data-lesson={c.resumeLessonId}>
                  {c.doneLessons === 0 ? '开始学习' : '继续学习'}：{c.lessons.find((l) => l.lessonId === c.resumeLessonId)?.title}
                </Button>
              </View>
            ) : null}
            <View className="card">
              <View className="card-title">课程目录</View>
              {c.lessons.map((l, i) => (
                <View key={l.lessonId} className="tr-lesson" onClick={() => lesson(l.lessonId)} data-testid="course-lesson" data-lesson={l.lessonId} data-done={l.done ? '1' : '0'}>
                  <View className="row grow">
                    <Text className={l.done ? 'tr-tick tr-tick-on' : 'tr-tick'}>{l.done ? '✓' : i + 1}</Text>
                    <Text className="grow ellipsis">{l.title}</Text>
                  </View>
                  <Text className="muted">{l.minutes ? `${l.minutes}分钟` : ''}</Text>
                </View>
              ))}
            </View>
            {c.quiz ? (
              <View className="card" data-testid="course-quiz">
                <View className="card-title">
                  <Text>课后测验</Text>
                  <Text className="muted">{c.quiz.passPercent}分及格</Text>
                </View>
                <Text className="muted" data-testid="course-best" data-score={c.bestScorePercent ?? ''}>
                  {c.quiz.questions.length} 题 · 最好成绩 {scoreText(c.bestScorePercent)} · 已测 {c.attempts} 次{c.passed ? ' · 已通过' : ''}
                </Text>
                <View style={{ marginTop: '20px' }}>
                  <Button className={c.passed ? 'btn-ghost' : 'btn-primary'} onClick={quiz} data-testid="course-take-quiz">
                    {c.passed ? '再测一次' : c.attempts > 0 ? '重新测验' : '开始测验'}
                  </Button>
                </View>
              </View>
            ) : null}
          </View>
        )}
      </Loadable>
    </Shell>
  );
}
