import { View } from '@tarojs/components';

/** A thin bar filled to `percent` (0–100). */
export function ProgressBar({ percent }: { percent: number }) {
  const p = Math.max(0, Math.min(100, percent));
  return (
    <View className="tr-bar" data-percent={p}>
      <View className="tr-bar-fill" style={{ width: `${p}%` }} />
    </View>
  );
}
