import { View, Text } from '@tarojs/components';
import type { ProductDetail } from '../services/api';
import { formatFen } from '../utils/money';

type Deal = ProductDetail['groupDeals'][number];

/**
 * The group sizes a product is on sale in (e.g. 2-person and 3-person deals), in the order the
 * product reply gives them — a groupSizeFirst experiment puts the caller's arm's size first — for
 * the customer to switch between. Nothing when the product has one deal or none.
 */
export function DealSizes({ deals, selected, onSelect }: { deals: Deal[]; selected: string | undefined; onSelect: (dealId: string) => void }) {
  if (deals.length < 2) return null;
  return (
    <View className="pd-badges" data-testid="deal-sizes">
      {deals.map((d) => (
        <Text key={d.dealId} className={`badge group${d.dealId === selected ? ' active' : ''}`} onClick={() => onSelect(d.dealId)} data-testid={`deal-size-${d.groupSize}`}>
          {d.groupSize}人团 {formatFen(d.groupPriceFen)}
        </Text>
      ))}
    </View>
  );
}

/** The product as shown with the chosen deal (the reply's first deal until the customer picks another). */
export function withChosenDeal(d: ProductDetail, dealId: string | undefined): ProductDetail {
  const chosen = d.groupDeals.find((x) => x.dealId === dealId);
  return chosen ? { ...d, groupDeal: chosen } : d;
}
