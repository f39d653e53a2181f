import { formatDay } from './time';

/** What a salesperson's standing in a course reads as: its state and due date, in Chinese. */
export const COURSE_STATE_TEXT: Record<string, string> = { not_started: '未开始', in_progress: '学习中', completed: '已完成' };

/** The due tag of a course: "已逾期" / "3天内到期 06-04" / "截止 06-15" / "" (done or no due date). */
export function dueText(due: string, dueAt: string | null): string {
  if (due === 'overdue') return `已逾期 ${formatDay(dueAt)}`;
  if (due === 'soon') return `即将到期 ${formatDay(dueAt)}`;
  if (due === 'open') return `截止 ${formatDay(dueAt)}`;
  return '';
}

/** "100分" / "未测验". */
export function scoreText(bestScorePercent: number | null): string {
  return bestScorePercent === null ? '未测验' : `${bestScorePercent}分`;
}
