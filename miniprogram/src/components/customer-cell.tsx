import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CustomerFace } from './customer-face';

/**
 * A row about one of the salesperson's customers: their face, `children` beside it, `aside` at the
 * right; a tap opens the customer 360. `visitId` marks a row about one visit (the radar).
 */
export function CustomerCell(props: { openid: string; src?: string; name: string; testid: string; visitId?: string; aside: ReactNode; children: ReactNode }) {
  return (
    <View className="cell" onClick={() => Taro.navigateTo({ url: `/packageSales/customer/index?openid=${props.openid}` })} data-testid={props.testid} data-openid={props.openid} data-visit={props.visitId}>
      <View className="row grow">
        <CustomerFace src={props.src} name={props.name} />
        <View className="grow radar-mid">{props.children}</View>
      </View>
      {props.aside}
    </View>
  );
}
