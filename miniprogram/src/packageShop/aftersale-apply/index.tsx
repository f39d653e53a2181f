import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Button, Image, Textarea } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { useCloud } from '../../hooks/use-cloud';
import { aftersaleApi, orderApi, type OrderView } from '../../services/api';
import { AFTERSALE_KIND_TEXT, LINE_STATE_TEXT } from '../../services/aftersale-text';
import { errorCode, errorText } from '../../services/errors';
import { chooseAndUploadImage, type UploadedFile } from '../../services/storage';
import { askForMessages } from '../../services/subscribe';
import { formatFen } from '../../utils/money';

type Kind = keyof typeof AFTERSALE_KIND_TEXT;
const MAX_PHOTOS = 3;

/** Why a request was refused, in the buyer's words (the window, a line taken meanwhile). */
function refusalText(e: unknown): string {
  const code = errorCode(e);
  if (code === 'EXPIRED') return '已超过售后期限，无法申请';
  if (code === 'FAILED_PRECONDITION') return '所选商品当前不能申请该售后（可能已发货或已有售后申请）';
  return errorText(e);
}

/** Lines a request may name: not refunded or returned, no request open on them. */
const askable = (l: OrderView['lines'][number]) => (l.state === 'open' || l.state === 'shipped') && !l.afterSaleId;

/**
 * 申请售后: the lines, refund only (not shipped, or not received) or return and refund (shipped
 * lines), a reason, up to 3 photos (uploaded to the buyer's own storage folder). The tap that
 * sends it asks for the after-sale result messages.
 */
export default function AfterSaleApplyPage() {
  const { params } = useRouter();
  const orderId = params.orderId || '';
  const state = useCloud(() => orderApi.get(orderId), [orderId]);
  const [picked, setPicked] = useState<Record<string, boolean>>({});
  const [kind, setKind] = useState<Kind>('refund');
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<UploadedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState('');

  async function addPhoto() {
    try {
      const file = await chooseAndUploadImage('aftersale');
      setPhotos((p) => [...p, file].slice(0, MAX_PHOTOS));
    } catch (e) {
      if (errorCode(e) !== 'CANCELLED') Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  async function submit(lineIds: string[]) {
    setBusy(true);
    setRefusal('');
    await askForMessages('aftersale');
    try {
      const r = await aftersaleApi.request({ orderId, lineIds, kind, reason: reason.trim(), photos: photos.length ? photos.map((p) => p.fileId) : undefined });
      Taro.showToast({ title: r.status === 'refunded' ? '已退款' : '已提交', icon: 'success' });
      await Taro.redirectTo({ url: `/packageShop/aftersale/index?id=${encodeURIComponent(r.requestId)}` });
    } catch (e) {
      setRefusal(refusalText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={4} />}>
        {(o: OrderView) => {
          const lines = o.lines.filter(askable);
          const lineIds = lines.filter((l) => picked[l.lineId]).map((l) => l.lineId);
          const anyShipped = lines.some((l) => picked[l.lineId] && l.state === 'shipped');
          const refundFen = lines.filter((l) => picked[l.lineId]).reduce((s, l) => s + l.paidFen - l.refundedFen, 0);
          return (
            <View>
              <View className="card">
                <View className="card-title">选择商品</View>
                {lines.length === 0 ? <Text className="muted">这个订单没有可以申请售后的商品</Text> : null}
                {lines.map((l) => (
                  <View key={l.lineId} className="order-line row" onClick={() => setPicked((p) => ({ ...p, [l.lineId]: !p[l.lineId] }))} data-testid={`as-line-${l.lineId}`}>
                    <Text className={picked[l.lineId] ? 'co-check on' : 'co-check'}>{picked[l.lineId] ? '✓' : ''}</Text>
                    <View className="grow">
                      <Text className="order-line-title ellipsis">{l.title}</Text>
                      <Text className="muted">{`${l.skuName} ×${l.qty} · ${LINE_STATE_TEXT[l.state]}`}</Text>
                    </View>
                    <Text>{formatFen(l.paidFen)}</Text>
                  </View>
                ))}
              </View>
              <View className="card">
                <View className="card-title">售后类型</View>
                <View className="tabs">
                  {(Object.keys(AFTERSALE_KIND_TEXT) as Kind[]).map((k) => (
                    <View key={k} className={`tab ${k === kind ? 'active' : ''}`} onClick={() => setKind(k)} data-testid={`as-kind-${k}`}>
                      {AFTERSALE_KIND_TEXT[k]}
                    </View>
                  ))}
                </View>
                <Text className="muted">
                  {kind === 'refund' ? (anyShipped ? '已发货未收到货可申请仅退款，商家审核后退款' : '未发货的商品提交后立即退款') : '商家同意后请寄回商品并填写快递单号，商家收到后退款'}
                </Text>
              </View>
              <View className="card">
                <View className="card-title">申请原因</View>
                <Textarea className="as-reason" maxlength={200} placeholder="请描述问题（必填）" value={reason} onInput={(e) => setReason(e.detail.value)} data-testid="as-reason" />
                <View className="row as-photos">
                  {photos.map((p) => (
                    <Image key={p.fileId} className="as-photo" src={p.url} mode="aspectFill" onClick={() => setPhotos((all) => all.filter((x) => x.fileId !== p.fileId))} />
                  ))}
                  {photos.length < MAX_PHOTOS ? (
                    <View className="as-photo as-photo-add" onClick={addPhoto} data-testid="as-photo-add">
                      +
                    </View>
                  ) : null}
                </View>
                <Text className="muted">{`最多 ${MAX_PHOTOS} 张照片，点照片可删除`}</Text>
              </View>
              {refusal ? (
                <View className="card error-text" data-testid="as-refusal">
                  {refusal}
                </View>
              ) : null}
              <View className="bottom-space" />
              <View className="bottom-bar order-actions">
                <Text className="grow">{lineIds.length ? `退款 ${formatFen(refundFen)}` : '请选择商品'}</Text>
                <Button size="mini" className="btn-primary" disabled={busy || lineIds.length === 0 || !reason.trim()} onClick={() => submit(lineIds)} data-testid="as-submit">
                  提交申请
                </Button>
              </View>
            </View>
          );
        }}
      </Loadable>
    </Shell>
  );
}
