import { Text } from '@tarojs/components';
import { formatFen, splitFen } from '../utils/money';

/** Red price with big yuan and small cents; optional struck-through list price. */
export function Price({ fen, listFen, className = '' }: { fen: number; listFen?: number; className?: string }) {
  const { yuan, cents } = splitFen(fen);
  return (
    <Text className={`price ${className}`}>
      <Text className="yuan-sign">¥</Text>
      <Text className="yuan">{yuan}</Text>
      <Text className="cents">.{cents}</Text>
      {listFen && listFen > fen ? <Text className="list-price">{formatFen(listFen)}</Text> : null}
    </Text>
  );
}
