import { View, Text } from '@tarojs/components';
import { CustomerCell } from './customer-cell';
import { Empty } from './states';
import type { FollowUpRow } from '../services/api';
import { useImageSrcs } from '../services/images';
import { REASON_TEXT, STAGE_TEXT } from '../utils/briefcase-text';
import { formatDateTime } from '../utils/time';

/** The today list's rows: who, why (strongest reason first), their stage; a tap opens the customer 360. */
export function FollowUpList({ rows, limit, header }: { rows: FollowUpRow[]; limit?: number; header?: JSX.Element }) {
  const shown = limit ? rows.slice(0, limit) : rows;
  const src = useImageSrcs(shown.map((r) => r.avatar));
  if (rows.length === 0 && !header) return <Empty text="今天没有需要跟进的客户" hint="客户阅读、浏览、下单后会出现在这里" />;
  return (
    <View className="card">
      {header}
      {rows.length === 0 ? <Text className="muted">今天没有需要跟进的客户</Text> : null}
      {shown.map((r) => (
        <CustomerCell key={r.openid} customer={r} srcs={src} testid="today-row" aside={<Text className="muted">{r.lastAt ? formatDateTime(r.lastAt).slice(5) : ''}</Text>}>
          <Text className="ellipsis">
            {r.nickname}
            {r.stage ? <Text className="tag stage-tag">{STAGE_TEXT[r.stage]}</Text> : null}
          </Text>
          <View className="row follow-reasons">
            {r.reasons.map((x) => (
              <Text key={x} className={`tag reason-${x}`}>
                {REASON_TEXT[x] ?? x}
              </Text>
            ))}
          </View>
          {r.reminder ? <Text className="muted ellipsis">提醒：{r.reminder.text}</Text> : null}
        </CustomerCell>
      ))}
    </View>
  );
}
