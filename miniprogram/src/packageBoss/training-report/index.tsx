import '../../components/training.css';
import { useEffect, useState } from 'react';
import { View, Text, Button } from '@tarojs/components';
import { KpiRow } from '../../components/kpi-row';
import { ProgressBar } from '../../components/progress-bar';
import { Shell } from '../../components/shell';
import { Empty, Loadable, Skeleton } from '../../components/states';
import { useBusy } from '../../hooks/use-busy';
import { toastError, useCloud } from '../../hooks/use-cloud';
import { trainingApi, type TrainingReport } from '../../services/api';
import { COURSE_STATE_TEXT, dueText, scoreText } from '../../utils/training-text';

type CourseRow = TrainingReport['courses'][number];
type SalesPage = NonNullable<TrainingReport['sales']>;
type PeoplePage = NonNullable<TrainingReport['people']>;

const LOOK = { row: 'tr-kpis', cell: 'tr-kpi', value: 'tr-kpi-num', label: 'muted' };
const pct = (n: number, of: number) => (of > 0 ? Math.floor((n * 100) / of) : 0);

/** One course's salespeople with their standing, paged by cursor. */
function People({ course }: { course: CourseRow }) {
  const [page, setPage] = useState<PeoplePage>();
  const { busy, run } = useBusy();
  const more = async (cursor?: string) => {
    await run(async () => {
      const r = await trainingApi.report(course.courseId, cursor);
      if (r.people) setPage((p) => ({ ...r.people!, rows: cursor && p ? [...p.rows, ...r.people!.rows] : r.people!.rows }));
    });
  };
  useEffect(() => {
    more();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [course.courseId]);
  if (!page) return <Text className="muted">加载中…</Text>;
  return (
    <View data-testid="report-people" data-course={course.courseId}>
      {page.rows.length === 0 ? <Text className="muted">还没有指派给任何销售</Text> : null}
      {page.rows.map((r) => (
        <View key={r.salesId} className="tr-row between" data-testid="report-person" data-sales={r.salesId} data-state={r.state} data-passed={r.passed ? '1' : '0'} data-score={r.bestScorePercent ?? ''}>
          <View className="grow">
            <Text>{r.name}</Text>
            <Text className="muted">
              {' '}
              · {r.doneLessons}/{r.totalLessons} 课 · 测验 {scoreText(r.bestScorePercent)}（{r.attempts} 次）
            </Text>
          </View>
          <Text className={r.passed || r.state === 'completed' ? 'tr-tag' : r.due === 'overdue' ? 'tr-tag-warn' : 'tr-tag-grey'}>
            {r.passed ? '已通过' : r.due === 'overdue' ? dueText(r.due, r.dueAt) : COURSE_STATE_TEXT[r.state]}
          </Text>
        </View>
      ))}
      {page.nextCursor ? (
        <Button className="btn-plain" size="mini" disabled={busy} onClick={() => more(page.nextCursor!)} data-testid="report-people-more">
          加载更多
        </Button>
      ) : null}
    </View>
  );
}

/** The boss's training view: completion per course, and per salesperson (paged). */
export default function TrainingReportPage() {
  const state = useCloud(() => trainingApi.report());
  const [tab, setTab] = useState<'courses' | 'sales'>('courses');
  const [open, setOpen] = useState<string>();
  const [sales, setSales] = useState<SalesPage>();
  useEffect(() => setSales(state.data?.sales ?? undefined), [state.data]);
  const moreSales = async (cursor: string) => {
    try {
      const r = await trainingApi.report(undefined, cursor);
      if (r.sales) setSales((s) => ({ rows: [...(s?.rows ?? []), ...r.sales!.rows], nextCursor: r.sales!.nextCursor }));
    } catch (e) {
      toastError(e);
    }
  };

  return (
    <Shell>
      <View className="tabs">
        <View className={tab === 'courses' ? 'tab active' : 'tab'} onClick={() => setTab('courses')} data-testid="report-tab-courses">
          按课程
        </View>
        <View className={tab === 'sales' ? 'tab active' : 'tab'} onClick={() => setTab('sales')} data-testid="report-tab-sales">
          按销售
        </View>
      </View>
      <Loadable state={state} skeleton={<Skeleton rows={4} />}>
        {(d) =>
          tab === 'courses' ? (
            d.courses.length === 0 ? (
              <Empty text="还没有已发布的课程" />
            ) : (
              <View>
                {d.courses.map((c) => (
                  <View key={c.courseId} className="card" data-testid="report-course" data-course={c.courseId} data-completed={c.completed} data-passed={c.passed} data-assigned={c.assigned}>
                    <View onClick={() => setOpen(open === c.courseId ? undefined : c.courseId)}>
                      <View className="between">
                        <Text className="tr-course-title">{c.title}</Text>
                        <Text className="cell-arrow">{open === c.courseId ? '⌃' : '›'}</Text>
                      </View>
                      <Text className="muted">
                        {c.audience === 'all' ? '全员' : '指定销售'} · {c.lessons} 课{c.hasQuiz ? ` · ${c.passPercent}分及格` : ''}
                        {c.required ? ' · 上线必修' : ''}
                        {c.dueAt ? ` · ${dueText('open', c.dueAt)}` : ''}
                      </Text>
                      <ProgressBar percent={pct(c.completed, c.assigned)} />
                      <KpiRow
                        look={LOOK}
                        items={[
                          { value: `${c.completed}/${c.assigned}`, label: '完成', testid: 'report-completed' },
                          { value: c.inProgress, label: '学习中' },
                          { value: c.notStarted, label: '未开始' },
                          { value: c.overdue, label: '逾期' },
                          { value: c.averageBestScorePercent ?? '—', label: '平均最好分' },
                        ]}
                      />
                    </View>
                    {open === c.courseId ? <People course={c} /> : null}
                  </View>
                ))}
              </View>
            )
          ) : (
            <View className="card">
              {(sales?.rows ?? []).map((s) => (
                <View key={s.salesId} className="tr-row" data-testid="report-sales" data-sales={s.salesId} data-completed={s.completed} data-assigned={s.assigned}>
                  <View className="between">
                    <Text>{s.name}</Text>
                    <Text className={s.shelfLive ? 'tr-tag' : 'tr-tag-warn'}>{s.shelfLive ? '货架已上线' : '货架未上线'}</Text>
                  </View>
                  <ProgressBar percent={pct(s.completed, s.assigned)} />
                  <Text className="muted">
                    完成 {s.completed}/{s.assigned} · 学习中 {s.inProgress} · 未开始 {s.notStarted} · 逾期 {s.overdue} · 平均最好分 {s.averageBestScorePercent ?? '—'}
                  </Text>
                </View>
              ))}
              {sales?.nextCursor ? (
                <Button className="btn-plain" size="mini" onClick={() => moreSales(sales.nextCursor!)} data-testid="report-sales-more">
                  加载更多
                </Button>
              ) : null}
            </View>
          )
        }
      </Loadable>
    </Shell>
  );
}
