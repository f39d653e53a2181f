import { useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { View, Text, Image, Button, Input } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { useBusy } from '../../hooks/use-busy';
import { newIdempotencyKey, teamApi, type InviteRow } from '../../services/api';
import { h5Link } from '../../services/share';
import '../backoffice.css';

/** The boss makes an invitation (uses, days valid) and shows its code, QR and link. */
export default function InvitePage() {
  const [uses, setUses] = useState('1');
  const [days, setDays] = useState('7');
  const [key, setKey] = useState(newIdempotencyKey);
  const { busy, run } = useBusy();
  const [invite, setInvite] = useState<InviteRow>();

  useShareAppMessage(() => ({ title: '邀请你加入销售团队', path: invite ? invite.path : '/pages/me/index' }));

  const create = async () => {
    const u = Number(uses);
    const d = Number(days);
    if (!Number.isInteger(u) || u < 1 || u > 50) return Taro.showToast({ title: '可用次数 1–50', icon: 'none' });
    if (!Number.isInteger(d) || d < 1 || d > 30) return Taro.showToast({ title: '有效天数 1–30', icon: 'none' });
    await run(async () => {
      setInvite(await teamApi.invite(u, d, key));
      setKey(newIdempotencyKey());
    });
  };
  const link = invite ? (process.env.TARO_ENV === 'h5' ? h5Link(invite.path) : invite.path) : '';
  const copy = async () => {
    await Taro.setClipboardData({ data: link });
    Taro.showToast({ title: '邀请链接已复制', icon: 'success' });
  };

  return (
    <Shell>
      <View className="card">
        <View className="bo-field">
          <Text className="bo-label">可用次数</Text>
          <Input className="bo-input" type="number" value={uses} onInput={(e) => setUses(e.detail.value)} data-testid="invite-uses" />
        </View>
        <View className="bo-field">
          <Text className="bo-label">有效天数</Text>
          <Input className="bo-input" type="number" value={days} onInput={(e) => setDays(e.detail.value)} data-testid="invite-days" />
        </View>
        <Button className="btn-primary" disabled={busy} onClick={create} data-testid="invite-create">
          生成邀请
        </Button>
      </View>
      {invite ? (
        <View className="card" data-testid="invite-result">
          <View className="card-title">邀请码</View>
          <Text className="bo-code" data-testid="invite-code">
            {invite.code}
          </Text>
          <Text className="muted">
            可用 {invite.usesLeft} 次 · {invite.expiresAt.slice(0, 10)} 到期 · 对方扫码或打开链接，填写姓名和职位即成为销售
          </Text>
          {invite.qrUrl ? <Image className="bo-qr" src={invite.qrUrl} mode="aspectFit" showMenuByLongpress data-testid="invite-qr" /> : null}
          <Text className="bo-link" data-testid="invite-link">
            {link}
          </Text>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className="btn-primary" openType="share">
              转发邀请给好友
            </Button>
          ) : (
            <Button className="btn-primary" onClick={copy} data-testid="invite-copy">
              复制邀请链接
            </Button>
          )}
        </View>
      ) : null}
    </Shell>
  );
}
