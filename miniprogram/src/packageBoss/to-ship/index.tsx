import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input, Button, Textarea } from '@tarojs/components';
import { CarrierPicker } from '../../components/carrier-picker';
import { Shell } from '../../components/shell';
import { CursorListBody } from '../../components/states';
import { useCursorList } from '../../hooks/use-cursor-list';
import { fulfilApi, type CarrierCode, type ShipManyResult, type ToShipRow } from '../../services/api';
import { LINE_STATE_TEXT } from '../../services/aftersale-text';
import { ERROR_TEXT } from '../../services/errors';
import { useAction } from '../../hooks/use-action';
import { parsePastedShipments, type PastedShipments } from '../../../../shared/fulfil/paste';
import { formatFen } from '../../utils/money';
import { formatDateTime } from '../../utils/time';
import '../backoffice.css';

const OUTCOME_TEXT: Record<ShipManyResult['outcome'], string> = { shipped: '已发货', already_shipped: '之前已发货', refused: '未发货' };

/** One order to ship: pick its unshipped lines (all by default), carrier, tracking number. */
function ShipCard({ o, onDone }: { o: ToShipRow; onDone: () => void }) {
  const waiting = o.lines.filter((l) => l.state === 'open' && !l.afterSaleId);
  const [skipped, setSkipped] = useState<Record<string, boolean>>({});
  const [carrier, setCarrier] = useState<CarrierCode>('SF');
  const [trackingNo, setTrackingNo] = useState('');
  const { busy, act } = useAction(onDone);
  const lineIds = waiting.filter((l) => !skipped[l.lineId]).map((l) => l.lineId);
  const ship = () => act(() => fulfilApi.ship(o.orderId, lineIds, carrier, trackingNo.trim()), (r) => ((r as { alreadyShipped: boolean }).alreadyShipped ? '之前已发货' : '已发货'));
  return (
    <View className="card" data-testid={`to-ship-${o.orderId}`}>
      <View className="between">
        <Text className="order-line-title">{o.buyerName || o.buyerOpenid}</Text>
        <Text className="price">{formatFen(o.totalFen)}</Text>
      </View>
      <Text className="muted">{`${o.orderId} · 付款 ${formatDateTime(o.paidAt)}${o.kind === 'group' ? ' · 拼团' : ''}`}</Text>
      {o.lines.map((l) => {
        const can = waiting.includes(l);
        return (
          <View key={l.lineId} className="order-line row" onClick={() => can && setSkipped((s) => ({ ...s, [l.lineId]: !s[l.lineId] }))}>
            {can ? <Text className={skipped[l.lineId] ? 'co-check' : 'co-check on'}>{skipped[l.lineId] ? '' : '✓'}</Text> : null}
            <View className="grow">
              <Text>{`${l.title} ${l.skuName} ×${l.qty}`}</Text>
              <Text className="muted">{l.afterSaleId ? '售后处理中，暂不发货' : LINE_STATE_TEXT[l.state]}</Text>
            </View>
          </View>
        );
      })}
      {o.shipments.map((s) => (
        <Text key={s.shipmentId} className="muted">{`已发 ${s.carrierName} ${s.trackingNo}`}</Text>
      ))}
      <CarrierPicker value={carrier} onChange={setCarrier} testid={`ship-carrier-${o.orderId}`} />
      <View className="as-field">
        <Input placeholder="快递单号" value={trackingNo} onInput={(e) => setTrackingNo(e.detail.value)} data-testid={`ship-tracking-${o.orderId}`} />
      </View>
      <Button size="mini" className="btn-primary" disabled={busy || lineIds.length === 0 || trackingNo.trim().length < 8} onClick={ship} data-testid={`ship-submit-${o.orderId}`}>
        {`发货 ${lineIds.length} 件`}
      </Button>
    </View>
  );
}

/** Pasted rows (`订单号,快递公司,单号` per line): each row's problem before sending, each row's outcome after. */
function PasteCard({ onDone }: { onDone: () => void }) {
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<PastedShipments>();
  const [results, setResults] = useState<ShipManyResult[]>([]);
  const { busy, act } = useAction(onDone);
  const send = (p: PastedShipments) => act(async () => setResults((await fulfilApi.shipMany(p.rows)).results), '已提交');
  return (
    <View className="card">
      <View className="card-title">批量发货（粘贴表格）</View>
      <Textarea
        className="as-paste"
        maxlength={-1}
        placeholder={'每行：订单号,快递公司,快递单号\n如 o123,顺丰,SF1234567890123'}
        value={text}
        onInput={(e) => {
          setText(e.detail.value);
          setParsed(parsePastedShipments(e.detail.value));
          setResults([]);
        }}
        data-testid="ship-paste"
      />
      {parsed?.problems.map((p) => (
        <Text key={p.line} className="error-text">{`第 ${p.line} 行：${p.problem}`}</Text>
      ))}
      {results.map((r) => (
        <Text key={r.orderId} className={r.outcome === 'refused' ? 'error-text' : 'muted'} data-testid={`ship-result-${r.orderId}`}>{`${r.orderId}：${OUTCOME_TEXT[r.outcome]}${r.code ? `（${ERROR_TEXT[r.code] ?? r.code}）` : ''}`}</Text>
      ))}
      <Button size="mini" className="btn-primary" disabled={busy || !parsed || parsed.rows.length === 0} onClick={() => parsed && send(parsed)} data-testid="ship-paste-submit">
        {`发货 ${parsed?.rows.length ?? 0} 单`}
      </Button>
    </View>
  );
}

/** 待发货 (ops, boss): orders to ship, oldest paid first; one parcel per form, or many from a paste. */
export default function ToShipPage() {
  const list = useCursorList((cursor) => fulfilApi.toShip(cursor));
  return (
    <Shell>
      <PasteCard onDone={list.reload} />
      <CursorListBody list={list} empty="没有待发货的订单">
        {(o) => <ShipCard key={o.orderId} o={o} onDone={list.reload} />}
      </CursorListBody>
    </Shell>
  );
}
