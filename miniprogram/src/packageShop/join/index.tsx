import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Button, Input } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty } from '../../components/states';
import { teamApi } from '../../services/api';
import { CloudError, errorText } from '../../services/errors';
import { inviteCodeOf } from './invite-code';

/** What a refusal means here (by code; the rest falls back to the app's texts). */
const REFUSED: Record<string, string> = {
  NOT_FOUND: '邀请码无效，请向老板重新获取',
  EXPIRED: '邀请已过期，请向老板重新获取',
  LIMIT_REACHED: '这个邀请的名额已经用完了',
  FAILED_PRECONDITION: '你已经是团队成员，无需再次加入',
};

/**
 * Where an invitation's QR (scene = the code) or link (`?code=`) leads: a customer gives a name
 * and a title and becomes a salesperson (team.acceptInvite), then goes to the workbench.
 */
export default function JoinPage() {
  const { params } = useRouter();
  const code = inviteCodeOf(params as Record<string, string | undefined>);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [joined, setJoined] = useState<{ name: string; title: string }>();

  const accept = async () => {
    if (!name.trim() || !title.trim()) return Taro.showToast({ title: '请填写姓名和职位', icon: 'none' });
    setBusy(true);
    setProblem('');
    try {
      const r = await teamApi.acceptInvite(code, name.trim(), title.trim());
      setJoined({ name: r.name, title: r.title });
    } catch (e) {
      setProblem(e instanceof CloudError ? REFUSED[e.code] ?? errorText(e) : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (!code) {
    return (
      <Shell>
        <Empty text="没有找到邀请码" hint="请扫描老板发来的邀请二维码，或打开邀请链接" />
      </Shell>
    );
  }
  if (joined) {
    return (
      <Shell>
        <View className="card" data-testid="join-done">
          <View className="card-title">欢迎加入，{joined.name}</View>
          <Text className="muted">你现在是「{joined.title}」，货架还是空的：去工作台挑选商品、分享给好友吧。</Text>
          <Button className="btn-primary" onClick={() => Taro.redirectTo({ url: '/packageSales/workbench/index' })} data-testid="join-workbench">
            去销售工作台
          </Button>
        </View>
      </Shell>
    );
  }
  return (
    <Shell>
      <View className="card">
        <View className="card-title">加入销售团队</View>
        <Text className="muted">邀请码 {code}</Text>
        <View className="cell">
          <Text>姓名</Text>
          <Input value={name} placeholder="你的名字" onInput={(e) => setName(e.detail.value)} data-testid="join-name" />
        </View>
        <View className="cell">
          <Text>职位</Text>
          <Input value={title} placeholder="如：茶饮顾问" onInput={(e) => setTitle(e.detail.value)} data-testid="join-title" />
        </View>
        {problem ? (
          <Text className="price" data-testid="join-problem">
            {problem}
          </Text>
        ) : null}
        <Button className="btn-primary" disabled={busy} onClick={accept} data-testid="join-accept">
          加入团队
        </Button>
      </View>
    </Shell>
  );
}
