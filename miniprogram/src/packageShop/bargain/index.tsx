import { useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { ShareBar } from '../../components/share-bar';
import { useCloud, useNow } from '../../hooks/use-cloud';
import { addressApi, bargainApi, newIdempotencyKey, type BargainView } from '../../services/api';
import { errorCode, errorText } from '../../services/errors';
import { payOrder } from '../../services/order-actions';
import { usePayResult } from '../../services/pay-result';
import { mintShare } from '../../services/share';
import { formatFen } from '../../utils/money';
import { formatCountdown, toMs } from '../../utils/time';
import { BARGAIN_ERROR_TEXT, BARGAIN_PHASE_TEXT } from './text';
import './index.css';

const PAGE = '/packageShop/bargain/index';

function toastRefusal(e: unknown): void {
  Taro.showToast({ title: BARGAIN_ERROR_TEXT[errorCode(e)] ?? errorText(e), icon: 'none', duration: 2500 });
}

/**
 * 砍价: opened with `id` (a bargain, from its share or the starter's list) or with `productId` and
 * `skuId` (the product page's "发起砍价": starts one, or answers the caller's running one).
 */
export default function BargainPage() {
  const { params } = useRouter();
  const [bargainId, setBargainId] = useState(params.id || '');
  const state = useCloud(async () => {
    if (bargainId) return bargainApi.get(bargainId);
    const started = await bargainApi.start(params.productId || '', params.skuId || '');
    setBargainId(started.bargainId);
    return started;
  }, [bargainId]);
  const [busy, setBusy] = useState(false);
  const now = useNow();
  usePayResult();
  const b = state.data;
  const title = b ? `帮我砍一刀！${b.title}，最低 ${formatFen(b.floorPriceFen)}` : '帮我砍一刀';

  useShareAppMessage(() => ({
    title,
    path: PAGE,
    promise: mintShare('bargain', bargainId).then((m) => ({ title, path: m.path })),
  }));

  /** One tap's work with the buttons held, a refusal said in the bargain's words. */
  const act = (work: (d: BargainView) => Promise<void>) => (d: BargainView) => {
    setBusy(true);
    work(d)
      .catch(toastRefusal)
      .finally(() => setBusy(false));
  };

  const help = act(async (d) => {
    const after = await bargainApi.help(d.bargainId);
    state.setData(after);
    Taro.showToast({ title: `帮砍 ${formatFen(after.myHelp?.cutFen ?? 0)}`, icon: 'success' });
  });

  const buy = act(async (d) => {
    const book = await addressApi.list();
    const addressId = book.defaultId ?? book.addresses[0]?.addressId;
    if (!addressId) {
      Taro.navigateTo({ url: '/packageShop/address/index' });
      return;
    }
    const order = await bargainApi.buy(d.bargainId, newIdempotencyKey(), addressId);
    await payOrder(order.orderId, `/packageShop/order/index?id=${order.orderId}`);
  });

  return (
    <Shell className="bargain">
      <Loadable state={state} skeleton={<Skeleton rows={3} />}>
        {(d: BargainView) => {
          const left = toMs(d.expiresAt) - now;
          const cutShare = Math.round((d.cutFen / Math.max(1, d.startPriceFen - d.floorPriceFen)) * 100);
          return (
            <View>
              <View className="card bg-main">
                <Text className="card-title">{d.title}</Text>
                <Text className="bg-phase" data-testid="bargain-phase">
                  {left <= 0 && d.phase !== 'ordered' ? BARGAIN_PHASE_TEXT.expired : BARGAIN_PHASE_TEXT[d.phase]}
                </Text>
                <Text className="price bg-price" data-testid="bargain-price">
                  {formatFen(d.reachedPriceFen)}
                </Text>
                <Text className="muted">
                  原价 {formatFen(d.startPriceFen)} · 已砍 {formatFen(d.cutFen)} · 底价 {formatFen(d.floorPriceFen)}
                </Text>
                <View className="bg-progress">
                  <View className="bg-progress-bar" style={{ width: `${cutShare}%` }} />
                </View>
                <Text data-testid="bargain-left">还需 {d.helpsLeft} 位好友帮砍（共 {d.helpersNeeded} 位）</Text>
                {left > 0 && d.phase !== 'ordered' ? <Text className="muted"> · 剩余 {formatCountdown(left)}</Text> : null}
                {d.mine ? (
                  d.phase === 'open' || d.phase === 'done' ? (
                    <View>
                      {d.phase === 'open' ? <ShareBar type="bargain" id={d.bargainId} page={`${PAGE}?id=${d.bargainId}`} label="邀请好友帮砍" /> : null}
                      <Button className="btn-primary bg-btn" disabled={busy} onClick={() => buy(d)} data-testid="bargain-buy">
                        {formatFen(d.reachedPriceFen)} 立即购买
                      </Button>
                    </View>
                  ) : d.orderId ? (
                    <Button className="btn-ghost bg-btn" onClick={() => Taro.navigateTo({ url: `/packageShop/order/index?id=${d.orderId}` })}>
                      查看订单
                    </Button>
                  ) : null
                ) : d.myHelp ? (
                  <Text className="bg-phase" data-testid="bargain-my-help">
                    你帮 {d.starterName || 'TA'} 砍了 {formatFen(d.myHelp.cutFen)}
                  </Text>
                ) : d.phase === 'open' ? (
                  <Button className="btn-warn bg-btn" disabled={busy} onClick={() => help(d)} data-testid="bargain-help">
                    帮 {d.starterName || 'TA'} 砍一刀
                  </Button>
                ) : null}
              </View>
              <View className="card">
                <Text className="card-title">好友助力</Text>
                {d.helps.length === 0 ? <Text className="muted">还没有好友帮砍</Text> : null}
                {d.helps.map((h) => (
                  <View key={h.index} className="bg-help" data-testid="bargain-help-row">
                    <Text>{h.name || `好友${h.index}`}</Text>
                    <Text className="price">-{formatFen(h.cutFen)}</Text>
                  </View>
                ))}
              </View>
              <View className="card muted bg-rules">规则：每位好友只能帮砍一次，{d.helpersNeeded}位好友帮砍即到底价；发起人在截止前以当前价购买，每个砍价只能下一单。</View>
            </View>
          );
        }}
      </Loadable>
    </Shell>
  );
}
