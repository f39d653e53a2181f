import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty, Loadable, Skeleton } from '../../components/states';
import { useCloud, useNow } from '../../hooks/use-cloud';
import { addressApi, flashApi, newIdempotencyKey, type FlashSaleView } from '../../services/api';
import { errorCode } from '../../services/errors';
import { askForMessages } from '../../services/subscribe';
import { cloudNowOf, FLASH_PHASE_TEXT, flashStatusText, loadFlashSales, type FlashListed } from '../../services/flash';
import { formatFen } from '../../utils/money';
import { flashRefusalText } from './refusal';
import './index.css';

/** The address a flash order ships to: the default of the customer's book, else the first. */
async function shipToAddressId(): Promise<string | undefined> {
  const book = await addressApi.list();
  return (book.addresses.find((a) => a.isDefault) ?? book.addresses[0])?.addressId;
}

/**
 * Flash sales (秒杀): a countdown before each sale starts (with a reminder to ask for), the units
 * left while it runs, and one tap to take a unit — the order then waits for payment on its page.
 * Time is the cloud's (`list.now`), so every phone counts down to the same second.
 */
export default function FlashPage() {
  const state = useCloud(loadFlashSales);
  const now = useNow();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState('');
  // Back from an order (paid or not): the units left have changed.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void state.reload();
    shown.current = true;
  });
  const note = (flashId: string, text: string) => setNotes((n) => ({ ...n, [flashId]: text }));

  const buy = async (sale: FlashSaleView) => {
    setBusy(sale.flashId);
    try {
      const addressId = await shipToAddressId();
      if (!addressId) {
        note(sale.flashId, '请先添加收货地址');
        Taro.navigateTo({ url: '/packageShop/address/index' });
        return;
      }
      const order = await flashApi.buy(sale.flashId, newIdempotencyKey(), addressId);
      Taro.navigateTo({ url: `/packageShop/order/index?id=${encodeURIComponent(order.orderId)}` });
    } catch (e) {
      note(sale.flashId, flashRefusalText(errorCode(e), sale));
      void state.reload();
    } finally {
      setBusy('');
    }
  };

  const remind = async (sale: FlashSaleView) => {
    // Asked inside the tap (WeChat's rule): the reminder is a subscribe message at the start.
    await askForMessages('flashRemind');
    try {
      await flashApi.remind(sale.flashId);
      note(sale.flashId, '开抢时提醒你');
    } catch (e) {
      note(sale.flashId, flashRefusalText(errorCode(e), sale));
    }
  };

  return (
    <Shell className="flash">
      <Loadable state={state} skeleton={<Skeleton rows={3} />} isEmpty={(d: FlashListed) => d.sales.length === 0} empty={<Empty text="暂时没有秒杀活动" />}>
        {(d: FlashListed) => {
          const cloudNow = cloudNowOf(d, now);
          return (
            <View>
              {d.sales.map((s) => (
                <View key={s.flashId} className="card fl-sale" data-testid={`flash-${s.flashId}`}>
                  <View className="row fl-head">
                    <Text className="fl-title">{s.title}</Text>
                    <Text className={`tag fl-phase p-${s.phase}`}>{FLASH_PHASE_TEXT[s.phase]}</Text>
                  </View>
                  <View className="row fl-prices">
                    <Text className="price fl-price">{formatFen(s.flashPriceFen)}</Text>
                    <Text className="fl-list">{formatFen(s.listPriceFen)}</Text>
                    <Text className="fl-limit">每人限购 {s.perUserLimit} 件{s.newCustomersOnly ? ' · 仅限新客' : ''}</Text>
                  </View>
                  {s.phase === 'upcoming' ? (
                    <View className="row fl-foot">
                      <Text className="fl-countdown" data-testid={`flash-countdown-${s.flashId}`}>
                        {flashStatusText(s, cloudNow)}
                      </Text>
                      <Button size="mini" className="btn-ghost" onClick={() => remind(s)} data-testid={`flash-remind-${s.flashId}`}>
                        提醒我
                      </Button>
                    </View>
                  ) : (
                    <View className="row fl-foot">
                      <Text className="fl-left" data-testid={`flash-remaining-${s.flashId}`} data-left={s.remaining}>
                        {flashStatusText(s, cloudNow)}
                        {s.mine > 0 ? ` · 已抢 ${s.mine} 件` : ''}
                      </Text>
                      <Button size="mini" className="btn-warn" disabled={s.phase !== 'live' || busy === s.flashId} onClick={() => buy(s)} data-testid={`flash-buy-${s.flashId}`}>
                        {s.phase === 'live' ? '立即抢购' : FLASH_PHASE_TEXT[s.phase]}
                      </Button>
                    </View>
                  )}
                  <FlashNote flashId={s.flashId} text={notes[s.flashId]} />
                </View>
              ))}
            </View>
          );
        }}
      </Loadable>
    </Shell>
  );
}

/** What the last tap on a sale said (a refusal's reason, a reminder taken); nothing before a tap. */
function FlashNote({ flashId, text }: { flashId: string; text?: string }) {
  if (!text) return null;
  return (
    <Text className="fl-note" data-testid={`flash-note-${flashId}`}>
      {text}
    </Text>
  );
}
