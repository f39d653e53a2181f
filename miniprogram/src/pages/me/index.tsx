import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import { ProfileSheet } from '../../components/profile-sheet';
import { Shell } from '../../components/shell';
import { useCloud } from '../../hooks/use-cloud';
import { meApi } from '../../services/api';
import { useKnownRole } from '../../services/role';
import { currentShareId } from '../../services/share';
import './index.css';

interface Entry {
  text: string;
  url: string;
  roles?: string[];
}

const SHOP: Entry[] = [
  { text: '我的优惠券', url: '/packageShop/coupons/index?tab=mine' },
  { text: '领券中心', url: '/packageShop/coupons/index?tab=center' },
  { text: '我的售后', url: '/packageShop/aftersale/index' },
  { text: '我的订单', url: '/pages/orders/index' },
];
const WORK: Entry[] = [
  { text: '销售工作台', url: '/packageSales/workbench/index', roles: ['sales'] },
  { text: '我的培训', url: '/packageSales/training/index', roles: ['sales'] },
  { text: '老板看板', url: '/packageBoss/dashboard/index', roles: ['boss', 'ops'] },
  { text: '培训报表', url: '/packageBoss/training-report/index', roles: ['boss', 'ops'] },
  { text: '后台管理', url: '/packageBoss/home/index', roles: ['boss', 'ops'] },
  { text: '待办队列', url: '/packageBoss/queues/index', roles: ['boss', 'ops'] },
  { text: '营销与客户（素材效果 · 客户阶段）', url: '/packageBoss/briefcase-report/index', roles: ['boss', 'ops'] },
];
const ROLE_TEXT: Record<string, string> = { customer: '顾客', sales: '销售', boss: '老板', ops: '运营' };

export default function MePage() {
  const role = useKnownRole();
  const go = (e: Entry) => (e.url.startsWith('/pages/orders') ? Taro.switchTab({ url: e.url }) : Taro.navigateTo({ url: e.url }));
  const work = WORK.filter((e) => !role || !e.roles || e.roles.includes(role));
  const sid = currentShareId();
  const profile = useCloud(() => meApi.profile());
  const [editing, setEditing] = useState(false);
  // The sheet takes the whole screen: the tab bar would sit over its save button (h5).
  useEffect(() => {
    if (!editing) return undefined;
    Taro.hideTabBar({ animation: false }).catch(() => undefined);
    return () => {
      Taro.showTabBar({ animation: false }).catch(() => undefined);
    };
  }, [editing]);
  const p = profile.data;
  const roleText = ROLE_TEXT[p?.role ?? role ?? ''] || '微信用户';
  return (
    <Shell>
      <View className="me-head" onClick={() => p && setEditing(true)} data-testid="profile-edit">
        {p?.avatarUrl ? <Image className="avatar me-avatar-img" src={p.avatarUrl} mode="aspectFill" data-testid="me-avatar" /> : <View className="avatar me-avatar">我</View>}
        <View className="grow">
          <Text className="me-name" data-testid="me-nickname">
            {p?.nickname || roleText}
          </Text>
          <Text className="me-sub">{p && !p.complete ? '点击设置头像和昵称' : roleText}</Text>
          {sid ? <Text className="me-sub">来自分享 {sid}</Text> : null}
        </View>
        <Text className="cell-arrow">›</Text>
      </View>
      {editing && p ? (
        <ProfileSheet profile={p} onClose={() => setEditing(false)} onSaved={profile.setData} />
      ) : null}
      <View className="card">
        {SHOP.map((e) => (
          <View key={e.text} className="cell" onClick={() => go(e)}>
            <Text>{e.text}</Text>
            <Text className="cell-arrow">›</Text>
          </View>
        ))}
      </View>
      {work.length ? (
        <View className="card">
          {work.map((e) => (
            <View key={e.text} className="cell" onClick={() => go(e)} data-testid={e.url}>
              <Text>{e.text}</Text>
              <Text className="cell-arrow">›</Text>
            </View>
          ))}
        </View>
      ) : null}
      {process.env.TARO_ENV === 'h5' && role === 'ops' ? (
        <View className="card">
          <View className="cell" onClick={() => window.open('/console', '_blank')}>
            <Text>运营控制台（本地云）</Text>
            <Text className="cell-arrow">›</Text>
          </View>
        </View>
      ) : null}
    </Shell>
  );
}
