import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Input, Button } from '@tarojs/components';
import { AfterSaleCard } from '../../components/aftersale-card';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { useAction } from '../../hooks/use-action';
import { useCloud } from '../../hooks/use-cloud';
import { aftersaleApi, type AfterSaleView } from '../../services/api';
import '../backoffice.css';

/**
 * 售后审核 (ops, boss): approve (a refund pays now; a return waits for the goods) or reject with a
 * note to the buyer; for a return on its way back, confirm the goods arrived (money and stock back).
 */
export default function AfterSaleDetailPage() {
  const { params } = useRouter();
  const requestId = params.id || '';
  const state = useCloud(() => aftersaleApi.get(requestId), [requestId]);
  const [note, setNote] = useState('');
  const { busy, act } = useAction(state.reload);
  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={4} />}>
        {(r: AfterSaleView) => (
          <View>
            <AfterSaleCard r={r} />
            {r.status === 'requested' ? (
              <View className="card">
                <View className="as-field">
                  <Input placeholder={r.kind === 'return' ? '备注（同意时写退货地址，拒绝时写原因）' : '备注（拒绝时必填原因）'} value={note} onInput={(e) => setNote(e.detail.value)} data-testid="as-review-note" />
                </View>
                <View className="order-actions">
                  <Button size="mini" className="btn-plain" disabled={busy || !note.trim()} onClick={() => act(() => aftersaleApi.review(r.requestId, false, note.trim()), '已拒绝')} data-testid="as-reject">
                    拒绝
                  </Button>
                  <Button size="mini" className="btn-primary" disabled={busy} onClick={() => act(() => aftersaleApi.review(r.requestId, true, note.trim()), r.kind === 'return' ? '已同意退货' : '已退款')} data-testid="as-approve">
                    {r.kind === 'return' ? '同意退货' : '同意退款'}
                  </Button>
                </View>
              </View>
            ) : null}
            {r.status === 'return_shipped' ? (
              <View className="card order-actions">
                <Button size="mini" className="btn-primary" disabled={busy} onClick={() => act(() => aftersaleApi.receiveReturn(r.requestId), '已退款')} data-testid="as-receive">
                  确认收到退货并退款
                </Button>
              </View>
            ) : null}
          </View>
        )}
      </Loadable>
    </Shell>
  );
}
