import { View, Text } from '@tarojs/components';
export default function Shelf() {
  return <View><Text>货架</Text></View>;
}
