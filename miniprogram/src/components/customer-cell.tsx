import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CustomerFace } from './customer-face';

/**
 * A row about one of the salesperson's customers: their face (their avatar's file id resolved in
 * `srcs`, from `useImageSrcs`), `children` beside it, `aside` at the right; a tap opens the customer
 * 360. `visitId` marks a row about one visit (the radar).
 */
export function CustomerCell(props: {
  customer: { openid: string; avatar: string | null; nickname: string };
  srcs: Record<string, string>;
  testid: string;
  visitId?: string;
  aside: ReactNode;
  children: ReactNode;
}) {
  const { openid, avatar, nickname } = props.customer;
  return (
    <View className="cell" onClick={() => Taro.navigateTo({ url: `/packageSales/customer/index?openid=${openid}` })} data-testid={props.testid} data-openid={openid} data-visit={props.visitId}>
      <View className="row grow">
        <CustomerFace src={avatar ? props.srcs[avatar] : undefined} name={nickname} />
        <View className="grow radar-mid">{props.children}</View>
      </View>
      {props.aside}
    </View>
  );
}
