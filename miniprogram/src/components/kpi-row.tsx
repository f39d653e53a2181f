import { View, Text } from '@tarojs/components';

export interface Kpi {
  value: React.ReactNode;
  label: string;
  testid?: string;
}

/** The class names of a page's figure row (each page keeps its own look). */
export interface KpiLook {
  row: string;
  cell: string;
  value: string;
  label: string;
}

/** A row of figures, each over its label. */
export function KpiRow({ items, look }: { items: Kpi[]; look: KpiLook }) {
  return (
    <View className={look.row}>
      {items.map((k) => (
        <View key={k.label} className={look.cell}>
          <Text className={look.value} data-testid={k.testid}>
            {k.value}
          </Text>
          <Text className={look.label}>{k.label}</Text>
        </View>
      ))}
    </View>
  );
}
