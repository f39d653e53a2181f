import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { AfterSaleCard } from '../../components/aftersale-card';
import { Shell } from '../../components/shell';
import { CursorListBody, StatusTabs } from '../../components/states';
import { useCursorList } from '../../hooks/use-cursor-list';
import { useStatusParam } from '../../hooks/use-status-param';
import { aftersaleApi, type AfterSaleStatus } from '../../services/api';
import { AFTERSALE_STATUS_TEXT } from '../../services/aftersale-text';
import '../backoffice.css';

const TABS: AfterSaleStatus[] = ['requested', 'approved', 'return_shipped', 'refunded', 'rejected'];

/** 售后申请 (ops, boss): requests by state, oldest first; a card opens its review. */
export default function AfterSaleQueuePage() {
  const [status, setStatus] = useStatusParam(TABS);
  const list = useCursorList((cursor) => aftersaleApi.queue(status, cursor), [status]);
  // Back from a review: the request may have left this tab.
  useDidShow(() => {
    if (list.first) void list.reload();
  });
  return (
    <Shell>
      <StatusTabs tabs={TABS} value={status} text={AFTERSALE_STATUS_TEXT} onChange={setStatus} testid="as-tab" />
      <CursorListBody list={list} empty="没有这个状态的售后申请">
        {(r) => <AfterSaleCard key={r.requestId} r={r} onClick={() => Taro.navigateTo({ url: `/packageBoss/aftersale-detail/index?id=${encodeURIComponent(r.requestId)}` })} />}
      </CursorListBody>
    </Shell>
  );
}
