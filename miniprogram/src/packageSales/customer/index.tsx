import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text, Button, Input, Picker } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { CustomerFace } from '../../components/customer-face';
import { KpiRow } from '../../components/kpi-row';
import { CursorLoadMore, Loadable, Skeleton } from '../../components/states';
import { useBusy } from '../../hooks/use-busy';
import { useCloud } from '../../hooks/use-cloud';
import { useCursorList } from '../../hooks/use-cursor-list';
import { customerApi, type CustomerProfile, type TimelineItem } from '../../services/api';
import { useImageSrcs } from '../../services/images';
import { EVENT_TEXT, formatSeconds, REASON_TEXT, STAGE_TEXT } from '../../utils/briefcase-text';
import { formatFen } from '../../utils/money';
import { formatDateTime } from '../../utils/time';
import './index.css';

/** What a timeline event was about, in a few words. */
const LOOK = { row: 'card c360-kpis', cell: 'c360-kpi', value: 'c360-num', label: 'muted' };

function detailOf(e: TimelineItem): string {
  switch (e.type) {
    case 'material_read':
      return `《${e.data.title}》`;
    case 'product_viewed':
      return e.data.title;
    case 'card_tapped':
      return e.data.tap === 'phone' ? '保存电话' : '加微信';
    case 'coupon_claimed':
      return e.data.title;
    case 'order_created':
      return formatFen(e.data.totalFen);
    case 'order_paid':
      return formatFen(e.data.paidFen);
    case 'order_refunded':
      return formatFen(e.data.refundFen);
    default:
      return '';
  }
}

function Profile({ p, onChange }: { p: CustomerProfile; onChange: () => void }) {
  const src = useImageSrcs([p.avatar]);
  const [tag, setTag] = useState('');
  const [note, setNote] = useState('');
  const [remindOn, setRemindOn] = useState('');
  const busyState = useBusy();
  const busy = busyState.busy;
  const run = (f: () => Promise<unknown>) =>
    busyState.run(async () => {
      await f();
      onChange();
    });
  return (
    <View>
      <View className="card c360-head">
        <CustomerFace src={p.avatar ? src[p.avatar] : undefined} name={p.nickname} size="lg" />
        <View className="c360-who">
          <Text className="c360-name" data-testid="c360-name">{p.nickname}</Text>
          <View className="row">
            {p.stage ? <Text className="tag" data-testid="c360-stage">{STAGE_TEXT[p.stage]}</Text> : <Text className="tag grey">暂无阶段</Text>}
            <Text className="muted c360-since">{p.boundAt ? `绑定于 ${formatDateTime(p.boundAt)}` : ''}</Text>
          </View>
        </View>
      </View>
      <KpiRow
        look={LOOK}
        items={[
          { value: formatFen(p.spentFen), label: '累计消费' },
          { value: p.ordersPaid, label: '订单' },
          { value: p.views, label: '浏览' },
          { value: p.reads, label: '阅读' },
        ]}
      />
      <View className="card">
        <View className="card-title">标签</View>
        <View className="row c360-tags">
          {p.ruleTags.map((t) => (
            <Text key={t} className="tag warn">
              {REASON_TEXT[t] ?? t}
            </Text>
          ))}
          {p.manualTags.map((t) => (
            <Text key={t} className="tag" onClick={() => run(() => customerApi.tag(p.openid, { remove: [t] }))}>
              {t} ×
            </Text>
          ))}
        </View>
        <View className="row c360-add">
          <Input className="c360-input grow" placeholder="添加标签" value={tag} maxlength={12} onInput={(e) => setTag(e.detail.value)} data-testid="c360-tag-input" />
          <Button className="btn-ghost" size="mini" disabled={busy || !tag.trim()} onClick={() => run(async () => { await customerApi.tag(p.openid, { add: [tag.trim()] }); setTag(''); })}>
            添加
          </Button>
        </View>
      </View>
      <View className="card">
        <View className="card-title">跟进记录</View>
        {p.reminder ? <Text className="tag red c360-reminder">提醒到期：{p.reminder.text}</Text> : null}
        <Input className="c360-input" placeholder="写跟进记录…" value={note} maxlength={500} onInput={(e) => setNote(e.detail.value)} data-testid="c360-note-input" />
        <View className="between c360-add">
          <Picker mode="date" value={remindOn} onChange={(e) => setRemindOn(String(e.detail.value))}>
            <Text className="muted">{remindOn ? `提醒日期 ${remindOn}` : '设置提醒日期（可选）'}</Text>
          </Picker>
          <Button
            className="btn-primary"
            size="mini"
            disabled={busy || !note.trim()}
            onClick={() =>
              run(async () => {
                await customerApi.note(p.openid, note.trim(), remindOn ? new Date(`${remindOn}T09:00:00+08:00`).toISOString() : undefined);
                setNote('');
                setRemindOn('');
              })
            }
            data-testid="c360-note-save"
          >
            保存
          </Button>
        </View>
        {p.notes.map((n) => (
          <View key={n.noteId} className="c360-note">
            <Text>{n.text}</Text>
            <Text className="muted">
              {formatDateTime(n.at)}
              {n.remindAt ? ` · 提醒 ${formatDateTime(n.remindAt)}` : ''}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** The customer 360: profile, stage, tags, spend, notes and reminders, and the timeline of everything they did. */
export default function CustomerPage() {
  const { params } = useRouter();
  const openid = params.openid || '';
  const profile = useCloud(() => customerApi.profile(openid), [openid]);
  const timeline = useCursorList((cursor) => customerApi.timeline(openid, cursor), [openid]);
  return (
    <Shell>
      <Loadable state={profile} skeleton={<Skeleton rows={4} />}>
        {(p) => <Profile p={p} onChange={() => void profile.reload()} />}
      </Loadable>
      <View className="card">
        <View className="card-title">动态</View>
        {timeline.data === undefined ? (
          <Skeleton rows={3} />
        ) : timeline.items.length === 0 ? (
          <Text className="muted">暂无动态</Text>
        ) : (
          timeline.items.map((e) => (
            <View key={e.eventId} className="c360-event" data-testid="timeline-item" data-type={e.type}>
              <View className="c360-dot" />
              <View className="grow">
                <Text>
                  {EVENT_TEXT[e.type] ?? e.type} {detailOf(e)}
                </Text>
                <Text className="muted c360-when">
                  {formatDateTime(e.at)}
                  {e.seconds ? ` · 停留 ${formatSeconds(e.seconds)}` : ''}
                  {e.type === 'material_read' && e.depth !== null ? ` · 读到 ${e.depth}%` : ''}
                </Text>
              </View>
            </View>
          ))
        )}
        <CursorLoadMore list={timeline} />
      </View>
    </Shell>
  );
}
