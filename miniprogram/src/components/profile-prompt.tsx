import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { useCloud } from '../hooks/use-cloud';
import { meApi } from '../services/api';
import { ProfileSheet } from './profile-sheet';

const DISMISSED = 'linkshelf.profilePromptDismissed';

/**
 * After an order is paid — the natural moment — a small card asks the customer for an avatar and
 * a nickname, so their salesperson can greet them by name. Never a modal, never in the way of
 * buying; "以后再说" hides it for good on this device.
 */
export function ProfilePrompt() {
  const [hidden, setHidden] = useState(() => !!Taro.getStorageSync(DISMISSED));
  const [open, setOpen] = useState(false);
  const profile = useCloud(() => meApi.profile(), [], { skip: hidden });
  const p = profile.data;
  if (hidden || !p || p.complete) return null;
  const dismiss = () => {
    Taro.setStorageSync(DISMISSED, '1');
    setHidden(true);
  };
  return (
    <View className="card" data-testid="profile-prompt">
      <Text>完善头像和昵称，方便专属顾问称呼你、为你服务</Text>
      <View className="row" style={{ marginTop: '16px', justifyContent: 'flex-end', gap: '16px' }}>
        <Button className="btn-plain" size="mini" onClick={dismiss} data-testid="profile-prompt-later">
          以后再说
        </Button>
        <Button className="btn-primary" size="mini" onClick={() => setOpen(true)} data-testid="profile-prompt-open">
          去设置
        </Button>
      </View>
      {open ? (
        <ProfileSheet profile={p} onClose={() => setOpen(false)} onSaved={profile.setData} />
      ) : null}
    </View>
  );
}
