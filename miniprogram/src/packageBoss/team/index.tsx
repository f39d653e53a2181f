import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Sheet } from '../../components/sheet';
import { Empty, ErrorView, Skeleton } from '../../components/states';
import { useBusy } from '../../hooks/use-busy';
import { useCursorList } from '../../hooks/use-cursor-list';
import { teamApi, type InviteRow, type TeamMember } from '../../services/api';
import { h5Link } from '../../services/share';
import '../backoffice.css';

const STATE_TEXT: Record<InviteRow['state'], string> = { open: '可用', expired: '已过期', used_up: '已用完' };

/** Choose who inherits a leaver's customers, then deactivate (team.deactivate). */
function DeactivateSheet({ leaver, members, onClose, onDone }: { leaver: TeamMember; members: TeamMember[]; onClose: () => void; onDone: () => void }) {
  const heirs = members.filter((m) => m.role === 'sales' && m.openid !== leaver.openid);
  const [heirId, setHeirId] = useState('');
  const { busy, run } = useBusy();
  const confirm = async () => {
    await run(async () => {
      const r = await teamApi.deactivate(leaver.openid, heirId);
      Taro.showToast({ title: `已停用，${r.moved} 位客户转给接手人`, icon: 'none', duration: 2500 });
      onDone();
    });
  };
  return (
    <Sheet title={`停用 ${leaver.name}`} onClose={onClose} testid="deactivate-sheet">
      <Text className="muted">选择接手人：{leaver.name} 的客户全部转给 TA，旧的分享链接今后也为 TA 锁客；历史订单的归属不变。</Text>
      {heirs.length === 0 ? <Empty text="没有其他在职销售可以接手" /> : null}
      {heirs.map((h) => (
        <View key={h.openid} className={`bo-heir ${heirId === h.openid ? 'active' : ''}`} onClick={() => setHeirId(h.openid)} data-testid={`heir-${h.openid}`}>
          <Text>
            {h.name} · {h.title}
          </Text>
          <Text>{heirId === h.openid ? '✓' : ''}</Text>
        </View>
      ))}
      <View className="bo-actions">
        <Button className="btn-plain grow" onClick={onClose}>
          取消
        </Button>
        <Button className="btn-warn grow" disabled={!heirId || busy} onClick={confirm} data-testid="deactivate-confirm">
          确认停用
        </Button>
      </View>
    </Sheet>
  );
}

/** The sales team: members (active and former, with their heir), deactivation with an heir, invitations. */
export default function TeamPage() {
  const members = useCursorList((cursor) => teamApi.members(cursor).then((r) => ({ items: r.members, nextCursor: r.nextCursor })));
  const invites = useCursorList((cursor) => teamApi.invites(cursor).then((r) => ({ items: r.invites, nextCursor: r.nextCursor })));
  const [leaving, setLeaving] = useState<TeamMember>();
  // Back from the invite page (a new invitation), or coming again later: show what changed.
  useDidShow(() => {
    if (members.data) void members.reload();
    if (invites.data) void invites.reload();
  });

  const copy = async (path: string) => {
    await Taro.setClipboardData({ data: process.env.TARO_ENV === 'h5' ? h5Link(path) : path });
    Taro.showToast({ title: '邀请链接已复制', icon: 'success' });
  };

  return (
    <Shell>
      <View className="card">
        <View className="card-title">
          <Text>成员</Text>
          <Button className="btn-primary" size="mini" onClick={() => Taro.navigateTo({ url: '/packageBoss/invite/index' })} data-testid="team-invite">
            邀请新销售
          </Button>
        </View>
        {members.data === undefined ? (
          members.error ? <ErrorView error={members.error} onRetry={members.reload} /> : <Skeleton rows={3} />
        ) : (
          members.data.map((m) => (
            <View key={m.openid} className="bo-row" data-testid="member-row" data-openid={m.openid} data-role={m.role}>
              <View className="grow">
                <Text className="order-line-title">
                  {m.name} <Text className="muted">{m.title}</Text>
                </Text>
                {m.role === 'sales' ? <Text className="tag bo-tag-on">在职</Text> : <Text className="tag bo-tag-off">已停用 · 客户已转给 {m.heirName ?? m.heirId}</Text>}
              </View>
              {m.role === 'sales' ? (
                <Button className="btn-plain" size="mini" onClick={() => setLeaving(m)} data-testid={`deactivate-${m.openid}`}>
                  停用
                </Button>
              ) : null}
            </View>
          ))
        )}
        {members.hasMore ? (
          <Button className="btn-plain" size="mini" onClick={members.loadMore}>
            加载更多
          </Button>
        ) : null}
      </View>
      <View className="card">
        <View className="card-title">邀请</View>
        {invites.data === undefined ? (
          invites.error ? <ErrorView error={invites.error} onRetry={invites.reload} /> : <Skeleton rows={2} />
        ) : invites.data.length === 0 ? (
          <Empty text="还没有邀请" />
        ) : (
          invites.data.map((i) => (
            <View key={i.code} className="bo-row" data-testid="invite-row" data-code={i.code}>
              <View className="grow">
                <Text className="order-line-title">{i.code}</Text>
                <Text className="muted">
                  {STATE_TEXT[i.state]} · 剩余 {i.usesLeft}/{i.uses} 次 · {i.expiresAt.slice(0, 10)} 到期
                </Text>
              </View>
              {i.state === 'open' ? (
                <Button className="btn-ghost" size="mini" onClick={() => copy(i.path)}>
                  复制链接
                </Button>
              ) : null}
            </View>
          ))
        )}
        {invites.hasMore ? (
          <Button className="btn-plain" size="mini" onClick={invites.loadMore}>
            加载更多
          </Button>
        ) : null}
      </View>
      {leaving && members.data ? (
        <DeactivateSheet
          leaver={leaving}
          members={members.data}
          onClose={() => setLeaving(undefined)}
          onDone={() => {
            setLeaving(undefined);
            void members.reload();
          }}
        />
      ) : null}
    </Shell>
  );
}
