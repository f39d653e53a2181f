import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input, Button } from '@tarojs/components';
import { h5Link, mintShare, type ShareTargetType } from '../services/share';
import { toastError } from '../hooks/use-cloud';

const CAMPAIGN = /^[A-Za-z0-9_-]{1,24}$/;

/**
 * A share for a named campaign (`share.create {campaign}`): every open, customer and order it
 * brings — and every re-share below it — is counted in that campaign's funnel and K-factor.
 */
export function CampaignLink({ type, id }: { type: ShareTargetType; id: string }) {
  const [campaign, setCampaign] = useState('');
  const [link, setLink] = useState<string>();
  const make = async () => {
    if (!CAMPAIGN.test(campaign)) {
      Taro.showToast({ title: '活动名：字母、数字、-、_，最多 24 位', icon: 'none' });
      return;
    }
    try {
      const m = await mintShare(type, id, process.env.TARO_ENV === 'h5' ? 'link' : 'card', campaign);
      const url = process.env.TARO_ENV === 'h5' ? h5Link(m.path) : m.path;
      setLink(url);
      await Taro.setClipboardData({ data: url });
    } catch (e) {
      toastError(e);
    }
  };
  return (
    <View className="campaign-link" data-testid="campaign-link">
      <Text className="muted">活动链接（按活动统计漏斗和 K 因子）</Text>
      <View className="row">
        <Input className="input grow" placeholder="活动名，如 spring" value={campaign} onInput={(e) => setCampaign(e.detail.value.trim())} data-testid="campaign-name" />
        <Button className="btn-ghost" size="mini" onClick={make} data-testid="campaign-make">
          生成
        </Button>
      </View>
      {link ? (
        <Text className="muted ellipsis" data-testid="campaign-url">
          {link}
        </Text>
      ) : null}
    </View>
  );
}
