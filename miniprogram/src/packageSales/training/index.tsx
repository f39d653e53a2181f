import '../../components/training.css';
import Taro from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import { ProgressBar } from '../../components/progress-bar';
import { ShelfLiveBanner } from '../../components/shelf-live-banner';
import { Shell } from '../../components/shell';
import { Empty, Loadable, Skeleton } from '../../components/states';
import { useCloud } from '../../hooks/use-cloud';
import { trainingApi, type CourseCard } from '../../services/api';
import { COURSE_STATE_TEXT, dueText, scoreText } from '../../utils/training-text';

/** My assigned courses, most urgent first, with progress, due date and best score. */
export default function TrainingPage() {
  const state = useCloud(() => trainingApi.courses());
  const open = (c: CourseCard) => Taro.navigateTo({ url: `/packageSales/course/index?id=${encodeURIComponent(c.courseId)}` });
  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={4} />}>
        {(d) => (
          <View>
            <ShelfLiveBanner shelf={d.shelf} />
            {d.courses.length === 0 ? (
              <Empty text="暂时没有指派给你的课程" hint="运营发布课程后会出现在这里" />
            ) : (
              <View className="card">
                {d.courses.map((c) => (
                  <View key={c.courseId} className="tr-course" onClick={() => open(c)} data-testid="course-card" data-course={c.courseId} data-state={c.state}>
                    {c.coverUrl ? <Image className="tr-cover" src={c.coverUrl} mode="aspectFill" /> : <View className="tr-cover" />}
                    <View className="grow">
                      <Text className="tr-course-title">{c.title}</Text>
                      <View className="tr-line">
                        <Text className={c.state === 'completed' ? 'tr-tag' : 'tr-tag-grey'}>{COURSE_STATE_TEXT[c.state]}</Text>
                        {c.required ? <Text className="tr-tag-warn">上线必修</Text> : null}
                        {c.due === 'overdue' ? <Text className="tr-tag-warn">{dueText(c.due, c.dueAt)}</Text> : null}
                        {c.due === 'soon' ? <Text className="tr-tag-soon">{dueText(c.due, c.dueAt)}</Text> : null}
                      </View>
                      <ProgressBar percent={c.percent} />
                      <Text className="muted">
                        {c.doneLessons}/{c.totalLessons} 课{c.hasQuiz ? ` · 测验 ${scoreText(c.bestScorePercent)}（${c.passPercent}分及格）` : ''}
                        {c.due === 'open' ? ` · ${dueText(c.due, c.dueAt)}` : ''}
                      </Text>
                    </View>
                  </View>
                ))}
              </View>
            )}
          </View>
        )}
      </Loadable>
    </Shell>
  );
}
