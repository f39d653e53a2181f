import '../../components/training.css';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { KpiRow } from '../../components/kpi-row';
import { Shell } from '../../components/shell';
import { ErrorView } from '../../components/states';
import { ShareBar } from '../../components/share-bar';
import { FollowUpList } from '../../components/follow-up-list';
import { ShelfLiveBanner } from '../../components/shelf-live-banner';
import { useCloud } from '../../hooks/use-cloud';
import { customerApi, salesApi, trainingApi } from '../../services/api';
import { myOpenid } from '../../services/role';
import { mintShare, shareCard } from '../../services/share';
import { CampaignLink } from '../../components/campaign-link';
import { formatFen } from '../../utils/money';
import { MyCard } from './my-card';
import './index.css';

const LINKS = [
  { text: '我的名片', sub: '照片 · 电话 · 微信 · 推荐', url: '/packageSales/card-edit/index' },
  { text: '素材库', sub: '文章 · 手册 · 案例 · 视频 · 海报，一键转发', url: '/packageSales/materials/index' },
  { text: '阅读雷达', sub: '谁读了什么、读了多久', url: '/packageSales/radar/index' },
  { text: '我的货架', sub: '挑选上架商品', url: '/packageSales/curate/index' },
  { text: '我的客户', sub: '绑定状态 · 保护期 · 浏览', url: '/packageSales/customers/index' },
  { text: '客户订单', sub: '我名下的成交', url: '/packageSales/orders/index' },
  { text: '佣金明细', sub: '待结算 / 可结算 / 已发放 / 已冲回', url: '/packageSales/ledger/index' },
  { text: '排行榜', sub: '业绩与拉新', url: '/packageSales/leaderboard/index' },
  { text: '培训学习', sub: '指派给我的课程与测验', url: '/packageSales/training/index' },
  { text: '提现', sub: '可提现余额 · 申请 · 进度', url: '/packageSales/payout/index' },
];

export default function WorkbenchPage() {
  const ledger = useCloud(() => salesApi.ledger());
  const today = useCloud(() => customerApi.today());
  const training = useCloud(() => trainingApi.courses());
  const salesId = ledger.data?.salesId || myOpenid() || 'me';
  const t = ledger.data?.totals;
  const title = '我的精选货架，欢迎来逛';
  useShareAppMessage(() => ({ title, path: '/pages/shelf/index', promise: mintShare('shelf', salesId).then((m) => shareCard(m, title)) }));

  return (
    <Shell>
      {ledger.error && !ledger.data ? (
        <ErrorView error={ledger.error} onRetry={ledger.reload} />
      ) : (
        <View>
          <FollowUpList
            rows={today.data?.items ?? []}
            limit={3}
            header={
              <View className="card-title" data-testid="wb-today">
                <Text>今日跟进</Text>
                <Text className="muted" onClick={() => Taro.navigateTo({ url: '/packageSales/today/index' })}>
                  {today.data ? `${today.data.items.length} 位客户 ›` : '加载中'}
                </Text>
              </View>
            }
          />
          <View className="wb-head">
            <Text className="wb-label">待结算佣金</Text>
            <Text className="wb-big" data-testid="wb-pending">
              {formatFen(t?.pendingFen ?? 0)}
            </Text>
            <KpiRow
              look={{ row: 'wb-kpis', cell: 'wb-kpi', value: 'wb-kpi-num', label: 'wb-kpi-label' }}
              items={[
                { value: formatFen(t?.settleableFen ?? 0), label: '可结算' },
                { value: formatFen(t?.paidFen ?? 0), label: '已发放' },
                { value: formatFen(t?.reversedFen ?? 0), label: '已冲回' },
              ]}
            />
          </View>
          {ledger.data?.salesId ? <MyCard salesId={ledger.data.salesId} /> : null}
          <View className="card" data-testid="wb-share-centre" data-shelf-live={training.data ? (training.data.shelf.live ? '1' : '0') : ''}>
            <View className="card-title">分享中心</View>
            {training.data ? <ShelfLiveBanner shelf={training.data.shelf} /> : null}
            {ledger.data?.salesId ? <CampaignLink type="shelf" id={ledger.data.salesId} /> : null}
            <Text className="muted wb-share-tip">分享卡片、海报或朋友圈，客户打开即绑定到你名下（保护期内他人无法抢客）。</Text>
            <ShareBar type="shelf" id={salesId} page="/pages/shelf/index" label="分享货架" />
            <View className="cell" onClick={() => Taro.switchTab({ url: '/pages/shelf/index' })}>
              <Text>预览我的货架</Text>
              <Text className="cell-arrow">›</Text>
            </View>
          </View>
          <View className="card">
            {LINKS.map((l) => (
              <View key={l.url} className="cell" onClick={() => Taro.navigateTo({ url: l.url })} data-testid={`wb-link-${l.url.split('/')[2]}`}>
                <View>
                  <Text>{l.text}</Text>
                  <Text className="muted wb-sub">{l.sub}</Text>
                </View>
                <Text className="cell-arrow">›</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </Shell>
  );
}
