import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Button, Input } from '@tarojs/components';
import { AfterSaleCard } from '../../components/aftersale-card';
import { CarrierPicker } from '../../components/carrier-picker';
import { Shell } from '../../components/shell';
import { CursorLoadMore, Empty, ErrorView, Loadable, Skeleton } from '../../components/states';
import { useCloud } from '../../hooks/use-cloud';
import { useAction } from '../../hooks/use-action';
import { useCursorList } from '../../hooks/use-cursor-list';
import { aftersaleApi, type AfterSaleView, type CarrierCode } from '../../services/api';
import { errorText } from '../../services/errors';

/** The buyer's return parcel: carrier and tracking number, once the return is approved. */
function ReturnForm({ r, onDone }: { r: AfterSaleView; onDone: () => void }) {
  const [carrier, setCarrier] = useState<CarrierCode>('SF');
  const [trackingNo, setTrackingNo] = useState('');
  const { busy, act } = useAction(onDone);
  const send = () => act(() => aftersaleApi.returnShipped(r.requestId, carrier, trackingNo.trim()), '已提交退货单号');
  return (
    <View className="card" data-testid="return-form">
      <View className="card-title">寄回商品</View>
      <CarrierPicker value={carrier} onChange={setCarrier} testid="return-carrier" />
      <View className="as-field">
        <Input placeholder="快递单号" value={trackingNo} onInput={(e) => setTrackingNo(e.detail.value)} data-testid="return-tracking" />
      </View>
      <Button className="btn-primary" disabled={busy || trackingNo.trim().length < 8} onClick={send} data-testid="return-submit">
        提交退货单号
      </Button>
    </View>
  );
}

function Detail({ requestId }: { requestId: string }) {
  const state = useCloud(() => aftersaleApi.get(requestId), [requestId]);
  async function cancel() {
    const { confirm } = await Taro.showModal({ title: '撤销申请', content: '撤销后商品恢复正常状态，可以再次申请。' });
    if (!confirm) return;
    try {
      await aftersaleApi.cancel(requestId);
      state.reload();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }
  return (
    <Loadable state={state} skeleton={<Skeleton rows={4} />}>
      {(r: AfterSaleView) => (
        <View>
          <AfterSaleCard r={r} />
          {r.status === 'approved' && r.kind === 'return' ? <ReturnForm r={r} onDone={state.reload} /> : null}
          <View className="order-actions">
            <Button size="mini" className="btn-plain" onClick={() => Taro.navigateTo({ url: `/packageShop/order/index?id=${encodeURIComponent(r.orderId)}` })}>
              查看订单
            </Button>
            {r.status === 'requested' || r.status === 'approved' ? (
              <Button size="mini" className="btn-plain" onClick={cancel} data-testid="aftersale-cancel">
                撤销申请
              </Button>
            ) : null}
          </View>
        </View>
      )}
    </Loadable>
  );
}

function List() {
  const list = useCursorList((cursor) => aftersaleApi.list(cursor));
  if (list.error && list.items.length === 0) return <ErrorView error={list.error} onRetry={list.reload} />;
  if (list.loading && !list.first) return <Skeleton rows={3} />;
  if (list.items.length === 0) return <Empty text="还没有售后申请" hint="在订单详情里可以申请退款或退货" />;
  return (
    <View>
      {list.items.map((r) => (
        <AfterSaleCard key={r.requestId} r={r} onClick={() => Taro.navigateTo({ url: `/packageShop/aftersale/index?id=${encodeURIComponent(r.requestId)}` })} />
      ))}
      <CursorLoadMore list={list} />
    </View>
  );
}

/** 售后: one request (`?id=`) with the return-parcel form and cancel, or the buyer's requests. */
export default function AfterSalePage() {
  const { params } = useRouter();
  return <Shell>{params.id ? <Detail requestId={params.id} /> : <List />}</Shell>;
}
