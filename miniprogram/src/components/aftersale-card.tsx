import { View, Text, Image } from '@tarojs/components';
import type { AfterSaleView } from '../services/api';
import { AFTERSALE_KIND_TEXT, AFTERSALE_STATUS_TEXT, LINE_STATE_TEXT } from '../services/aftersale-text';
import { formatFen } from '../utils/money';
import { formatDateTime } from '../utils/time';

/** One after-sale request: kind, state, lines, reason, photos, the reviewer's note, the return parcel. */
export function AfterSaleCard({ r, onClick }: { r: AfterSaleView; onClick?: () => void }) {
  return (
    <View className="card" onClick={onClick} data-testid={`aftersale-${r.requestId}`}>
      <View className="between">
        <Text className="order-line-title">{AFTERSALE_KIND_TEXT[r.kind]}</Text>
        <Text className={`tag ${r.status === 'rejected' || r.status === 'cancelled' ? 'grey' : r.status === 'refunded' ? '' : 'warn'}`} data-testid="aftersale-status">
          {AFTERSALE_STATUS_TEXT[r.status]}
        </Text>
      </View>
      {r.lines.map((l) => (
        <View key={l.lineId} className="muted">{`${l.title} ${l.skuName} ×${l.qty} · ${formatFen(l.paidFen)} · ${LINE_STATE_TEXT[l.state]}`}</View>
      ))}
      <View className="muted">{`订单 ${r.orderId} · 申请于 ${formatDateTime(r.createdAt)}${r.autoApproved ? ' · 自动同意' : ''}`}</View>
      <View>{`原因：${r.reason}`}</View>
      {r.photos.length ? (
        <View className="row as-photos">
          {r.photos.map((p) => (p.url ? <Image key={p.fileId} className="as-photo" src={p.url} mode="aspectFill" /> : null))}
        </View>
      ) : null}
      <View className="between">
        <Text>退款金额</Text>
        <Text className="price">{formatFen(r.refundFen)}</Text>
      </View>
      {r.note ? <View className="muted" data-testid="aftersale-note">{`商家备注：${r.note}`}</View> : null}
      {r.returnShipment ? <View className="muted">{`退货物流：${r.returnShipment.carrierName} ${r.returnShipment.trackingNo}`}</View> : null}
      {r.refundedAt ? <View className="muted">{`退款时间 ${formatDateTime(r.refundedAt)}`}</View> : null}
    </View>
  );
}
