import { getTempFileUrls } from '../_platform';
import { standingOf, type Course, type LessonBlock, type QuizAttempt, type TrainingProgress } from '../../shared/training';

/**
 * Media of lessons and covers as URLs the app can show: `cloud://` file ids become temporary URLs
 * (one storage call for all of them); `https://` and `/assets/` sources are shown as they are. A
 * storage file that is gone resolves to ''.
 */
export async function mediaResolver(sources: Array<string | undefined>): Promise<(src: string) => string> {
  const ids = [...new Set(sources.filter((s): s is string => !!s && s.startsWith('cloud://')))];
  const urls = await getTempFileUrls(ids);
  return (src) => (src.startsWith('cloud://') ? urls.get(src) ?? '' : src);
}

/** Every media source of a course's blocks and cover. */
export function mediaOf(course: Course, blocks: readonly LessonBlock[] = []): Array<string | undefined> {
  return [course.cover, ...blocks.flatMap((b) => (b.kind === 'image' ? [b.src] : b.kind === 'video' ? [b.src, b.poster] : []))];
}

/** A block as the app receives it. */
export function presentBlock(b: LessonBlock, url: (src: string) => string) {
  if (b.kind === 'text') return { kind: 'text' as const, text: b.text };
  if (b.kind === 'image') return { kind: 'image' as const, url: url(b.src), caption: b.caption ?? null };
  return { kind: 'video' as const, url: url(b.src), posterUrl: b.poster ? url(b.poster) : null, seconds: b.seconds ?? null };
}

/** A course card: what it is and the salesperson's standing in it. */
export function presentCard(course: Course, progress: TrainingProgress | undefined, now: Date, url: (src: string) => string) {
  return {
    courseId: course._id,
    title: course.title,
    summary: course.summary ?? '',
    coverUrl: course.cover ? url(course.cover) || null : null,
    required: course.requiredBeforeLive,
    hasQuiz: !!course.quiz,
    passPercent: course.quiz?.passPercent ?? null,
    ...standingOf(course, progress, now),
  };
}

/** A recorded attempt without its key. */
export function presentAttempt(a: QuizAttempt) {
  return { at: a.at, scorePercent: a.scorePercent, correctCount: a.correctCount, total: a.total, passed: a.passed };
}
