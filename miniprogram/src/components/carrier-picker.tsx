import { Picker, View, Text } from '@tarojs/components';
import { CARRIERS } from '../../../shared/fulfil/carriers';
import type { CarrierCode } from '../services/api';

/** A carrier from the short list of Chinese carriers (shared/fulfil/carriers.ts), "其他" last. */
export function CarrierPicker({ value, onChange, testid }: { value: CarrierCode; onChange: (c: CarrierCode) => void; testid?: string }) {
  const index = Math.max(0, CARRIERS.findIndex((c) => c.code === value));
  return (
    <Picker mode="selector" range={CARRIERS.map((c) => c.name)} value={index} onChange={(e) => onChange(CARRIERS[Number(e.detail.value)].code)}>
      <View className="cell as-field" data-testid={testid}>
        <Text>快递公司</Text>
        <Text>{`${CARRIERS[index].name} ›`}</Text>
      </View>
    </Picker>
  );
}
