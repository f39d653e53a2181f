import '../../components/training.css';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Button, Image, Video } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { useBusy } from '../../hooks/use-busy';
import { useCloud } from '../../hooks/use-cloud';
import { trainingApi, type LessonView } from '../../services/api';

type Block = LessonView['blocks'][number];

function BlockView({ b }: { b: Block }) {
  if (b.kind === 'text') return <Text className="tr-text">{b.text}</Text>;
  if (b.kind === 'image') {
    return (
      <View>
        <Image className="tr-img" src={b.url} mode="widthFix" />
        {b.caption ? <Text className="muted tr-caption">{b.caption}</Text> : null}
      </View>
    );
  }
  return <Video className="tr-video" src={b.url} poster={b.posterUrl ?? undefined} controls />;
}

/** One lesson: its text, images and videos; "学完本课" marks it done and moves on. */
export default function LessonPage() {
  const { params } = useRouter();
  const courseId = params.courseId || '';
  const lessonId = params.lessonId || '';
  const state = useCloud(() => trainingApi.lesson(courseId, lessonId), [courseId, lessonId]);
  const { busy, run } = useBusy();

  const go = (id: string) => Taro.redirectTo({ url: `/packageSales/lesson/index?courseId=${encodeURIComponent(courseId)}&lessonId=${encodeURIComponent(id)}` });
  const finish = async (l: LessonView) => {
    await run(async () => {
      const standing = await trainingApi.progress(courseId, l.lessonId);
      if (l.nextLessonId) return go(l.nextLessonId);
      Taro.showToast({ title: standing.resumeLessonId ? '还有课程没学完' : '课程已学完', icon: 'none' });
      Taro.navigateBack();
    });
  };

  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={6} />}>
        {(l: LessonView) => (
          <View data-testid="lesson" data-lesson={l.lessonId}>
            <View className="card">
              <Text className="muted">
                {l.courseTitle} · 第 {l.index + 1}/{l.count} 课{l.minutes ? ` · 约${l.minutes}分钟` : ''}
              </Text>
              <Text className="tr-course-title" data-testid="lesson-title">
                {l.title}
              </Text>
              {l.blocks.map((b, i) => (
                <BlockView key={i} b={b} />
              ))}
            </View>
            <View className="tr-actions">
              {l.prevLessonId ? (
                <Button className="btn-plain" onClick={() => go(l.prevLessonId!)} data-testid="lesson-prev">
                  上一课
                </Button>
              ) : null}
              <Button className="btn-primary grow" onClick={() => finish(l)} disabled={busy} data-testid="lesson-done">
                {l.nextLessonId ? '学完本课，下一课' : '学完本课'}
              </Button>
            </View>
          </View>
        )}
      </Loadable>
    </Shell>
  );
}
